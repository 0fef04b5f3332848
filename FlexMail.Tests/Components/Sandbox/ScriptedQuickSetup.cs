using FlexMail.Portal.Sandbox.QuickSetup;

namespace FlexMail.Tests.Components.Sandbox;

/// <summary>
/// A quick setup that reports the steps it is given, then waits until the test lets it finish, so that a test sees the
/// panel while it runs and after.
/// </summary>
internal sealed class ScriptedQuickSetup : ISandboxQuickSetup
{
    private readonly TaskCompletionSource _finish = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The real setup <see cref="FindRealSetupAsync"/> answers; null: none.</summary>
    public RealSetup? Real { get; init; }

    public List<QuickSetupStepResult> StepsBeforeFinish { get; init; } = [];

    public List<QuickSetupStepResult> StepsAfterFinish { get; init; } = [];

    public List<QuickSetupRequest> Requests { get; } = [];

    public void Finish() => _finish.TrySetResult();

    public Task<RealSetup?> FindRealSetupAsync(CancellationToken cancellationToken) => Task.FromResult(Real);

    public async Task<QuickSetupReport> RunAsync(QuickSetupRequest request, IProgress<QuickSetupStepResult>? progress, CancellationToken cancellationToken)
    {
        Requests.Add(request);
        StepsBeforeFinish.ForEach(step => progress?.Report(step));
        await _finish.Task.WaitAsync(cancellationToken);
        StepsAfterFinish.ForEach(step => progress?.Report(step));
        return new QuickSetupReport([.. StepsBeforeFinish, .. StepsAfterFinish]);
    }

    public static QuickSetupStepResult Passed(QuickSetupStep step) => QuickSetupStepResult.Passed(step, $"{QuickSetupSteps.Title(step)} done.");
}
