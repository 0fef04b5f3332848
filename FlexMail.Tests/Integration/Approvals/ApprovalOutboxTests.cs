using FlexMail.Domain.Approvals;
using FlexMail.Domain.Approvals.Outbox;
using FlexMail.Portal.Sandbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace FlexMail.Tests.Integration.Approvals;

/// <summary>The approval outbox against the sandbox's Graph: what each approver receives, pacing, throttling and crashes.</summary>
[Collection(ApprovalsCollection.Name)]
public sealed class ApprovalOutboxTests(ApprovalsPortal portal) : IAsyncLifetime
{
    private readonly ApprovalScenario _scenario = new(portal);
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow.AddSeconds(1));

    public async Task InitializeAsync()
    {
        await _scenario.ConnectAsync();
        // Earlier tests' mail must not count against this test's sending limit or be sent by it.
        await using var db = await _scenario.Contexts.CreateDbContextAsync();
        await db.ApprovalMails.ExecuteUpdateAsync(update => update.SetProperty(m => m.Status, ApprovalMailStatus.Skipped).SetProperty(m => m.SentAt, (DateTimeOffset?)null));
        await _scenario.SetFaultsAsync(faults => faults.RequestBudget = 10_000);
    }

    public Task DisposeAsync() => _scenario.SetFaultsAsync(faults => faults.RequestBudget = 10_000);

    [Fact]
    public async Task Run_TwoApprovers_EachGetsOneMailWithOwnTokenReplyToAndTheRecordedMessageId()
    {
        var title = $"Deploy {Guid.NewGuid():N}";
        var id = await CreateAsync(title, ApprovalScenario.Approvers);

        var run = await _scenario.Sender(_clock).RunOnceAsync(CancellationToken.None);

        Assert.Equal(2, run.Sent);
        var mails = await _scenario.MailsAsync(id);
        Assert.All(mails, mail =>
        {
            Assert.Equal(ApprovalMailStatus.Sent, mail.Status);
            Assert.Null(mail.ProtectedToken);
            Assert.NotNull(mail.InternetMessageId);
        });
        foreach (var approver in ApprovalScenario.Approvers)
        {
            var received = Assert.Single(await _scenario.InboxAsync(approver, title));
            var mail = mails.Single(m => m.Recipient == approver.Mail);
            Assert.Equal(mail.InternetMessageId, received.InternetMessageId);
            Assert.Matches(@$"^\[FlexMail\] Approval required: {title} \[FM-[0-9A-Z]{{4}}-[0-9A-Z]{{16}}\]$", received.Subject);
            var token = Assert.Single(ReplyTokens.FindAll(received.Subject));
            Assert.Equal(mail.TokenHash, ReplyTokens.Hash(token));
            Assert.Equal("All", received.Header("X-Auto-Response-Suppress"));
            Assert.Equal(id.ToString(), received.Header("X-FlexMail-Approval"));
            Assert.Null(received.Header("Auto-Submitted"));
            Assert.Contains(SandboxSeed.ApprovalsMailbox.Mail!, received.Header("Reply-To"));
            Assert.Contains("mailto:approvals@contoso.test?subject=Re%3A%20%5BFlexMail%5D", received.Body);
            Assert.Contains(ApprovalMailComposer.Marker, received.Body);
            Assert.Contains(token.ToString(), received.Body);
        }
        var adeleToken = ReplyTokens.FindAll((await _scenario.InboxAsync(SandboxSeed.AdeleVance, title))[0].Subject);
        var alexToken = ReplyTokens.FindAll((await _scenario.InboxAsync(SandboxSeed.AlexWilber, title))[0].Subject);
        Assert.NotEqual(adeleToken, alexToken);
    }

    [Fact]
    public async Task Run_MoreThanThirtyQueued_SendsThirtyThenWaitsForTheMinuteToPass()
    {
        var title = $"Pacing {Guid.NewGuid():N}";
        var approvers = new[] { SandboxSeed.AdeleVance, SandboxSeed.AlexWilber, SandboxSeed.MeganBowen, SandboxSeed.DiegoSiciliani };
        for (var i = 0; i < 9; i++)
        {
            await CreateAsync($"{title} #{i}", approvers);
        }

        var first = await _scenario.Sender(_clock).RunOnceAsync(CancellationToken.None);
        _clock.Advance(TimeSpan.FromSeconds(59));
        var early = await _scenario.Sender(_clock).RunOnceAsync(CancellationToken.None);
        _clock.Advance(TimeSpan.FromSeconds(1));
        var second = await _scenario.Sender(_clock).RunOnceAsync(CancellationToken.None);

        Assert.Equal(30, first.Sent);
        Assert.InRange(first.NextDue!.Value, _clock.GetUtcNow().AddMilliseconds(-1), _clock.GetUtcNow());
        Assert.Equal(0, early.Sent);
        Assert.Equal(6, second.Sent);
        Assert.Null(second.NextDue);
    }

    [Fact]
    public async Task Run_Throttled_WaitsForRetryAfterThenSends()
    {
        var title = $"Throttled {Guid.NewGuid():N}";
        var id = await CreateAsync(title, SandboxSeed.AdeleVance);
        await _scenario.SetFaultsAsync(faults =>
        {
            faults.RequestBudget = 1;
            faults.BudgetWindowSeconds = 600;
        });

        var throttled = await _scenario.Sender(_clock).RunOnceAsync(CancellationToken.None);
        var waiting = Assert.Single(await _scenario.MailsAsync(id));
        await _scenario.SetFaultsAsync(faults => faults.RequestBudget = 10_000);
        _clock.Advance(waiting.NextAttemptAt!.Value - _clock.GetUtcNow());
        var sent = await _scenario.Sender(_clock).RunOnceAsync(CancellationToken.None);

        Assert.Equal(0, throttled.Sent);
        Assert.Equal(ApprovalMailStatus.Queued, waiting.Status);
        Assert.NotNull(waiting.DraftId);
        Assert.Equal("TooManyRequests", waiting.FailureCode);
        Assert.True(waiting.NextAttemptAt > _clock.GetUtcNow().AddMinutes(-11), "Retry-After is honoured, not a short backoff");
        Assert.Equal(1, sent.Sent);
        Assert.Single(await _scenario.InboxAsync(SandboxSeed.AdeleVance, title));
    }

    [Fact]
    public async Task Run_ThrottledOnEveryAttempt_FailsAfterTheAttemptLimitWithTheCauseAndFix()
    {
        var id = await CreateAsync($"Storm {Guid.NewGuid():N}", SandboxSeed.AdeleVance);
        await _scenario.SetFaultsAsync(faults => faults.RequestBudget = 1);

        for (var attempt = 0; attempt < 3; attempt++)
        {
            await _scenario.Sender(_clock, maxAttempts: 3).RunOnceAsync(CancellationToken.None);
            _clock.Advance(TimeSpan.FromMinutes(11));
        }

        var mail = Assert.Single(await _scenario.MailsAsync(id));
        Assert.True(mail.Status == ApprovalMailStatus.Failed, $"{mail.Status} after {mail.Attempts}, next {mail.NextAttemptAt} (now {_clock.GetUtcNow()}): {mail.FailureCode} {mail.FailureCause}");
        Assert.Equal(3, mail.Attempts);
        Assert.False(string.IsNullOrWhiteSpace(mail.FailureCause));
        Assert.False(string.IsNullOrWhiteSpace(mail.FailureFix));
        Assert.True((await portal.Get<ApprovalQueries>().GetViewAsync(id, CancellationToken.None))!.MailFailed);
    }

    [Theory]
    [InlineData(CrashPoint.AfterDraftRecorded)]
    [InlineData(CrashPoint.AfterSent)]
    public async Task Run_CrashBetweenRecordAndSend_NextRunFinishesWithoutASecondMail(CrashPoint point)
    {
        var title = $"Crash {point} {Guid.NewGuid():N}";
        var id = await CreateAsync(title, SandboxSeed.AdeleVance);

        await Assert.ThrowsAsync<CrashException>(() => _scenario.Sender(_clock, new CrashingHooks(point)).RunOnceAsync(CancellationToken.None));
        var interrupted = Assert.Single(await _scenario.MailsAsync(id));
        _clock.Advance(ApprovalMailSender.SendingLease);
        var recovered = await _scenario.Sender(_clock).RunOnceAsync(CancellationToken.None);

        Assert.Equal(ApprovalMailStatus.Sending, interrupted.Status);
        Assert.Equal(1, recovered.Sent);
        var mail = Assert.Single(await _scenario.MailsAsync(id));
        Assert.Equal(ApprovalMailStatus.Sent, mail.Status);
        Assert.Equal(interrupted.InternetMessageId, mail.InternetMessageId);
        Assert.Single(await _scenario.InboxAsync(SandboxSeed.AdeleVance, title));
    }

    [Fact]
    public async Task Run_RequestCancelledBeforeItsTurn_SkipsTheMail()
    {
        var title = $"Cancelled {Guid.NewGuid():N}";
        var id = await CreateAsync(title, SandboxSeed.AdeleVance);
        var cancelled = await portal.Get<ApprovalLifecycle>().CancelAsync(id, "Release withdrawn", ApprovalOrigin.Api(ApprovalScenario.Pipeline, null),
            CancellationToken.None);

        var run = await _scenario.Sender(_clock).RunOnceAsync(CancellationToken.None);

        Assert.True(cancelled.Succeeded);
        Assert.Equal(1, run.Skipped);
        Assert.Equal(ApprovalMailStatus.Skipped, Assert.Single(await _scenario.MailsAsync(id)).Status);
        Assert.Empty(await _scenario.InboxAsync(SandboxSeed.AdeleVance, title));
    }

    /// <summary>Creates a request (queued at the portal's real time) and brings the test's clock up to that time.</summary>
    private async Task<Guid> CreateAsync(string title, params Portal.Sandbox.Directory.SandboxUser[] approvers)
    {
        var id = await _scenario.CreateAsync(title, approvers);
        var now = DateTimeOffset.UtcNow.AddMilliseconds(1);
        if (_clock.GetUtcNow() < now)
        {
            _clock.SetUtcNow(now);
        }
        return id;
    }

    public enum CrashPoint
    {
        AfterDraftRecorded,
        AfterSent,
    }

    private sealed class CrashException() : Exception("The process died here.");

    private sealed class CrashingHooks(CrashPoint point) : IOutboxHooks
    {
        public Task DraftRecordedAsync(ApprovalMail mail, CancellationToken cancellationToken) =>
            point == CrashPoint.AfterDraftRecorded ? throw new CrashException() : Task.CompletedTask;

        public Task SentAsync(ApprovalMail mail, CancellationToken cancellationToken) =>
            point == CrashPoint.AfterSent ? throw new CrashException() : Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class ApprovalsCollection : ICollectionFixture<ApprovalsPortal>
{
    public const string Name = "Approvals portal";
}
