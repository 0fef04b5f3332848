using System.Net;
using FlexMail.Domain.Approvals;
using FlexMail.Portal.Endpoints;
using static FlexMail.Tests.Integration.Approvals.ApprovalsApiPortal;

namespace FlexMail.Tests.Integration.Approvals;

/// <summary><c>GET /api/v1/approvals</c>: pages with their next address, the filters, and the query values it refuses.</summary>
public sealed class ApprovalsApiListTests(ApprovalsApiPortal api) : IClassFixture<ApprovalsApiPortal>
{
    [Fact]
    public async Task List_PageSizeTwoOfThree_AnswersTwoPagesLinkedByNext()
    {
        var since = DateTimeOffset.UtcNow.AddMilliseconds(-1);
        var created = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            created.Add((await api.CreateAsync()).Id);
        }

        using var first = await api.Api.GetAsync($"/api/v1/approvals?since={Uri.EscapeDataString(since.ToString("O"))}&pageSize=2");
        var page1 = await ReadAsync<ApprovalPage>(first);
        using var second = await api.Api.GetAsync(page1.Next);
        var page2 = await ReadAsync<ApprovalPage>(second);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal((1, 2, 3), (page1.Page, page1.PageSize, page1.TotalCount));
        Assert.Equal(2, page1.Items.Count);
        Assert.Equal((2, 1), (page2.Page, page2.Items.Count));
        Assert.Null(page2.Next);
        Assert.Equal(created.Order(), page1.Items.Concat(page2.Items).Select(item => item.Id).Order());
        Assert.False((await JsonAsync(await api.Api.GetAsync(page1.Next))).TryGetProperty("next", out _), "The last page has no next.");
    }

    [Fact]
    public async Task List_ByExternalIdAndStatus_FindsOnlyThatRequest()
    {
        var externalId = $"run-{Guid.NewGuid():N}";
        var wanted = await api.CreateAsync(Body(externalId));
        await api.CreateAsync();

        using var pending = await api.Api.GetAsync($"/api/v1/approvals?externalId={externalId}&status=pending");
        using var approved = await api.Api.GetAsync($"/api/v1/approvals?externalId={externalId}&status=approved");

        var items = (await ReadAsync<ApprovalPage>(pending)).Items;
        Assert.Equal([wanted.Id], items.Select(item => item.Id));
        Assert.Equal(ApprovalStatus.Pending, items[0].Status);
        Assert.Empty((await ReadAsync<ApprovalPage>(approved)).Items);
    }

    [Theory]
    [InlineData("status=open", "status")]
    [InlineData("status=1", "status")]
    [InlineData("since=yesterday", "since")]
    [InlineData("pageSize=201", "pageSize")]
    [InlineData("page=0", "page")]
    public async Task List_UnusableQueryValue_Answers400NamingIt(string query, string field)
    {
        using var response = await api.Api.GetAsync($"/api/v1/approvals?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([field], await ErrorFieldsAsync(response));
    }

    [Fact]
    public async Task List_WithoutCredentials_Answers401()
    {
        using var response = await api.Anonymous.GetAsync("/api/v1/approvals");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
