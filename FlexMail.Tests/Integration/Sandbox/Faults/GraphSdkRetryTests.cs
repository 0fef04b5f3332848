using FlexMail.Portal.Sandbox;
using FlexMail.Portal.Sandbox.Faults;
using FlexMail.Tests.Integration.Sandbox.Graph;
using FlexMail.Tests.Support;

namespace FlexMail.Tests.Integration.Sandbox.Faults;

/// <summary>The Graph SDK's own retry handler against the sandbox's throttling: it waits Retry-After and tries again.</summary>
public sealed class GraphSdkRetryTests(KestrelPortal portal) : IClassFixture<KestrelPortal>, IAsyncLifetime
{
    private readonly GraphFaultsKit _faults = new(portal);
    private readonly SandboxGraph _graph = new(portal);

    public Task InitializeAsync() => _faults.SetAsync(new SandboxFaultSettings { RequestBudget = 1, BudgetWindowSeconds = 1 });

    public async Task DisposeAsync()
    {
        await _faults.ResetAsync();
        _faults.Dispose();
    }

    [Fact]
    public async Task SecondRequestInWindow_Answered429_IsRetriedBySdkAfterRetryAfter_AndSucceeds()
    {
        var token = await _graph.DelegatedTokenAsync(SandboxSeed.ServiceUser, SandboxGraph.ServiceScopes);
        var client = _graph.ClientWithDefaultHandlers(token);
        Assert.NotNull(await client.Me.GetAsync());

        var folders = await client.Me.MailFolders.GetAsync();

        Assert.Contains(folders!.Value!, folder => folder.DisplayName == "Inbox");
        var counters = Assert.Single(portal.Get<SandboxMailboxThrottle>().Snapshot(),
            c => c.Mailbox == SandboxSeed.ServiceUser.UserPrincipalName.ToLowerInvariant());
        Assert.Equal(1, counters.ThrottledCount);
    }
}
