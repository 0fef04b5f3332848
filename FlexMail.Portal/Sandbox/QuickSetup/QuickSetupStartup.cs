using FlexMail.Domain.Audit;
using FlexMail.Domain.OAuthApps;
using FlexMail.Domain.Settings;
using Microsoft.Extensions.Options;

namespace FlexMail.Portal.Sandbox.QuickSetup;

/// <summary>
/// <c>FlexMail:Sandbox:QuickSetup</c> = Delegated or Application: once the portal listens (after the migrations, the
/// sandbox's seed and its sign-in app's redirect URIs, all done by the hosted services registered before this one), runs
/// the quick setup at <see cref="SandboxBaseAddress"/>, for demos and tests. A real setup is never replaced (a warning
/// is logged instead); a setup an earlier quick setup made in the same mode that is still configured is kept as it is. A
/// failure is logged and never stops the portal.
/// </summary>
internal sealed partial class QuickSetupStartup(
    ISandboxQuickSetup quickSetup,
    SetupOverviewQuery overview,
    OAuthApplicationService applications,
    SandboxBaseAddress address,
    IOptions<SandboxOptions> options,
    ILogger<QuickSetupStartup> logger) : IHostedLifecycleService
{
    /// <summary>Who the audit log, the authorization and the test run name for what the start-up did.</summary>
    public static readonly Actor Actor = new("FlexMail:Sandbox:QuickSetup at start", null);

    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        var mode = options.Value.QuickSetup;
        if (mode == QuickSetupMode.None || !options.Value.Enabled)
        {
            return;
        }
        try
        {
            if (await AlreadyDoneAsync(mode, cancellationToken))
            {
                LogAlreadyDone(logger, mode);
                return;
            }
            var report = await quickSetup.RunAsync(new QuickSetupRequest(mode, address.BaseUrl, Actor), null, cancellationToken);
            if (report.Refused is { } real)
            {
                LogRealSetupKept(logger, mode, real.Describe());
            }
            else if (report.Steps.FirstOrDefault(s => s.Verdict == Domain.EmailTest.TestVerdict.Failed) is { } failed)
            {
                LogFailed(logger, mode, failed.Title, failed.Summary, failed.Fix ?? "");
            }
            else
            {
                LogDone(logger, mode, address.BaseUrl);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogError(logger, ex, mode);
        }
    }

    private async Task<bool> AlreadyDoneAsync(QuickSetupMode mode, CancellationToken cancellationToken)
    {
        var setup = await overview.GetAsync(cancellationToken);
        if (!setup.IsEmailConfigured || setup.SmtpOAuthApplicationId is not { } chosen)
        {
            return false;
        }
        var wanted = mode == QuickSetupMode.Delegated ? PermissionMode.Delegated : PermissionMode.Application;
        return (await applications.ListAsync(cancellationToken)).Any(a => a.Id == chosen && a.Name == QuickSetupTarget.AppName && a.PermissionMode == wanted);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Sandbox quick setup ({Mode}) done: FlexMail is set up against the sandbox tenant at {BaseUrl}")]
    private static partial void LogDone(ILogger logger, QuickSetupMode mode, Uri baseUrl);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sandbox quick setup ({Mode}) not needed: an earlier quick setup in this mode is still configured")]
    private static partial void LogAlreadyDone(ILogger logger, QuickSetupMode mode);

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "Sandbox quick setup ({Mode}) skipped: a real setup exists and is never replaced at start. {Replaced} " +
        "Use Try with the sandbox on the Dashboard to replace it knowingly, or set FlexMail:Sandbox:QuickSetup to None.")]
    private static partial void LogRealSetupKept(ILogger logger, QuickSetupMode mode, string replaced);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sandbox quick setup ({Mode}) failed at {Step}: {Cause} {Fix}")]
    private static partial void LogFailed(ILogger logger, QuickSetupMode mode, string step, string cause, string fix);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sandbox quick setup ({Mode}) stopped with an unexpected error; the portal runs without it")]
    private static partial void LogError(ILogger logger, Exception exception, QuickSetupMode mode);
}
