using System.Net;
using FlexMail.Portal.Sandbox;
using FlexMail.Portal.Sandbox.Faults;
using FlexMail.Tests.Support;

namespace FlexMail.Tests.Integration.Sandbox.Faults;

/// <summary>
/// Throttling per app + mailbox over real HTTPS. Only what the fault middleware produces is asserted (429 or not):
/// whatever answers behind it is not under test here.
/// </summary>
public sealed class SandboxGraphThrottlingTests(KestrelPortal portal) : IClassFixture<KestrelPortal>, IAsyncLifetime
{
    private const string Diego = "users/diego.siciliani@contoso.test/messages";
    private const string Adele = "users/adele.vance@contoso.test/messages";

    private readonly GraphFaultsKit _graph = new(portal);

    public Task InitializeAsync() => _graph.SetAsync(new SandboxFaultSettings { RequestBudget = 3, BudgetWindowSeconds = 60 });

    public async Task DisposeAsync()
    {
        await _graph.ResetAsync();
        _graph.Dispose();
    }

    [Fact]
    public async Task Graph_FourthRequestFromAppToMailboxInWindow_Answers429WithRetryAfterAndGraphError()
    {
        var token = await _graph.AppTokenAsync(Guid.NewGuid());
        for (var i = 0; i < 3; i++)
        {
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await _graph.GetAsync(Diego, token)).StatusCode);
        }

        var response = await _graph.GetAsync(Diego, token);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.InRange(GraphFaultsKit.RetryAfterSeconds(response), 1, 60);
        var error = await GraphFaultsKit.ReadGraphErrorAsync(response);
        Assert.Equal(GraphFaultResponses.TooManyRequestsCode, error.Code);
        Assert.Equal(GraphFaultResponses.TooManyRequestsMessage, error.Message);
    }

    [Fact]
    public async Task Graph_OneMailboxOverBudget_OtherMailboxAndOtherAppAreNotThrottled()
    {
        var token = await _graph.AppTokenAsync(Guid.NewGuid());
        var otherApp = await _graph.AppTokenAsync(Guid.NewGuid());
        for (var i = 0; i < 4; i++)
        {
            await _graph.GetAsync(Diego, token);
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, (await _graph.GetAsync(Diego, token)).StatusCode);

        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await _graph.GetAsync(Adele, token)).StatusCode);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await _graph.GetAsync(Diego, otherApp)).StatusCode);
    }

    [Fact]
    public async Task Graph_MeUpnAndIdOfTheSameUser_ShareOneBudget()
    {
        var token = await _graph.UserTokenAsync(Guid.NewGuid());
        await _graph.GetAsync("me/messages", token);
        await _graph.GetAsync("users/SVC-FlexMail@contoso.test/mailFolders", token);
        await _graph.GetAsync($"users/{SandboxSeed.ServiceUser.Id}", token);

        var response = await _graph.GetAsync("me/mailFolders/inbox/messages?$top=5", token);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        var counters = Assert.Single(portal.Get<SandboxMailboxThrottle>().Snapshot(), c => c.Mailbox == "svc-flexmail@contoso.test" && c.ThrottledCount > 0);
        Assert.Equal(3, counters.RequestsInWindow);
    }

    [Fact]
    public async Task Batch_SubRequests_CountEachAgainstItsOwnMailbox()
    {
        var token = await _graph.AppTokenAsync(Guid.NewGuid());

        var batch = await _graph.BatchAsync(token, Diego, Diego, Adele, $"/{Diego}?$top=1");

        Assert.NotEqual(HttpStatusCode.TooManyRequests, batch.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await _graph.GetAsync(Diego, token)).StatusCode);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await _graph.GetAsync(Adele, token)).StatusCode);
    }

    [Fact]
    public async Task Batch_MoreSubRequestsToOneMailboxThanItsBudget_Answers429()
    {
        var token = await _graph.AppTokenAsync(Guid.NewGuid());

        var response = await _graph.BatchAsync(token, Diego, Diego, Diego, Diego);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(GraphFaultResponses.TooManyRequestsCode, (await GraphFaultsKit.ReadGraphErrorAsync(response)).Code);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await _graph.GetAsync(Diego, token)).StatusCode);
    }

    [Fact]
    public async Task Graph_WithoutAValidToken_IsNeverThrottled()
    {
        var token = await _graph.AppTokenAsync(Guid.NewGuid());
        var forged = token[..^4] + "AAAA";

        for (var i = 0; i < 5; i++)
        {
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await _graph.GetAsync(Diego, forged)).StatusCode);
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await _graph.GetAsync(Diego, null)).StatusCode);
        }
    }

    [Fact]
    public async Task Graph_ThrottlingDisabled_DoesNotThrottle()
    {
        await _graph.SetAsync(new SandboxFaultSettings { ThrottlingEnabled = false, RequestBudget = 1 });
        var token = await _graph.AppTokenAsync(Guid.NewGuid());

        for (var i = 0; i < 3; i++)
        {
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await _graph.GetAsync(Diego, token)).StatusCode);
        }
    }
}
