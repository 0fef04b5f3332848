using Bunit;
using FlexMail.Domain.Approvals;
using FlexMail.Portal.Features.Approvals;
using FlexMail.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace FlexMail.Tests.Components.Approvals;

public sealed class NewApprovalRequestDialogTests : ApprovalComponentTest
{
    private IRenderedComponent<MudDialogProvider> _dialogs = null!;

    private async Task OpenAsync()
    {
        _dialogs = Context.Render<MudDialogProvider>();
        var page = Render<ApprovalsPage>();
        page.WaitForAssertion(() => Assert.Contains("No approval request yet.", page.Markup));
        await page.InvokeAsync(() => page.FindAll("button").Single(b => b.TextContent.Trim() == "New Approval Request").Click());
        _dialogs.WaitForAssertion(() => InputLabelled(_dialogs, "Title"));
    }

    private Task CreateClickAsync() =>
        _dialogs.InvokeAsync(() => _dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Create Approval Request").Click());

    private string ErrorUnder(string label) =>
        InputLabelled(_dialogs, label).Closest(".mud-input-control")!.QuerySelector(".mud-input-helper-text.mud-input-error")?.TextContent.Trim() ?? "";

    [Fact]
    public async Task Create_WithProblems_ShowsEachUnderItsField_NamesTheApproverLine_AndKeepsTheInput()
    {
        await OpenAsync();
        InputLabelled(_dialogs, "Approvers").Input("adele.vance@contoso.test\nnot-an-address");
        InputLabelled(_dialogs, "Requester Email").Input("someone at contoso");

        await CreateClickAsync();

        _dialogs.WaitForAssertion(() => Assert.Contains("Enter a title", ErrorUnder("Title")));
        Assert.Contains("Line 2: 'not-an-address' is not an email address", ErrorUnder("Approvers"));
        Assert.Contains("'someone at contoso' is not an email address", ErrorUnder("Requester Email"));
        Assert.Equal("adele.vance@contoso.test\nnot-an-address", InputLabelled(_dialogs, "Approvers").GetAttribute("value") ?? InputLabelled(_dialogs, "Approvers").TextContent);
        await using var db = await Domain.Contexts.CreateDbContextAsync();
        Assert.Equal(0, await db.ApprovalRequests.CountAsync());
    }

    [Fact]
    public async Task Create_MetadataKeyGivenTwice_IsShownUnderThatRowsKey()
    {
        await OpenAsync();
        InputLabelled(_dialogs, "Title").Input("Deploy 4.2");
        InputLabelled(_dialogs, "Approvers").Input("adele.vance@contoso.test");
        for (var i = 0; i < 2; i++)
        {
            await _dialogs.InvokeAsync(() => _dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Add Metadata").Click());
        }
        var keys = _dialogs.FindAll("[data-testid=metadata-row] input");
        keys[0].Input("Release");
        _dialogs.FindAll("[data-testid=metadata-row] input")[2].Input("release");

        await CreateClickAsync();

        _dialogs.WaitForAssertion(() => Assert.Contains("given twice",
            _dialogs.FindAll("[data-testid=metadata-row]")[1].QuerySelector(".mud-input-helper-text.mud-input-error")?.TextContent));
        Assert.Null(_dialogs.FindAll("[data-testid=metadata-row]")[0].QuerySelector(".mud-input-helper-text.mud-input-error"));
    }

    [Fact]
    public async Task Create_Valid_StoresTheRequestAsThePersonSignedIn_AndOpensItsPage()
    {
        await OpenAsync();
        InputLabelled(_dialogs, "Title").Input("Deploy release 4.2 to production");
        InputLabelled(_dialogs, "Details").Input("Changes: **billing** fixes");
        InputLabelled(_dialogs, "Approvers").Input("adele.vance@contoso.test, alex.wilber@contoso.test");
        await _dialogs.InvokeAsync(() => _dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Add Metadata").Click());
        _dialogs.FindAll("[data-testid=metadata-row] input")[0].Input("Release");
        _dialogs.FindAll("[data-testid=metadata-row] input")[1].Input("4.2");

        await CreateClickAsync();

        await using var db = await Domain.Contexts.CreateDbContextAsync();
        var navigation = Context.Services.GetRequiredService<NavigationManager>();
        _dialogs.WaitForAssertion(() => Assert.Contains("/approvals/", navigation.Uri));
        var request = await db.ApprovalRequests.Include(r => r.Approvers).SingleAsync();
        Assert.EndsWith($"/approvals/{request.Id}", navigation.Uri);
        Assert.Equal("Deploy release 4.2 to production", request.Title);
        Assert.Equal(TestActors.Admin.Name, request.RequestedBy);
        Assert.Equal(DecisionVia.Portal, request.CreatedVia);
        Assert.Equal(["adele.vance@contoso.test", "alex.wilber@contoso.test"], request.Approvers.OrderBy(a => a.Position).Select(a => a.Address));
        Assert.Equal([new MetadataEntry("Release", "4.2")], request.Metadata);
        Assert.Equal(DetailsFormat.Text, request.DetailsFormat);
        Assert.Null(request.CallbackUrl);
    }

    [Fact]
    public async Task Dialog_OffersNoCallbackUrl_AndLabelsEveryField()
    {
        await OpenAsync();

        foreach (var label in new[] { "Title", "Details", "Approvers", "Requester Email" })
        {
            Assert.NotNull(InputLabelled(_dialogs, label));
        }
        Assert.DoesNotContain("Callback", _dialogs.Markup);
        Assert.Contains("Markdown", _dialogs.Markup);
    }
}
