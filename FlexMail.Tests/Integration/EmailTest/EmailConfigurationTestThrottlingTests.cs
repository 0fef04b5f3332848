using FlexMail.Domain.EmailTest;
using FlexMail.Portal.Sandbox.Faults;
using FlexMail.Tests.Support;
using static FlexMail.Domain.EmailTest.TestVerdict;

namespace FlexMail.Tests.Integration.EmailTest;

/// <summary>Test Email Configuration while the sandbox throttles (its own portal, faults reset after each test).</summary>
public sealed class EmailConfigurationTestThrottlingTests(KestrelPortal portal) : IClassFixture<KestrelPortal>, IAsyncLifetime
{
    private readonly EmailConfigurationTestKit _kit = new(portal);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        Assert.True((await portal.Get<SandboxFaults>().UpdateAsync(new SandboxFaultSettings(), CancellationToken.None)).Succeeded);
        portal.Get<SandboxMailboxThrottle>().Clear();
    }

    [Fact]
    public async Task Run_BudgetSpentForAnHour_ReplyFolderStepSaysThrottledAndWhenToRetry()
    {
        portal.Get<SandboxMailboxThrottle>().Clear();
        var saved = await portal.Get<SandboxFaults>().UpdateAsync(
            new SandboxFaultSettings { RequestBudget = 1, BudgetWindowSeconds = 3600 }, CancellationToken.None);
        Assert.True(saved.Succeeded, saved.Error);

        // Opening Inbox/FlexMail Replies takes two requests on the approvals mailbox: the second is over the budget.
        var report = await _kit.RunAsync(_kit.ServiceUserRequest());

        var open = report[TestStep.OpenReplyFolder];
        Assert.Equal(Failed, open.Verdict);
        Assert.Equal(GraphFaultResponses.TooManyRequestsCode, open.Code);
        var now = portal.Get<TimeProvider>().GetUtcNow();
        Assert.InRange(open.RetryAfter!.Value, now.AddMinutes(50), now.AddMinutes(61));
        Assert.Contains($"was throttled by Microsoft Graph: retry after {open.RetryAfter:yyyy-MM-dd HH:mm:ss} UTC", open.Summary);
        Assert.Contains("throttled", open.Cause);
        Assert.Contains("retry after", open.Fix);
        Assert.Equal(Skipped, report[TestStep.ReadOneMessage].Verdict);
    }
}
