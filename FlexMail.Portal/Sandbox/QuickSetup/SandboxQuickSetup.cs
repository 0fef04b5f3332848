using FlexMail.Domain.MailboxAccess.Authorize;
using FlexMail.Domain.OAuthApps;
using FlexMail.Domain.Settings;
using Microsoft.Extensions.Options;

namespace FlexMail.Portal.Sandbox.QuickSetup;

/// <summary>
/// Runs the quick setup's steps in order (register the app, make a secret, save the settings, authorize the service user
/// when delegated, test), one run at a time. A real setup is left alone unless the request allows replacing it.
/// </summary>
public sealed partial class SandboxQuickSetup(
    RealSetupCheck realSetup,
    RegisterSandboxAppStep register,
    CreateSecretStep secret,
    SaveSettingsStep save,
    AuthorizeServiceUserStep authorize,
    TestConfigurationStep test,
    SandboxBaseAddress sandboxAddress,
    IOptions<OAuthOptions> oauth,
    ILogger<SandboxQuickSetup> logger) : ISandboxQuickSetup
{
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    public Task<RealSetup?> FindRealSetupAsync(CancellationToken cancellationToken) => realSetup.FindAsync(cancellationToken);

    public async Task<QuickSetupReport> RunAsync(QuickSetupRequest request, IProgress<QuickSetupStepResult>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Mode == QuickSetupMode.None)
        {
            throw new ArgumentException("A quick setup needs a mode: Delegated or Application.", nameof(request));
        }
        await _oneAtATime.WaitAsync(cancellationToken);
        try
        {
            if (await realSetup.FindAsync(cancellationToken) is { } real && !request.ReplaceRealSetup)
            {
                LogRefused(logger, real.Describe());
                return new QuickSetupReport([], real);
            }
            var run = new Run(progress, logger);
            await RunStepsAsync(request, run, cancellationToken);
            return new QuickSetupReport(run.Results);
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    private async Task RunStepsAsync(QuickSetupRequest request, Run run, CancellationToken cancellationToken)
    {
        var mode = request.Mode == QuickSetupMode.Delegated ? PermissionMode.Delegated : PermissionMode.Application;
        // Opened over plain http, the portal's https address is another port: the sandbox's own address is the portal's https one.
        var portal = request.PortalAddress.Scheme == Uri.UriSchemeHttps ? request.PortalAddress : sandboxAddress.BaseUrl;
        var serverBaseUrl = portal.GetLeftPart(UriPartial.Authority);
        var redirectUri = ServerBaseUrl.RedirectUri(serverBaseUrl, oauth.Value.CallbackPath);

        var app = await run.StepAsync(QuickSetupStep.RegisterApp, async () => await register.RunAsync(mode, redirectUri, cancellationToken));
        var newSecret = app is null ? null
            : await run.StepAsync(QuickSetupStep.CreateSecret, async () => await secret.RunAsync(app, cancellationToken));
        var saved = newSecret is not null
            && await run.StepAsync(QuickSetupStep.SaveSettings, async () =>
            {
                var result = await save.RunAsync(app!, newSecret, mode, serverBaseUrl, request.Actor, cancellationToken);
                return (result.Verdict == Domain.EmailTest.TestVerdict.Passed, result);
            });
        var authorized = saved && (mode == PermissionMode.Application
            ? run.Skip(QuickSetupStep.AuthorizeServiceUser,
                "Application permissions: FlexMail signs in with the app's own secret, so there is no mailbox user to authorize.")
            : await run.StepAsync(QuickSetupStep.AuthorizeServiceUser, async () =>
            {
                var result = await authorize.RunAsync(request.Actor, cancellationToken);
                return (result.Verdict == Domain.EmailTest.TestVerdict.Passed, result);
            }));
        if (authorized)
        {
            await run.StepAsync(QuickSetupStep.TestConfiguration, async () =>
            {
                var result = await test.RunAsync(request.Actor, cancellationToken);
                return (result.Verdict != Domain.EmailTest.TestVerdict.Failed, result);
            });
        }
        run.SkipTheRest();
    }

    /// <summary>One run's results: each step reported as it ends; an unexpected error fails the step in words, never escapes.</summary>
    private sealed class Run(IProgress<QuickSetupStepResult>? progress, ILogger logger)
    {
        private readonly List<QuickSetupStepResult> _results = [];

        public IReadOnlyList<QuickSetupStepResult> Results => _results;

        public async Task<T?> StepAsync<T>(QuickSetupStep step, Func<Task<(T? Value, QuickSetupStepResult Result)>> action)
        {
            try
            {
                var (value, result) = await action();
                Report(result);
                return result.Verdict == Domain.EmailTest.TestVerdict.Failed ? default : value;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogStepError(logger, ex, QuickSetupSteps.Title(step));
                Report(QuickSetupStepResult.Failed(step, $"The step stopped with an unexpected error: {ex.Message}",
                    "Click Try with the sandbox again; if it fails the same way, take this step by hand in the setup wizard."));
                return default;
            }
        }

        public bool Skip(QuickSetupStep step, string why)
        {
            Report(QuickSetupStepResult.Skipped(step, why));
            return true;
        }

        public void SkipTheRest()
        {
            var failed = _results.FirstOrDefault(r => r.Verdict == Domain.EmailTest.TestVerdict.Failed);
            foreach (var step in QuickSetupSteps.All.Where(s => _results.All(r => r.Step != s)))
            {
                Report(QuickSetupStepResult.Skipped(step, failed is null ? "Not needed." : $"Skipped because \"{failed.Title}\" failed."));
            }
        }

        private void Report(QuickSetupStepResult result)
        {
            _results.Add(result);
            LogStep(logger, result.Title, result.Verdict.ToString(), result.Summary);
            progress?.Report(result);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sandbox quick setup: {Step}: {Verdict}. {Summary}")]
    private static partial void LogStep(ILogger logger, string step, string verdict, string summary);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sandbox quick setup: the step {Step} stopped with an unexpected error")]
    private static partial void LogStepError(ILogger logger, Exception exception, string step);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sandbox quick setup skipped: a real setup exists and was not replaced. {Replaced}")]
    private static partial void LogRefused(ILogger logger, string replaced);
}
