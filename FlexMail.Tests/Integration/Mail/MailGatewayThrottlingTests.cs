using FlexMail.Domain.Mail;
using FlexMail.Portal.Sandbox;
using FlexMail.Portal.Sandbox.Faults;
using FlexMail.Tests.Support;

namespace FlexMail.Tests.Integration.Mail;

/// <summary>
/// The sandbox's throttling and outages through the gateway (its own portal, faults reset after each test): a short
/// Retry-After is waited out by the SDK's retry handler; one beyond the gateway's retry time limit answers a throttled
/// failure that says when to retry; a 503 on every try answers service unavailable once the retries are spent.
/// </summary>
public sealed class MailGatewayThrottlingTests(KestrelPortal portal) : IClassFixture<KestrelPortal>, IAsyncLifetime
{
    private readonly MailGatewayKit _kit = new(portal);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        Assert.True((await portal.Get<SandboxFaults>().UpdateAsync(new SandboxFaultSettings(), CancellationToken.None)).Succeeded);
        portal.Get<SandboxMailboxThrottle>().Clear();
    }

    [Fact]
    public async Task ListFolders_BudgetSpentForAnHour_FailsThrottledSayingWhenToRetry()
    {
        await SetBudgetAsync(windowSeconds: 3600);
        using var gateway = _kit.ServiceUserGateway();
        Assert.True((await gateway.ResolveFolderAsync(MailGatewayKit.Approvals, "Inbox", CancellationToken.None)).Succeeded);

        var folders = await gateway.ListFoldersAsync(MailGatewayKit.Approvals, CancellationToken.None);

        Assert.False(folders.Succeeded);
        Assert.Equal(MailFailureKind.Throttled, folders.MailFailure().Kind);
        Assert.Equal(429, folders.MailFailure().Status);
        Assert.Equal(GraphFaultResponses.TooManyRequestsCode, folders.MailFailure().GraphCode);
        Assert.Contains("throttled", folders.MailFailure().Cause);
        Assert.Contains("retry after", folders.MailFailure().Fix);
        var now = portal.Get<TimeProvider>().GetUtcNow();
        Assert.InRange(folders.MailFailure().RetryAfter!.Value, now.AddMinutes(50), now.AddMinutes(61));
        Assert.Contains($"{folders.MailFailure().RetryAfter:yyyy-MM-dd HH:mm:ss} UTC", folders.MailFailure().Fix);
    }

    [Fact]
    public async Task ListFolders_BudgetBackWithinSeconds_SdkWaitsRetryAfterAndSucceeds()
    {
        await SetBudgetAsync(windowSeconds: 1);
        using var gateway = _kit.ServiceUserGateway();
        Assert.True((await gateway.ResolveFolderAsync(SandboxSeed.ServiceUser.Mail!, "Inbox", CancellationToken.None)).Succeeded);

        var folder = await gateway.ResolveFolderAsync(SandboxSeed.ServiceUser.Mail!, "Inbox", CancellationToken.None);

        Assert.True(folder.Succeeded, folder.Problem?.ToString());
        Assert.Contains(portal.Get<SandboxMailboxThrottle>().Snapshot(),
            c => c.Mailbox == SandboxSeed.ServiceUser.Mail!.ToLowerInvariant() && c.ThrottledCount >= 1);
    }

    [Fact]
    public async Task ListFolders_GraphUnavailableOnEveryTry_FailsServiceUnavailableAfterRetries()
    {
        var saved = await portal.Get<SandboxFaults>().UpdateAsync(new SandboxFaultSettings { ServiceUnavailablePercent = 100 }, CancellationToken.None);
        Assert.True(saved.Succeeded, saved.Error);
        using var gateway = _kit.ServiceUserGateway();

        var folders = await gateway.ListFoldersAsync(MailGatewayKit.Approvals, CancellationToken.None);

        Assert.False(folders.Succeeded);
        Assert.Equal(MailFailureKind.ServiceUnavailable, folders.MailFailure().Kind);
        Assert.Equal(503, folders.MailFailure().Status);
        Assert.Equal(GraphFaultResponses.ServiceUnavailableCode, folders.MailFailure().GraphCode);
        Assert.Contains("the retries did not get through", folders.MailFailure().Cause);
        Assert.NotNull(folders.MailFailure().RetryAfter);
    }

    private async Task SetBudgetAsync(int windowSeconds)
    {
        portal.Get<SandboxMailboxThrottle>().Clear();
        var saved = await portal.Get<SandboxFaults>().UpdateAsync(
            new SandboxFaultSettings { RequestBudget = 1, BudgetWindowSeconds = windowSeconds }, CancellationToken.None);
        Assert.True(saved.Succeeded, saved.Error);
    }
}
