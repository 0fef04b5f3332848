using FlexMail.Domain.Approvals;
using FlexMail.Domain.Approvals.Outbox;
using Microsoft.EntityFrameworkCore;

namespace FlexMail.Tests.Domain.Approvals;

/// <summary>The list (filters, sort, paging), the details page and the dashboard's counts.</summary>
public sealed class ApprovalQueriesTests : IAsyncLifetime
{
    private const string Adele = "adele.vance@contoso.test";
    private const string Alex = "alex.wilber@contoso.test";

    private ApprovalTestDomain _approvals = null!;

    public async Task InitializeAsync() => _approvals = await ApprovalTestDomain.CreateAsync();

    public async Task DisposeAsync() => await _approvals.DisposeAsync();

    private Task<ApprovalListPage> ListAsync(ApprovalListQuery query) => _approvals.Queries.ListAsync(query, CancellationToken.None);

    /// <summary>Three requests an hour apart: "Deploy A" (Adele, approved), "Rotate B" (Alex, pending), "Deploy C" (both, pending).</summary>
    private async Task<(Guid A, Guid B, Guid C)> SeedAsync()
    {
        var a = await _approvals.CreateAsync(ApprovalTestDomain.Draft(Adele) with { Title = "Deploy A", ExternalId = "ext-a" });
        _approvals.Clock.Advance(TimeSpan.FromHours(1));
        var b = await _approvals.CreateAsync(ApprovalTestDomain.Draft(Alex) with { Title = "Rotate B", RequestedBy = "Nightly job" });
        _approvals.Clock.Advance(TimeSpan.FromHours(1));
        var c = await _approvals.CreateAsync(ApprovalTestDomain.Draft(Adele, Alex) with { Title = "Deploy C" });
        await _approvals.DecideAsync(a, Adele, DecisionKind.Approve);
        return (a, b, c);
    }

    [Fact]
    public async Task ListAsync_Default_NewestFirstWithTotalAndApproversInOrder()
    {
        var (a, b, c) = await SeedAsync();

        var page = await ListAsync(new ApprovalListQuery());

        Assert.Equal([c, b, a], page.Items.Select(i => i.Id));
        Assert.Equal(3, page.TotalCount);
        Assert.Equal([Adele, Alex], page.Items[0].Approvers);
        Assert.Equal(1, page.Items[2].Decisions);
        Assert.False(page.Items[0].MailFailed);
    }

    [Fact]
    public async Task ListAsync_Filters_ByStatusApproverTextExternalIdAndTime()
    {
        var (a, b, c) = await SeedAsync();

        Assert.Equal([a], (await ListAsync(new() { Status = ApprovalStatus.Approved })).Items.Select(i => i.Id));
        Assert.Equal([c, b], (await ListAsync(new() { Status = ApprovalStatus.Pending })).Items.Select(i => i.Id));
        Assert.Equal([c, b], (await ListAsync(new() { Approver = " ALEX.wilber " })).Items.Select(i => i.Id));
        Assert.Equal([c, a], (await ListAsync(new() { Text = "Deploy" })).Items.Select(i => i.Id));
        Assert.Equal([b], (await ListAsync(new() { Text = "nightly" })).Items.Select(i => i.Id));
        Assert.Equal([c, a], (await ListAsync(new() { Text = "deploy" })).Items.Select(i => i.Id));
        Assert.Equal([a], (await ListAsync(new() { ExternalId = "ext-a" })).Items.Select(i => i.Id));
        Assert.Equal([c, b], (await ListAsync(new() { Since = ApprovalTestDomain.Start.AddHours(1) })).Items.Select(i => i.Id));
        Assert.Equal([a], (await ListAsync(new() { Until = ApprovalTestDomain.Start.AddHours(1) })).Items.Select(i => i.Id));
        Assert.Equal(1, (await ListAsync(new() { Status = ApprovalStatus.Pending, Approver = Adele })).TotalCount);
    }

    [Fact]
    public async Task ListAsync_SinceWithAnOffset_IsTheSameInstant()
    {
        var (_, b, c) = await SeedAsync();

        var page = await ListAsync(new() { Since = ApprovalTestDomain.Start.AddHours(1).ToOffset(TimeSpan.FromHours(-5)) });

        Assert.Equal([c, b], page.Items.Select(i => i.Id));
    }

    [Fact]
    public async Task ListAsync_Sort_ByTitleAscendingAndDescending_AndOldestFirst()
    {
        var (a, b, c) = await SeedAsync();

        Assert.Equal([a, c, b], (await ListAsync(new() { SortBy = ApprovalSort.Title, Descending = false })).Items.Select(i => i.Id));
        Assert.Equal([b, c, a], (await ListAsync(new() { SortBy = ApprovalSort.Title, Descending = true })).Items.Select(i => i.Id));
        Assert.Equal([a, b, c], (await ListAsync(new() { Descending = false })).Items.Select(i => i.Id));
        Assert.Equal([a, b, c], (await ListAsync(new() { SortBy = ApprovalSort.ExpiresAt, Descending = false })).Items.Select(i => i.Id));
        Assert.Equal(b, (await ListAsync(new() { SortBy = ApprovalSort.RequestedBy, Descending = false })).Items[0].Id);
        Assert.Equal(b, (await ListAsync(new() { SortBy = ApprovalSort.RequestedBy, Descending = true })).Items[2].Id);
    }

    [Fact]
    public async Task ListAsync_Paging_SkipsAndTakesWithTheWholeTotal()
    {
        var (a, b, _) = await SeedAsync();

        var second = await ListAsync(new() { Skip = 1, Take = 2 });
        var clamped = await ListAsync(new() { Skip = -5, Take = 0 });

        Assert.Equal([b, a], second.Items.Select(i => i.Id));
        Assert.Equal(3, second.TotalCount);
        Assert.Single(clamped.Items);
    }

    [Fact]
    public async Task GetDetailsAsync_ShowsMailsWebhooksAndTheAuditTrail()
    {
        var id = await _approvals.CreateAsync(ApprovalTestDomain.Draft(Adele, Alex) with { CallbackUrl = "https://ci.example.test/hook" });
        await _approvals.DecideAsync(id, Alex, DecisionKind.Reject);

        var details = await _approvals.Queries.GetDetailsAsync(id, CancellationToken.None);

        Assert.NotNull(details);
        Assert.Equal(ApprovalStatus.Rejected, details.Approval.Status);
        Assert.Equal([Adele, Alex], details.Mails.Select(m => m.Recipient));
        Assert.Equal("approval.rejected", Assert.Single(details.Webhooks).Event);
        Assert.Equal([ApprovalAudit.Requested, ApprovalAudit.Decided, ApprovalAudit.Rejected], details.Trail.Select(e => e.Action));
        Assert.Null(await _approvals.Queries.GetDetailsAsync(Guid.NewGuid(), CancellationToken.None));
    }

    [Fact]
    public async Task CountsAsync_CountsPendingDecidedTodayAndFailures()
    {
        var (_, b, _) = await SeedAsync();
        await using (var db = await _approvals.Domain.Contexts.CreateDbContextAsync())
        {
            var mail = await db.ApprovalMails.FirstAsync(m => m.ApprovalRequestId == b);
            mail.Status = ApprovalMailStatus.Failed;
            await db.SaveChangesAsync();
        }

        var today = await _approvals.Queries.CountsAsync(CancellationToken.None);
        _approvals.Clock.Advance(TimeSpan.FromDays(1));
        var tomorrow = await _approvals.Queries.CountsAsync(CancellationToken.None);

        Assert.Equal(new ApprovalCounts(Pending: 2, DecidedToday: 1, FailedMails: 1, FailedWebhooks: 0), today);
        Assert.Equal(0, tomorrow.DecidedToday);
        Assert.True((await ListAsync(new() { Status = ApprovalStatus.Pending })).Items.Single(i => i.Id == b).MailFailed);
    }
}
