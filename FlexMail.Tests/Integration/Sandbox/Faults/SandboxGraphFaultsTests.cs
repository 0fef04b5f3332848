using System.Net;
using FlexMail.Portal.Sandbox.Faults;
using FlexMail.Portal.Sandbox.Identity;
using FlexMail.Portal.Sandbox.Persistence;
using FlexMail.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace FlexMail.Tests.Integration.Sandbox.Faults;

/// <summary>Random 503s, added latency, concurrency and the fault settings themselves, on a portal of their own.</summary>
public sealed class SandboxGraphFaultsTests(KestrelPortal portal) : IClassFixture<KestrelPortal>, IAsyncLifetime
{
    private const string Diego = "users/diego.siciliani@contoso.test/messages";

    private readonly GraphFaultsKit _graph = new(portal);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _graph.ResetAsync();
        _graph.Dispose();
    }

    [Fact]
    public async Task Graph_ServiceUnavailableAt100Percent_AnswersEveryRequest503WithGraphError()
    {
        await _graph.SetAsync(new SandboxFaultSettings { ServiceUnavailablePercent = 100 });
        var token = await _graph.AppTokenAsync(Guid.NewGuid());

        var responses = new[]
        {
            await _graph.GetAsync(Diego, token),
            await _graph.GetAsync("me", null),
            await _graph.BatchAsync(token, Diego),
        };

        foreach (var response in responses)
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal(1, GraphFaultsKit.RetryAfterSeconds(response));
            var error = await GraphFaultsKit.ReadGraphErrorAsync(response);
            Assert.Equal(GraphFaultResponses.ServiceUnavailableCode, error.Code);
        }
    }

    [Fact]
    public async Task Graph_ServiceUnavailableAt0Percent_NeverAnswers503()
    {
        var token = await _graph.AppTokenAsync(Guid.NewGuid());

        for (var i = 0; i < 20; i++)
        {
            Assert.NotEqual(HttpStatusCode.ServiceUnavailable, (await _graph.GetAsync(Diego, token)).StatusCode);
        }
    }

    [Fact]
    public async Task Middleware_AddedLatency_WaitsOnTheTimeProviderBeforeAnswering()
    {
        await _graph.SetAsync(new SandboxFaultSettings { AddedLatencyMilliseconds = 30_000 });
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var middleware = Middleware(new SandboxMailboxThrottle(clock), clock, NullLogger<SandboxGraphFaultsMiddleware>.Instance);
        var reached = false;

        var handling = middleware.InvokeAsync(GraphContext(Diego, token: null), _ =>
        {
            reached = true;
            return Task.CompletedTask;
        });

        Assert.False(handling.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(29_999));
        Assert.False(handling.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        // Well before the 30 s a real-time delay would take.
        await handling.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(reached);
    }

    [Fact]
    public async Task Middleware_FiveRequestsInFlightWithLimitFour_AnswersOne429ForConcurrencyAndLogsIt()
    {
        var appId = Guid.NewGuid();
        var token = await _graph.AppTokenAsync(appId);
        var logger = new CapturingLogger();
        var middleware = Middleware(new SandboxMailboxThrottle(TimeProvider.System), TimeProvider.System, logger);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var entered = 0;
        var contexts = Enumerable.Range(0, 5).Select(_ => GraphContext("users/approvals@contoso.test/messages", token)).ToList();

        var handling = contexts.Select(context => Task.Run(() => middleware.InvokeAsync(context, async _ =>
        {
            Interlocked.Increment(ref entered);
            await release.Task;
        }))).ToList();
        var first = await Task.WhenAny(handling).WaitAsync(TimeSpan.FromSeconds(30));
        await first;
        release.SetResult();
        await Task.WhenAll(handling).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(4, entered);
        var refused = Assert.Single(contexts, c => c.Response.StatusCode == StatusCodes.Status429TooManyRequests);
        Assert.Equal("1", refused.Response.Headers.RetryAfter.ToString());
        refused.Response.Body.Position = 0;
        var body = await new StreamReader(refused.Response.Body).ReadToEndAsync();
        Assert.Contains($"\"code\":\"{GraphFaultResponses.ConcurrencyCode}\"", body, StringComparison.Ordinal);
        Assert.Contains($"\"message\":\"{GraphFaultResponses.ConcurrencyMessage}\"", body, StringComparison.Ordinal);
        var log = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Information, log.Level);
        Assert.Contains(appId.ToString(), log.Message, StringComparison.Ordinal);
        Assert.Contains("approvals@contoso.test", log.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(token.Split('.')[2], log.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 600, 4, 0, 0, "Request budget")]
    [InlineData(10, 3601, 4, 0, 0, "Budget window (seconds)")]
    [InlineData(10, 60, 101, 0, 0, "Concurrent requests")]
    [InlineData(10, 60, 4, 101, 0, "Service unavailable rate (%)")]
    [InlineData(10, 60, 4, 0, 30_001, "Added latency (ms)")]
    public async Task UpdateAsync_ValueOutOfRange_IsRefusedAndSavesNothing(int budget, int window, int concurrent, int percent, int latency, string field)
    {
        var faults = portal.Get<SandboxFaults>();
        var before = await faults.GetAsync(CancellationToken.None);

        var result = await faults.UpdateAsync(new SandboxFaultSettings
        {
            ThrottlingEnabled = false, RequestBudget = budget, BudgetWindowSeconds = window, MaxConcurrentRequests = concurrent,
            ServiceUnavailablePercent = percent, AddedLatencyMilliseconds = latency,
        }, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal(field, result.Field);
        Assert.False(string.IsNullOrEmpty(result.Error));
        Assert.Equivalent(before, await faults.GetAsync(CancellationToken.None));
        Assert.Equivalent(before, await StoredAsync());
    }

    [Fact]
    public async Task UpdateAsync_ValidSettings_AreStoredAndServedFromThenOn()
    {
        var faults = portal.Get<SandboxFaults>();
        var wanted = new SandboxFaultSettings
        {
            ThrottlingEnabled = false, RequestBudget = 50, BudgetWindowSeconds = 120, MaxConcurrentRequests = 2,
            ServiceUnavailablePercent = 10, AddedLatencyMilliseconds = 250,
        };

        var result = await faults.UpdateAsync(wanted, CancellationToken.None);
        var current = await faults.GetAsync(CancellationToken.None);
        current.RequestBudget = 1; // a copy: changing it changes nothing

        Assert.True(result.Succeeded);
        Assert.Equivalent(wanted, await StoredAsync());
        Assert.Equivalent(wanted, await faults.GetAsync(CancellationToken.None));
    }

    private SandboxGraphFaultsMiddleware Middleware(SandboxMailboxThrottle throttle, TimeProvider clock, ILogger<SandboxGraphFaultsMiddleware> logger) =>
        new(portal.Get<SandboxFaults>(), throttle, portal.Get<GraphMailboxTargets>(), portal.Get<SandboxTokenService>(), clock, logger);

    private static DefaultHttpContext GraphContext(string relativeUrl, string? token)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = HttpMethods.Get;
        context.Request.Path = $"/sandbox/graph/v1.0/{relativeUrl}";
        if (token is not null)
        {
            context.Request.Headers.Authorization = $"Bearer {token}";
        }
        context.Response.Body = new MemoryStream();
        return context;
    }

    private async Task<SandboxFaultSettings> StoredAsync()
    {
        await using var db = await portal.Get<IDbContextFactory<SandboxDbContext>>().CreateDbContextAsync();
        return await db.FaultSettings.AsNoTracking().SingleAsync();
    }

    private sealed class CapturingLogger : ILogger<SandboxGraphFaultsMiddleware>
    {
        private readonly List<(LogLevel Level, string Message)> _entries = [];

        public IReadOnlyList<(LogLevel Level, string Message)> Entries
        {
            get
            {
                lock (_entries)
                {
                    return [.. _entries];
                }
            }
        }

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (_entries)
            {
                _entries.Add((logLevel, formatter(state, exception)));
            }
        }
    }
}
