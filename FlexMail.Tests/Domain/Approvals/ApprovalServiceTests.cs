using FlexMail.Domain.Approvals;
using FlexMail.Domain.Approvals.Outbox;
using FlexMail.Domain.Security;
using FlexMail.Domain.Validation;
using Microsoft.EntityFrameworkCore;

namespace FlexMail.Tests.Domain.Approvals;

/// <summary>Creating approval requests: checks, idempotent external ids (also under a race), callbacks, one outbox mail per approver.</summary>
public sealed class ApprovalServiceTests : IAsyncLifetime
{
    private ApprovalTestDomain _approvals = null!;

    public async Task InitializeAsync() => _approvals = await ApprovalTestDomain.CreateAsync();

    public async Task DisposeAsync() => await _approvals.DisposeAsync();

    [Fact]
    public void TimeProvider_RegisteredAfterTheDomain_ReplacesTheSystemClock()
    {
        Assert.Same(_approvals.Clock, _approvals.Domain.Get<TimeProvider>());
    }

    [Fact]
    public async Task CreateAsync_ValidDraft_StoresThePendingRequestWithDefaultExpiry()
    {
        var id = await _approvals.CreateAsync(ApprovalTestDomain.Draft("Adele.Vance@contoso.test", "adele.vance@CONTOSO.test", "alex.wilber@contoso.test"));

        var view = await _approvals.ViewAsync(id);
        Assert.Equal(ApprovalStatus.Pending, view.Status);
        Assert.Equal(ApprovalTestDomain.Start, view.CreatedAt);
        Assert.Equal(ApprovalTestDomain.Start.AddDays(3), view.ExpiresAt);
        Assert.Equal(["Adele.Vance@contoso.test", "alex.wilber@contoso.test"], view.Approvers.Select(a => a.Address));
        Assert.Equal("Release pipeline", view.RequestedBy);
        Assert.Equal(DecisionVia.Api, view.CreatedVia);
        Assert.Equal("production", view.Metadata["environment"]);
    }

    [Fact]
    public async Task CreateAsync_InvalidDraft_AnswersTheReportAndStoresNothing()
    {
        var created = await _approvals.Service.CreateAsync(ApprovalTestDomain.Draft() with { Title = "" }, ApprovalTestDomain.Api, CancellationToken.None);

        var refused = Assert.IsType<ValidationProblem>(created.Problem);
        Assert.True(refused.Report.HasError(ApprovalFields.Title));
        await using var db = await _approvals.Domain.Contexts.CreateDbContextAsync();
        Assert.Equal(0, await db.ApprovalRequests.CountAsync());
        Assert.Equal(0, await db.ApprovalMails.CountAsync());
    }

    [Fact]
    public async Task CreateAsync_OneMailPerApprover_EachWithItsOwnTokenHashAndEncryptedToken()
    {
        var id = await _approvals.CreateAsync(ApprovalTestDomain.Draft("adele.vance@contoso.test", "alex.wilber@contoso.test", "megan.bowen@contoso.test"));

        await using var db = await _approvals.Domain.Contexts.CreateDbContextAsync();
        var mails = await db.ApprovalMails.Where(m => m.ApprovalRequestId == id).ToListAsync();
        var protector = _approvals.Domain.Get<ISecretProtector>();
        Assert.Equal(3, mails.Count);
        Assert.All(mails, mail =>
        {
            Assert.Equal(ApprovalMailKind.Request, mail.Kind);
            Assert.Equal(ApprovalMailStatus.Queued, mail.Status);
            Assert.NotNull(mail.ApproverId);
            var token = Assert.Single(ReplyTokens.FindAll(protector.Unprotect(mail.ProtectedToken!)));
            Assert.DoesNotContain(token.Secret, mail.ProtectedToken!, StringComparison.Ordinal);
            Assert.Equal(ReplyTokens.Hash(token), mail.TokenHash);
        });
        Assert.Equal(3, mails.Select(m => m.TokenHash).Distinct().Count());
        Assert.Equal(["adele.vance@contoso.test", "alex.wilber@contoso.test", "megan.bowen@contoso.test"], mails.Select(m => m.Recipient).Order());
        Assert.Single(await db.AuditEvents.Where(e => e.Subject == ApprovalAudit.Subject(id) && e.Action == ApprovalAudit.Requested).ToListAsync());
    }

    [Fact]
    public async Task CreateAsync_SameExternalIdSameBody_AnswersTheExistingRequest()
    {
        var draft = ApprovalTestDomain.Draft() with { ExternalId = "release-4.2" };
        var first = await _approvals.Service.CreateAsync(draft, ApprovalTestDomain.Api, CancellationToken.None);
        _approvals.Clock.Advance(TimeSpan.FromMinutes(1));

        var again = await _approvals.Service.CreateAsync(draft with { Title = "  " + draft.Title }, ApprovalTestDomain.Api, CancellationToken.None);

        Assert.Equal(new ApprovalCreated(first.Value!.Id, AlreadyExisted: false), first.Value);
        Assert.Equal(new ApprovalCreated(first.Value.Id, AlreadyExisted: true), again.Value);
        await using var db = await _approvals.Domain.Contexts.CreateDbContextAsync();
        Assert.Equal(1, await db.ApprovalRequests.CountAsync());
        Assert.Equal(2, await db.ApprovalMails.CountAsync());
    }

    [Fact]
    public async Task CreateAsync_SameExternalIdDifferentBody_IsAConflictNamingTheExistingRequest()
    {
        var draft = ApprovalTestDomain.Draft() with { ExternalId = "release-4.2" };
        var id = await _approvals.CreateAsync(draft);

        var conflict = await _approvals.Service.CreateAsync(draft with { Title = "Deploy release 4.3" }, ApprovalTestDomain.Api, CancellationToken.None);

        Assert.Equal(ApprovalProblems.ExternalIdConflictCode, conflict.Problem?.Code);
        Assert.Equal(ApprovalFields.ExternalId, conflict.Problem?.Field);
        Assert.Contains(id.ToString(), conflict.Problem?.Cause);
    }

    [Fact]
    public async Task CreateAsync_TwoParallelCallsWithTheSameExternalId_OneRequestBothAnsweredWithIt()
    {
        for (var round = 0; round < 10; round++)
        {
            var draft = ApprovalTestDomain.Draft() with { ExternalId = $"race-{round}" };

            var answers = await Task.WhenAll(
                Task.Run(() => _approvals.Service.CreateAsync(draft, ApprovalTestDomain.Api, CancellationToken.None)),
                Task.Run(() => _approvals.Service.CreateAsync(draft, ApprovalTestDomain.Api, CancellationToken.None)));

            Assert.All(answers, answer => Assert.True(answer.Succeeded, answer.Problem?.ToString()));
            Assert.Single(answers.Select(a => a.Value!.Id).Distinct());
            Assert.Single(answers, a => !a.Value!.AlreadyExisted);
            await using var db = await _approvals.Domain.Contexts.CreateDbContextAsync();
            Assert.Equal(1, await db.ApprovalRequests.CountAsync(r => r.ExternalId == draft.ExternalId));
            Assert.Equal(2, await db.ApprovalMails.CountAsync(m => m.ApprovalRequestId == answers[0].Value!.Id));
        }
    }

    [Fact]
    public async Task CreateAsync_CallbackWithoutApiKey_IsRefusedOnTheCallbackUrl()
    {
        var draft = ApprovalTestDomain.Draft() with { CallbackUrl = "https://ci.example.test/hook" };

        var refused = await _approvals.Service.CreateAsync(draft, ApprovalTestDomain.ApiWithoutKey, CancellationToken.None);
        var portal = await _approvals.Service.CreateAsync(draft, ApprovalTestDomain.Portal, CancellationToken.None);
        var withKey = await _approvals.Service.CreateAsync(draft, ApprovalTestDomain.Api, CancellationToken.None);

        Assert.Contains("webhook secret of an API key", Assert.IsType<ValidationProblem>(refused.Problem).Report.ErrorFor(ApprovalFields.CallbackUrl));
        Assert.True(Assert.IsType<ValidationProblem>(portal.Problem).Report.HasError(ApprovalFields.CallbackUrl));
        Assert.True(withKey.Succeeded);
        Assert.Equal("https://ci.example.test/hook", (await _approvals.ViewAsync(withKey.Value!.Id)).CallbackUrl);
    }

    [Fact]
    public async Task CreateAsync_ExpiryWithAnOffset_ExpiresAtTheSameInstant()
    {
        var expiresAt = new DateTimeOffset(2026, 12, 1, 5, 0, 0, TimeSpan.FromHours(-5));
        var id = await _approvals.CreateAsync(ApprovalTestDomain.Draft() with { ExpiresAt = expiresAt });

        _approvals.Clock.SetUtcNow(expiresAt.UtcDateTime.AddMinutes(-1));
        var early = await _approvals.Lifecycle.ExpireDueAsync(CancellationToken.None);
        _approvals.Clock.SetUtcNow(expiresAt.UtcDateTime);
        var due = await _approvals.Lifecycle.ExpireDueAsync(CancellationToken.None);

        Assert.Equal(0, early);
        Assert.Equal(1, due);
        Assert.Equal(ApprovalStatus.Expired, (await _approvals.ViewAsync(id)).Status);
        Assert.Equal(expiresAt, (await _approvals.ViewAsync(id)).ExpiresAt);
    }
}
