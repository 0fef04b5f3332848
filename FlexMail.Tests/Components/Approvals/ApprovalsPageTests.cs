using Bunit;
using FlexMail.Domain.Approvals;
using FlexMail.Portal.Features.Approvals;
using FlexMail.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace FlexMail.Tests.Components.Approvals;

public sealed class ApprovalsPageTests : ApprovalComponentTest
{
    private IRenderedComponent<ApprovalsPage> RenderPage(string? query = null)
    {
        if (query is not null)
        {
            Context.Services.GetRequiredService<NavigationManager>().NavigateTo("approvals" + query);
        }
        Context.Render<MudDialogProvider>();
        return Render<ApprovalsPage>();
    }

    private static IReadOnlyList<string> Titles(IRenderedComponent<ApprovalsPage> page) =>
        [.. page.FindAll("[data-testid=approvals] tbody a[href^='approvals/']").Select(link => link.TextContent.Trim())];

    [Fact]
    public async Task Grid_ShowsTheStoredRequests_WithStatusAsTextAndALinkToEach()
    {
        var id = await CreateAsync("Deploy release 4.2 to production", "adele.vance@contoso.test", "alex.wilber@contoso.test");

        var page = RenderPage();

        page.WaitForAssertion(() => Assert.Equal(["Deploy release 4.2 to production"], Titles(page)));
        var row = page.Find("[data-testid=approvals] tbody").TextContent;
        Assert.Contains("Pending", page.Find("[data-testid=approval-status]").TextContent);
        Assert.Contains("adele.vance@contoso.test, alex.wilber@contoso.test", row);
        Assert.Contains(TestActors.Admin.Name, row);
        Assert.Equal($"approvals/{id}", page.Find("[data-testid=approvals] tbody a").GetAttribute("href"));
        Assert.Empty(page.FindAll("[data-testid=mail-failed]"));
    }

    [Fact]
    public async Task Grid_RequestWithAFailedMail_IsMarkedMailsFailedInWords()
    {
        var id = await CreateAsync("Rotate the signing key", "adele.vance@contoso.test");
        await FailMailAsync(id, "adele.vance@contoso.test", "The mailbox may not send as the approvals address.", "Grant Send As.");

        var page = RenderPage();

        page.WaitForAssertion(() => Assert.Equal("Mails failed", page.Find("[data-testid=mail-failed]").TextContent.Trim()));
    }

    [Fact]
    public async Task Grid_MoreThanAPage_PagesInTheDatabase()
    {
        for (var i = 1; i <= 27; i++)
        {
            await CreateAsync($"Request {i:00}");
        }

        var page = RenderPage();

        page.WaitForAssertion(() => Assert.Equal(25, Titles(page).Count));
        Assert.Equal("Request 27", Titles(page)[0]); // newest first
        var grid = page.FindComponent<MudDataGrid<ApprovalListItem>>();
        await page.InvokeAsync(() => grid.Instance.NavigateTo(Page.Next));
        page.WaitForAssertion(() => Assert.Equal(["Request 02", "Request 01"], Titles(page)));
    }

    [Fact]
    public async Task Grid_SortedByTitle_AsksTheDatabaseInThatOrder()
    {
        await CreateAsync("Bravo");
        await CreateAsync("Charlie");
        await CreateAsync("Alpha");
        var page = RenderPage();
        page.WaitForAssertion(() => Assert.Equal(["Alpha", "Charlie", "Bravo"], Titles(page)));

        var grid = page.FindComponent<MudDataGrid<ApprovalListItem>>();
        await page.InvokeAsync(() => grid.Instance.SetSortAsync(nameof(ApprovalListItem.Title), SortDirection.Ascending, item => item.Title));

        page.WaitForAssertion(() => Assert.Equal(["Alpha", "Bravo", "Charlie"], Titles(page)));
    }

    [Fact]
    public async Task Filters_FromTheAddress_ListOnlyMatchingRequests()
    {
        var cancelled = await CreateAsync("Withdrawn release");
        await CreateAsync("Open release");
        var cancel = await Domain.Get<ApprovalLifecycle>().CancelAsync(cancelled, null, ApprovalOrigin.Portal(TestActors.Admin), CancellationToken.None);
        Assert.True(cancel.Succeeded);

        var page = RenderPage("?status=cancelled");

        page.WaitForAssertion(() => Assert.Equal(["Withdrawn release"], Titles(page)));
        Assert.Contains("Cancelled", page.Find("[data-testid=approval-status]").TextContent);
    }

    [Fact]
    public async Task TextAndApproverFilters_NarrowTheList_AndAreWrittenToTheAddress()
    {
        await CreateAsync("Deploy billing", "adele.vance@contoso.test");
        await CreateAsync("Deploy search", "alex.wilber@contoso.test");
        await CreateAsync("Rotate certificates", "alex.wilber@contoso.test");
        var page = RenderPage();
        page.WaitForAssertion(() => Assert.Equal(3, Titles(page).Count));

        InputLabelled(page, "Text").Input("Deploy");
        page.WaitForAssertion(() => Assert.Equal(["Deploy search", "Deploy billing"], Titles(page)));
        InputLabelled(page, "Approver").Input("ALEX");

        page.WaitForAssertion(() => Assert.Equal(["Deploy search"], Titles(page)));
        var address = Context.Services.GetRequiredService<NavigationManager>().Uri;
        Assert.Contains("q=Deploy", address);
        Assert.Contains("approver=ALEX", address);
    }

    [Theory]
    [InlineData(0, 0, 1)]
    [InlineData(1, null, 0)]
    [InlineData(null, -1, 0)]
    public async Task CreatedFromAndTo_FromTheAddress_AreWholeUtcDaysInclusive(int? fromDays, int? toDays, int expected)
    {
        var id = await CreateAsync("Deploy today");
        var today = (await Domain.Get<ApprovalQueries>().GetViewAsync(id, CancellationToken.None))!.CreatedAt.UtcDateTime.Date;
        var query = string.Join("&", new[]
        {
            fromDays is { } from ? $"from={today.AddDays(from):yyyy-MM-dd}" : null,
            toDays is { } to ? $"to={today.AddDays(to):yyyy-MM-dd}" : null,
        }.Where(part => part is not null));

        var page = RenderPage("?" + query);

        page.WaitForAssertion(() => Assert.Contains(expected == 0 ? "No approval request matches the filters." : "Deploy today", page.Markup));
        Assert.Equal(expected, Titles(page).Count);
    }

    [Fact]
    public void Empty_SaysHowToCreateOne()
    {
        var page = RenderPage();

        page.WaitForAssertion(() => Assert.Contains("No approval request yet.", page.Markup));
        Assert.Contains(page.FindAll("button"), b => b.TextContent.Trim() == "New Approval Request");
    }
}
