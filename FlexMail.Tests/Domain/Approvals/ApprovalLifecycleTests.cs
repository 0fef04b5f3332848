using FlexMail.Domain.Approvals;
using FlexMail.Domain.Approvals.Outbox;
using FlexMail.Domain.Approvals.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace FlexMail.Tests.Domain.Approvals;

/// <summary>Cancel, the expiry worker's pass, reminders with fresh tokens, and the callbacks closing owes.</summary>
public sealed class ApprovalLifecycleTests : IAsyncLifetime
{
    private const string Adele = "adele.vance@contoso.test";
    private const string Alex = "alex.wilber@contoso.test";

    private ApprovalTestDomain _approvals = null!;

    public async Task InitializeAsync() => _approvals = await ApprovalTestDomain.CreateAsync();

    public async Task DisposeAsync() => await _approvals.DisposeAsync();

    private Task<Result> CancelAsync(Guid id, string? reason = null) =>
        _approvals.Lifecycle.CancelAsync(id, reason, ApprovalTestDomain.Portal, CancellationToken.None);

    private Task<Result<IReadOnlyList<string>>> RemindAsync(Guid id, string? approver = null) =>
        _approvals.Lifecycle.RemindAsync(id, approver, ApprovalTestDomain.Portal, CancellationToken.None);

    private async Task<List<ApprovalMail>> MailsAsync(Guid id)
    {
        await using var db = await _approvals.Domain.Contexts.CreateDbContextAsync();
        return await db.ApprovalMails.Where(m => m.ApprovalRequestId == id).OrderBy(m => m.CreatedAt).ThenBy(m => m.Recipient).ToListAsync();
    }

    private async Task<List<WebhookDelivery>> DeliveriesAsync(Guid id)
    {
        await using var db = await _approvals.Domain.Contexts.CreateDbContextAsync();
        return await db.WebhookDeliveries.Where(d => d.ApprovalRequestId == id).ToListAsync();
    }

    [Fact]
    public async Task CancelAsync_Pending_CancelsWithWhoAndWhy()
    {
        var id = await _approvals.CreateAsync(ApprovalTestDomain.Draft());

        var cancelled = await CancelAsync(id, " Release postponed ");

        Assert.True(cancelled.Succeeded);
        var view = await _approvals.ViewAsync(id);
        Assert.Equal(ApprovalStatus.Cancelled, view.Status);
        Assert.Equal($"Cancelled by {ApprovalTestDomain.Portal.Actor.Name}: Release postponed", view.ClosedReason);
    }

    [Fact]
    public async Task CancelAsync_ClosedOrMissing_IsRefused()
    {
        var id = await _approvals.CreateAsync(ApprovalTestDomain.Draft());
        await _approvals.DecideAsync(id, Adele, DecisionKind.Reject);

        var closed = await CancelAsync(id);
        var missing = await CancelAsync(Guid.NewGuid());

        Assert.Equal(ApprovalProblems.ClosedCode, closed.Problem?.Code);
        Assert.Equal(ApprovalProblems.NotFoundCode, missing.Problem?.Code);
        Assert.Equal(ApprovalStatus.Rejected, (await _approvals.ViewAsync(id)).Status);
    }

    [Fact]
    public async Task CancelAsync_WhileAQuorumDecisionLandsAtTheSameMoment_StillCancels()
    {
        for (var round = 0; round < 20; round++)
        {
            var id = await _approvals.CreateAsync(ApprovalTestDomain.Draft(Adele, Alex) with { Policy = ApprovalPolicy.Quorum, RequiredApprovals = 2 });

            var (cancelled, decided) = (Task.Run(() => CancelAsync(id)), Task.Run(() => _approvals.DecideAsync(id, Adele, DecisionKind.Approve)));
            await Task.WhenAll(cancelled, decided);

            Assert.True((await cancelled).Succeeded, (await cancelled).Problem?.ToString());
            Assert.Equal(ApprovalStatus.Cancelled, (await _approvals.ViewAsync(id)).Status);
        }
    }

    [Fact]
    public async Task ExpireDueAsync_ClockPastExpiry_ExpiresAndQueuesTheNoticeOnlyWithARequesterEmail()
    {
        var told = await _approvals.CreateAsync(ApprovalTestDomain.Draft() with
        {
            ExpiresAt = ApprovalTestDomain.Start.AddHours(1), RequesterEmail = "release@contoso.test",
        });
        var untold = await _approvals.CreateAsync(ApprovalTestDomain.Draft() with { ExpiresAt = ApprovalTestDomain.Start.AddHours(1) });
        var later = await _approvals.CreateAsync(ApprovalTestDomain.Draft() with { ExpiresAt = ApprovalTestDomain.Start.AddHours(2) });

        var before = await _approvals.Lifecycle.ExpireDueAsync(CancellationToken.None);
        _approvals.Clock.Advance(TimeSpan.FromHours(1).Add(TimeSpan.FromSeconds(1)));
        var expired = await _approvals.Lifecycle.ExpireDueAsync(CancellationToken.None);
        var again = await _approvals.Lifecycle.ExpireDueAsync(CancellationToken.None);

        Assert.Equal((0, 2, 0), (before, expired, again));
        Assert.Equal(ApprovalStatus.Expired, (await _approvals.ViewAsync(told)).Status);
        Assert.Equal(ApprovalStatus.Expired, (await _approvals.ViewAsync(untold)).Status);
        Assert.Equal(ApprovalStatus.Pending, (await _approvals.ViewAsync(later)).Status);
        Assert.Equal("Expired at 2026-12-01 10:00:00Z: no approver answered.", (await _approvals.ViewAsync(told)).ClosedReason);
        var notice = Assert.Single(await MailsAsync(told), m => m.Kind == ApprovalMailKind.ExpiryNotice);
        Assert.Equal("release@contoso.test", notice.Recipient);
        Assert.Null(notice.TokenHash);
        Assert.DoesNotContain(await MailsAsync(untold), m => m.Kind == ApprovalMailKind.ExpiryNotice);
    }

    [Fact]
    public async Task ExpireDueAsync_ThenDecide_IsRefusedAsClosed()
    {
        var id = await _approvals.CreateAsync(ApprovalTestDomain.Draft() with { ExpiresAt = ApprovalTestDomain.Start.AddHours(1) });
        _approvals.Clock.Advance(TimeSpan.FromHours(2));
        await _approvals.Lifecycle.ExpireDueAsync(CancellationToken.None);

        var late = await _approvals.DecideAsync(id, Adele, DecisionKind.Approve);
        var cancel = await CancelAsync(id);

        Assert.Equal(ApprovalProblems.ClosedCode, late.Problem?.Code);
        Assert.Contains("already expired", late.Problem?.Cause);
        Assert.Equal(ApprovalProblems.ClosedCode, cancel.Problem?.Code);
    }

    [Fact]
    public async Task RemindAsync_Undecided_QueuesANewMailWithADifferentToken()
    {
        var id = await _approvals.CreateAsync(ApprovalTestDomain.Draft(Adele, Alex) with { Policy = ApprovalPolicy.Quorum });
        await _approvals.DecideAsync(id, Adele, DecisionKind.Approve);
        _approvals.Clock.Advance(TimeSpan.FromHours(1));

        var reminded = await RemindAsync(id);

        Assert.Equal([Alex], reminded.Value);
        var mails = await MailsAsync(id);
        var reminder = Assert.Single(mails, m => m.Kind == ApprovalMailKind.Reminder);
        var original = Assert.Single(mails, m => m.Kind == ApprovalMailKind.Request && m.Recipient == Alex);
        Assert.Equal(Alex, reminder.Recipient);
        Assert.Equal(ApprovalMailStatus.Queued, reminder.Status);
        Assert.NotNull(reminder.TokenHash);
        Assert.NotEqual(original.TokenHash, reminder.TokenHash);
        Assert.Equal(ApprovalTestDomain.Start.AddHours(1), reminder.CreatedAt);
    }

    [Fact]
    public async Task RemindAsync_NamedApproverWhoDecided_IsAlreadyDecided_Stranger_IsNotAnApprover()
    {
        var id = await _approvals.CreateAsync(ApprovalTestDomain.Draft(Adele, Alex) with { Policy = ApprovalPolicy.Quorum });
        await _approvals.DecideAsync(id, Adele, DecisionKind.Approve);

        var decided = await RemindAsync(id, "ADELE.VANCE@contoso.test");
        var stranger = await RemindAsync(id, "eve@contoso.test");
        var named = await RemindAsync(id, Alex);

        Assert.Equal(ApprovalProblems.AlreadyDecidedCode, decided.Problem?.Code);
        Assert.Equal(ApprovalProblems.NotAnApproverCode, stranger.Problem?.Code);
        Assert.Equal([Alex], named.Value);
        Assert.Single(await MailsAsync(id), m => m.Kind == ApprovalMailKind.Reminder);
    }

    [Fact]
    public async Task RemindAsync_Closed_IsRefusedAndQueuesNothing()
    {
        var id = await _approvals.CreateAsync(ApprovalTestDomain.Draft());
        await CancelAsync(id);

        var refused = await RemindAsync(id);

        Assert.Equal(ApprovalProblems.ClosedCode, refused.Problem?.Code);
        Assert.DoesNotContain(await MailsAsync(id), m => m.Kind == ApprovalMailKind.Reminder);
    }

    [Fact]
    public async Task RemindAsync_DueButNotYetExpired_ExpiresItAndSaysSo()
    {
        var id = await _approvals.CreateAsync(ApprovalTestDomain.Draft() with { ExpiresAt = ApprovalTestDomain.Start.AddHours(1) });
        _approvals.Clock.Advance(TimeSpan.FromHours(1));

        var refused = await RemindAsync(id);

        Assert.Equal(ApprovalProblems.ClosedCode, refused.Problem?.Code);
        Assert.Contains("already expired", refused.Problem?.Cause);
        Assert.Equal(ApprovalStatus.Expired, (await _approvals.ViewAsync(id)).Status);
        Assert.DoesNotContain(await MailsAsync(id), m => m.Kind == ApprovalMailKind.Reminder);
    }

    [Theory]
    [InlineData("approve", "approval.approved")]
    [InlineData("reject", "approval.rejected")]
    [InlineData("cancel", "approval.cancelled")]
    [InlineData("expire", "approval.expired")]
    public async Task Closing_WithCallbackUrl_OwesOneWebhookWithTheRequestsJson(string how, string expectedEvent)
    {
        var id = await _approvals.CreateAsync(ApprovalTestDomain.Draft(Adele, Alex) with
        {
            CallbackUrl = "https://ci.example.test/hook", ExpiresAt = ApprovalTestDomain.Start.AddHours(1),
        });

        _ = how switch
        {
            "approve" => (object)await _approvals.DecideAsync(id, Adele, DecisionKind.Approve),
            "reject" => await _approvals.DecideAsync(id, Adele, DecisionKind.Reject),
            "cancel" => await CancelAsync(id),
            _ => await ExpireAsync(),
        };
        await _approvals.DecideAsync(id, Alex, DecisionKind.Reject);

        var delivery = Assert.Single(await DeliveriesAsync(id));
        Assert.Equal(expectedEvent, delivery.Event);
        Assert.Equal("https://ci.example.test/hook", delivery.Url);
        Assert.Equal(WebhookDeliveryStatus.Pending, delivery.Status);
        Assert.Contains($"\"event\":\"{expectedEvent}\"", delivery.Payload);
        Assert.Contains($"\"id\":\"{id}\"", delivery.Payload);

        async Task<int> ExpireAsync()
        {
            _approvals.Clock.Advance(TimeSpan.FromHours(1));
            return await _approvals.Lifecycle.ExpireDueAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task Closing_WithoutCallbackUrl_OwesNoWebhook()
    {
        var id = await _approvals.CreateAsync(ApprovalTestDomain.Draft());

        await _approvals.DecideAsync(id, Adele, DecisionKind.Approve);

        Assert.Empty(await DeliveriesAsync(id));
    }
}
