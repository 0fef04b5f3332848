using FlexMail.Portal.Sandbox.Faults;
using Microsoft.Extensions.Time.Testing;

namespace FlexMail.Tests.Sandbox.Faults;

public sealed class SandboxMailboxThrottleTests
{
    private static readonly ThrottleLimits ThreePerMinute = new(3, TimeSpan.FromSeconds(60), 4);
    private static readonly Guid App = Guid.Parse("11111111-1111-4111-8111-111111111111");
    private static readonly Guid OtherApp = Guid.Parse("22222222-2222-4222-8222-222222222222");

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void TryEnter_FourthRequestInWindow_IsRefusedUntilTheOldestLeavesTheWindow()
    {
        var throttle = new SandboxMailboxThrottle(_clock);
        for (var i = 0; i < 3; i++)
        {
            Assert.True(EnterAndLeave(throttle, App, "diego.siciliani@contoso.test").Allowed);
            _clock.Advance(TimeSpan.FromSeconds(10));
        }

        var refused = EnterAndLeave(throttle, App, "diego.siciliani@contoso.test");

        Assert.False(refused.Allowed);
        Assert.Equal(ThrottleLimit.RequestsPerWindow, refused.Limit);
        Assert.Equal(new ThrottleKey(App, "diego.siciliani@contoso.test"), refused.Key);
        Assert.Equal(TimeSpan.FromSeconds(30), refused.RetryAfter);
    }

    [Fact]
    public void TryEnter_BudgetSpentOnOneMailbox_LeavesOtherMailboxesAndOtherAppsAlone()
    {
        var throttle = new SandboxMailboxThrottle(_clock);
        for (var i = 0; i < 3; i++)
        {
            EnterAndLeave(throttle, App, "diego.siciliani@contoso.test");
        }

        Assert.False(EnterAndLeave(throttle, App, "diego.siciliani@contoso.test").Allowed);
        Assert.True(EnterAndLeave(throttle, App, "adele.vance@contoso.test").Allowed);
        Assert.True(EnterAndLeave(throttle, OtherApp, "diego.siciliani@contoso.test").Allowed);
    }

    [Fact]
    public void TryEnter_AfterTheWindowPasses_IsAllowedAgain()
    {
        var throttle = new SandboxMailboxThrottle(_clock);
        for (var i = 0; i < 3; i++)
        {
            EnterAndLeave(throttle, App, "diego.siciliani@contoso.test");
        }
        var refused = EnterAndLeave(throttle, App, "diego.siciliani@contoso.test");

        _clock.Advance(refused.RetryAfter - TimeSpan.FromSeconds(1));
        Assert.False(EnterAndLeave(throttle, App, "diego.siciliani@contoso.test").Allowed);
        _clock.Advance(TimeSpan.FromSeconds(1));

        Assert.True(EnterAndLeave(throttle, App, "diego.siciliani@contoso.test").Allowed);
    }

    [Fact]
    public void TryEnter_FifthRequestInFlightWithLimitFour_IsRefusedForConcurrency()
    {
        var throttle = new SandboxMailboxThrottle(_clock);
        var limits = new ThrottleLimits(100, TimeSpan.FromMinutes(10), 4);
        var leases = Enumerable.Range(0, 4).Select(_ => Enter(throttle, App, "approvals@contoso.test", limits)).ToList();

        var fifth = Enter(throttle, App, "approvals@contoso.test", limits);

        Assert.All(leases, lease => Assert.True(lease.Allowed));
        Assert.False(fifth.Allowed);
        Assert.Equal(ThrottleLimit.Concurrency, fifth.Limit);
        Assert.Equal(TimeSpan.FromSeconds(1), fifth.RetryAfter);
        Assert.True(Enter(throttle, OtherApp, "approvals@contoso.test", limits).Allowed);
        leases[0].Lease!.Dispose();
        leases[0].Lease!.Dispose(); // a lease leaves once however often it is disposed
        Assert.True(Enter(throttle, App, "approvals@contoso.test", limits).Allowed);
        Assert.False(Enter(throttle, App, "approvals@contoso.test", limits).Allowed);
    }

    [Fact]
    public void TryEnter_BatchOverOneMailboxesBudget_TakesNothingFromAnyMailbox()
    {
        var throttle = new SandboxMailboxThrottle(_clock);
        var batch = new Dictionary<ThrottleKey, int>
        {
            [new ThrottleKey(App, "adele.vance@contoso.test")] = 2,
            [new ThrottleKey(App, "diego.siciliani@contoso.test")] = 4,
        };

        var refused = throttle.TryEnter(batch, ThreePerMinute);

        Assert.False(refused.Allowed);
        Assert.Equal("diego.siciliani@contoso.test", refused.Key!.Value.Mailbox);
        Assert.Equal(TimeSpan.FromSeconds(60), refused.RetryAfter);
        Assert.Equal(0, throttle.Snapshot().Single(c => c.Mailbox == "adele.vance@contoso.test").RequestsInWindow);
        Assert.True(throttle.TryEnter(new Dictionary<ThrottleKey, int> { [new ThrottleKey(App, "adele.vance@contoso.test")] = 3 }, ThreePerMinute).Allowed);
    }

    [Fact]
    public void Snapshot_AfterTrafficAndOneRefusal_CountsRequestsInWindowInFlightAndThrottled()
    {
        var throttle = new SandboxMailboxThrottle(_clock);
        var held = Enter(throttle, App, "diego.siciliani@contoso.test", ThreePerMinute);
        EnterAndLeave(throttle, App, "diego.siciliani@contoso.test");
        EnterAndLeave(throttle, App, "diego.siciliani@contoso.test");
        EnterAndLeave(throttle, App, "diego.siciliani@contoso.test");
        EnterAndLeave(throttle, OtherApp, "adele.vance@contoso.test");

        var counters = throttle.Snapshot();

        var diego = Assert.Single(counters, c => c.AppId == App);
        Assert.Equal(("diego.siciliani@contoso.test", 3, 1, 1L), (diego.Mailbox, diego.RequestsInWindow, diego.InFlight, diego.ThrottledCount));
        Assert.Equal(_clock.GetUtcNow(), diego.LastThrottledAt);
        var adele = Assert.Single(counters, c => c.AppId == OtherApp);
        Assert.Equal((1, 0, 0L), (adele.RequestsInWindow, adele.InFlight, adele.ThrottledCount));
        _clock.Advance(TimeSpan.FromSeconds(60));
        Assert.Equal(0, throttle.Snapshot().Single(c => c.AppId == App).RequestsInWindow);
        held.Lease!.Dispose();
    }

    [Fact]
    public void Clear_ForgetsBudgetsAndRefusals_ButKeepsRequestsInFlight()
    {
        var throttle = new SandboxMailboxThrottle(_clock);
        var held = Enter(throttle, App, "diego.siciliani@contoso.test", ThreePerMinute);
        EnterAndLeave(throttle, App, "diego.siciliani@contoso.test");
        EnterAndLeave(throttle, App, "diego.siciliani@contoso.test");
        EnterAndLeave(throttle, App, "diego.siciliani@contoso.test");

        throttle.Clear();

        var diego = Assert.Single(throttle.Snapshot());
        Assert.Equal((0, 1, 0L), (diego.RequestsInWindow, diego.InFlight, diego.ThrottledCount));
        held.Lease!.Dispose();
        Assert.Equal(0, throttle.Snapshot().Single().InFlight);
    }

    private static ThrottleDecision Enter(SandboxMailboxThrottle throttle, Guid app, string mailbox, ThrottleLimits limits) =>
        throttle.TryEnter(new Dictionary<ThrottleKey, int> { [new ThrottleKey(app, mailbox)] = 1 }, limits);

    private static ThrottleDecision EnterAndLeave(SandboxMailboxThrottle throttle, Guid app, string mailbox)
    {
        var decision = Enter(throttle, app, mailbox, ThreePerMinute);
        decision.Lease?.Dispose();
        return decision;
    }
}
