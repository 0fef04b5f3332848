using Bunit;
using FlexMail.Domain.Audit;
using FlexMail.Domain.OAuthApps;
using FlexMail.Domain.Settings;
using FlexMail.Portal.Features.OAuthApps;
using FlexMail.Tests.Support;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace FlexMail.Tests.Components.OAuthApps;

public sealed class OAuthApplicationsPageTests : DomainComponentTest
{
    private IRenderedComponent<MudDialogProvider> _dialogs = null!;

    private IRenderedComponent<OAuthApplicationsPage> RenderPage()
    {
        _dialogs = Context.Render<MudDialogProvider>();
        var page = Render<OAuthApplicationsPage>();
        page.WaitForAssertion(() => Assert.DoesNotContain("Loading", page.Markup));
        return page;
    }

    [Fact]
    public async Task List_ShowsEachApplicationWithOnlyItsSecretHint()
    {
        var draft = OAuthAppDrafts.Valid("FlexMail production");
        await Domain.Get<OAuthApplicationService>().SaveAsync(draft, new Actor("admin", null), CancellationToken.None);

        var page = RenderPage();

        var table = page.Find("[data-testid=oauth-applications]").TextContent;
        Assert.Contains("FlexMail production", table);
        Assert.Contains("••••" + draft.ClientSecret[^4..], table);
        Assert.DoesNotContain(draft.ClientSecret, page.Markup);
    }

    [Fact]
    public async Task Delete_UnusedApplication_AfterConfirmation_IsRemoved()
    {
        await Domain.Get<OAuthApplicationService>().SaveAsync(OAuthAppDrafts.Valid("Old app"), new Actor("admin", null), CancellationToken.None);
        var page = RenderPage();

        page.Find("tr[data-row=\'Old app\']").QuerySelectorAll("button").Single(b => b.TextContent.Trim() == "Delete").Click();
        _dialogs.WaitForAssertion(() => _dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Delete").Click());

        page.WaitForAssertion(() => Assert.Contains("No OAuth application yet.", page.Markup));
        await using var db = await Domain.Contexts.CreateDbContextAsync();
        Assert.Empty(await db.OAuthApplications.ToListAsync());
    }

    [Fact]
    public void Empty_SaysSoAndOffersTheAddButton()
    {
        var page = RenderPage();

        Assert.Contains("No OAuth application yet.", page.Markup);
        Assert.Contains(page.FindAll("button"), b => b.TextContent.Trim() == "Add OAuth Application");
    }

    [Fact]
    public async Task Delete_ApplicationInUse_IsRefusedAndStaysListed()
    {
        var draft = OAuthAppDrafts.Valid("FlexMail production");
        draft.Id = Guid.NewGuid();
        var settings = new EmailSettingsDraft
        {
            ServerBaseUrl = "https://flexmail.contoso.com", SmtpUser = "svc@contoso.com", SmtpFromAddress = "svc@contoso.com",
            SmtpOAuthApplicationId = draft.Id,
        };
        await Domain.Get<SetupService>().SaveAsync(draft, settings, new Actor("admin", null), CancellationToken.None);
        var snackbars = Context.Render<MudSnackbarProvider>();
        var page = RenderPage();

        page.Find("tr[data-row=\'FlexMail production\']").QuerySelectorAll("button").Single(b => b.TextContent.Trim() == "Delete").Click();
        _dialogs.WaitForAssertion(() => Assert.Contains("Delete FlexMail production?", _dialogs.Markup));
        await _dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Delete").ClickAsync(new());

        snackbars.WaitForAssertion(() => Assert.Contains("FlexMail production is used by the email settings", snackbars.Markup));
        await using var db = await Domain.Contexts.CreateDbContextAsync();
        Assert.Equal(1, await db.OAuthApplications.CountAsync());
        Assert.Contains("FlexMail production", page.Find("[data-testid=oauth-applications]").TextContent);
    }

    [Fact]
    public async Task AddDialog_SaveWithValidFields_StoresTheApplication()
    {
        var page = RenderPage();

        page.FindAll("button").Single(b => b.TextContent.Trim() == "Add OAuth Application").Click();
        _dialogs.WaitForAssertion(() => InputLabelled(_dialogs, "Name").Input("Second app"));
        InputLabelled(_dialogs, "Tenant Id").Input("contoso.onmicrosoft.com");
        InputLabelled(_dialogs, "Client Id").Input("5d1a6bb6-1e1d-4b5e-9d43-0f1c1f3c2a77");
        InputLabelled(_dialogs, "Client Secret").Input("Qx8~abcDEF.ghiJKL_mnoPQR-stuVWX");
        // Found and clicked in one dispatch: the validation's re-render may replace the button between the two.
        await _dialogs.InvokeAsync(() => _dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Save").Click());

        page.WaitForAssertion(() => Assert.Contains("Second app", page.Find("[data-testid=oauth-applications]").TextContent));
        await using var db = await Domain.Contexts.CreateDbContextAsync();
        Assert.Equal("Second app", (await db.OAuthApplications.SingleAsync()).Name);
    }

    [Fact]
    public async Task AddDialog_SecretLooksLikeItsId_AsksFirst_CancelSavesNothingAndKeepsTheInput()
    {
        const string secretId = "2f1e0d3c-4b5a-6978-8a9b-0c1d2e3f4a5b";
        var page = RenderPage();
        page.FindAll("button").Single(b => b.TextContent.Trim() == "Add OAuth Application").Click();
        _dialogs.WaitForAssertion(() => InputLabelled(_dialogs, "Name").Input("Second app"));
        InputLabelled(_dialogs, "Tenant Id").Input("contoso.onmicrosoft.com");
        InputLabelled(_dialogs, "Client Id").Input("5d1a6bb6-1e1d-4b5e-9d43-0f1c1f3c2a77");
        InputLabelled(_dialogs, "Client Secret").Input(secretId);

        _dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Save").Click(); // waits for the answer
        _dialogs.WaitForAssertion(() => Assert.Contains(OAuthApplicationValidator.SecretIdQuestion, _dialogs.Markup));
        Assert.Contains(MessageBoxButtons(), b => b.TextContent.Trim() == "Save anyway");
        await MessageBoxButtons().Single(b => b.TextContent.Trim() == "Cancel").ClickAsync(new());

        _dialogs.WaitForAssertion(() => Assert.DoesNotContain(OAuthApplicationValidator.SecretIdQuestion, _dialogs.Markup));
        Assert.Equal("Second app", InputLabelled(_dialogs, "Name").GetAttribute("value"));
        Assert.Equal(secretId, InputLabelled(_dialogs, "Client Secret").GetAttribute("value"));
        await using var db = await Domain.Contexts.CreateDbContextAsync();
        Assert.Empty(await db.OAuthApplications.ToListAsync());
    }

    [Fact]
    public async Task AddDialog_SecretLooksLikeItsId_SaveAnyway_StoresTheApplication()
    {
        var page = RenderPage();
        page.FindAll("button").Single(b => b.TextContent.Trim() == "Add OAuth Application").Click();
        _dialogs.WaitForAssertion(() => InputLabelled(_dialogs, "Name").Input("Second app"));
        InputLabelled(_dialogs, "Tenant Id").Input("contoso.onmicrosoft.com");
        InputLabelled(_dialogs, "Client Id").Input("5d1a6bb6-1e1d-4b5e-9d43-0f1c1f3c2a77");
        InputLabelled(_dialogs, "Client Secret").Input("2f1e0d3c-4b5a-6978-8a9b-0c1d2e3f4a5b");

        // Found and clicked in one renderer turn: the inputs' re-renders may otherwise replace the button's handler in between.
        await _dialogs.InvokeAsync(() => _dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Save").Click());
        _dialogs.WaitForAssertion(() => Assert.Contains(MessageBoxButtons(), b => b.TextContent.Trim() == "Save anyway"));
        await _dialogs.InvokeAsync(() => MessageBoxButtons().Single(b => b.TextContent.Trim() == "Save anyway").Click());

        page.WaitForAssertion(() => Assert.Contains("Second app", page.Find("[data-testid=oauth-applications]").TextContent));
        await using var db = await Domain.Contexts.CreateDbContextAsync();
        Assert.Equal("Second app", (await db.OAuthApplications.SingleAsync()).Name);
    }

    /// <summary>The buttons of the dialog on top (the confirmation opened over the application dialog).</summary>
    private IReadOnlyList<AngleSharp.Dom.IElement> MessageBoxButtons() =>
        [.. _dialogs.FindAll(".mud-dialog").Last().QuerySelectorAll("button")];
}
