using Bunit;
using FlexMail.Domain.Audit;
using FlexMail.Domain.Settings;
using FlexMail.Portal.Features.EmailSettings;
using FlexMail.Tests.Components.OAuthApps;
using FlexMail.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FlexMail.Tests.Components.EmailSettings;

public sealed class EmailSettingsPageTests : DomainComponentTest
{
    private Guid _applicationId;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var application = OAuthAppDrafts.Valid("FlexMail production");
        application.Id = Guid.NewGuid();
        _applicationId = application.Id.Value;
        var settings = new EmailSettingsDraft
        {
            ServerBaseUrl = "https://flexmail.contoso.com",
            SmtpUser = "svc-flexmail@contoso.com",
            SmtpOAuthApplicationId = _applicationId,
            SmtpFromAddress = "svc-flexmail@contoso.com",
        };
        Assert.True((await Domain.Get<SetupService>().SaveAsync(application, settings, new Actor("setup", null), CancellationToken.None)).Saved);
    }

    private IRenderedComponent<EmailSettingsPage> RenderPage()
    {
        var page = Render<EmailSettingsPage>();
        page.WaitForElement("[data-testid=section-status-outgoing]");
        return page;
    }

    private static Task Click(IRenderedComponent<EmailSettingsPage> page, string button) =>
        page.FindAll("button").Single(b => b.TextContent.Trim() == button).ClickAsync(new());

    [Fact]
    public void Render_ShowsTheReferenceSectionsAndFieldsWithTheSavedValues()
    {
        var page = RenderPage();

        Assert.Contains("Outgoing (SMTP)", page.Markup);
        Assert.Contains("Incoming (IMAP)", page.Markup);
        Assert.Contains("Email reply options", page.Markup);
        Assert.Equal("svc-flexmail@contoso.com", InputLabelled(page, "SMTP User").GetAttribute("value"));
        Assert.Equal("https://flexmail.contoso.com/flexdeploy/rest/v2/oauth", InputLabelled(page, "Redirect URI").GetAttribute("value"));
        Assert.Empty(page.FindAll("[data-testid=unsaved-changes]"));
    }

    [Fact]
    public async Task Render_ServerBaseUrlOtherThanThePortalsAddress_WarnsBeforeSave()
    {
        Context.Services.GetRequiredService<NavigationManager>().NavigateTo("https://localhost:7443/settings/email");
        var page = RenderPage();

        Assert.Contains("Warning: You are using the portal at https://localhost:7443, but the Server Base URL is https://flexmail.contoso.com: " +
            "Entra ID will send the sign-in back to https://flexmail.contoso.com/flexdeploy/rest/v2/oauth", page.Markup);

        await InputLabelled(page, "Server Base URL").InputAsync(new ChangeEventArgs { Value = "https://localhost:7443" });

        page.WaitForAssertion(() => Assert.DoesNotContain("You are using the portal at", page.Markup));
    }

    [Fact]
    public async Task Edit_MarksUnsavedChanges_AndAnErrorTurnsItsSectionChipRed()
    {
        var page = RenderPage();

        await InputLabelled(page, "SMTP From Address").InputAsync(new ChangeEventArgs { Value = "not an address" });

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=unsaved-changes]")));
        Assert.Contains("SMTP From Address must be an address like name@contoso.com", page.Markup);
        Assert.Equal("error", page.Find("[data-testid=section-status-outgoing]").GetAttribute("data-status"));
    }

    [Fact]
    public async Task Save_InvalidInput_SavesNothingAndKeepsWhatWasTyped()
    {
        var page = RenderPage();
        await InputLabelled(page, "SMTP From Address").InputAsync(new ChangeEventArgs { Value = "not an address" });

        await Click(page, "Save");

        Assert.Equal("not an address", InputLabelled(page, "SMTP From Address").GetAttribute("value"));
        await using var db = await Domain.Contexts.CreateDbContextAsync();
        Assert.Equal("svc-flexmail@contoso.com", (await db.EmailSettings.SingleAsync()).SmtpFromAddress);
    }

    [Fact]
    public async Task Save_SomeoneElseSavedSinceThePageOpened_IsRefusedNamingTheirValueAndKeepsWhatWasTyped()
    {
        var snackbars = Context.Render<MudBlazor.MudSnackbarProvider>();
        var page = RenderPage();
        var otherTab = await Domain.Get<EmailSettingsService>().GetDraftAsync(CancellationToken.None);
        otherTab.SmtpFromAddress = "approvals@contoso.com";
        Assert.True((await Domain.Get<EmailSettingsService>().SaveAsync(otherTab, new Actor("Alex Wilber", null), CancellationToken.None)).Succeeded);
        await InputLabelled(page, "Server Base URL").InputAsync(new ChangeEventArgs { Value = "https://mail.contoso.com" });

        await Click(page, "Save");

        snackbars.WaitForAssertion(() => Assert.Contains("Someone else saved the email settings after you opened them", snackbars.Markup));
        Assert.Contains("SMTP From Address to \"approvals@contoso.com\"", snackbars.Markup);
        page.WaitForAssertion(() => Assert.Contains("Someone else changed this to \"approvals@contoso.com\"", page.Markup));
        Assert.Equal("https://mail.contoso.com", InputLabelled(page, "Server Base URL").GetAttribute("value"));
        await using var db = await Domain.Contexts.CreateDbContextAsync();
        var saved = await db.EmailSettings.SingleAsync();
        Assert.Equal(("https://flexmail.contoso.com", "approvals@contoso.com"), (saved.ServerBaseUrl, saved.SmtpFromAddress));
    }

    [Fact]
    public async Task Save_EnablingApprovalsWithAReplyFolder_StoresItAndClearsTheUnsavedMark()
    {
        var page = RenderPage();
        page.FindAll("label").Single(l => l.TextContent.Contains("Email approval")).QuerySelector("input")!.Change(true);
        page.WaitForAssertion(() => InputLabelled(page, "Email Reply Folder").Input("Inbox/FlexMail Replies"));

        await Click(page, "Save");

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=unsaved-changes]")));
        await using var db = await Domain.Contexts.CreateDbContextAsync();
        var saved = await db.EmailSettings.SingleAsync();
        Assert.True(saved.EmailApprovalEnabled);
        Assert.Equal("Inbox/FlexMail Replies", saved.EmailReplyFolder);
    }

    [Fact]
    public async Task FromAddressOfAnotherUser_HelperSaysAnotherMailboxNotSharedMailbox()
    {
        var page = RenderPage();

        await InputLabelled(page, "SMTP From Address").InputAsync(new ChangeEventArgs { Value = "adele.vance@contoso.com" });

        page.WaitForAssertion(() => Assert.Contains(
            "Another mailbox than the SMTP User's (a shared mailbox or another user): svc-flexmail@contoso.com needs Send As on it", page.Markup));
        Assert.DoesNotContain("A shared mailbox: ", page.Markup);
    }

    [Fact]
    public async Task ListFolders_SmtpUserNotAuthorized_SaysToAuthorizeAndKeepsTheTypedFolder()
    {
        var page = RenderPage();
        page.FindAll("label").Single(l => l.TextContent.Contains("Email approval")).QuerySelector("input")!.Change(true);
        page.WaitForAssertion(() => InputLabelled(page, "Email Reply Folder").Input("Inbox/FlexMail Replies"));

        await Click(page, "List Folders");

        page.WaitForAssertion(() => Assert.Contains("The SMTP User svc-flexmail@contoso.com is not authorized yet",
            page.Find("[data-testid=reply-folder-problem]").TextContent));
        Assert.Equal("Inbox/FlexMail Replies", InputLabelled(page, "Email Reply Folder").GetAttribute("value"));
    }

    [Fact]
    public void InboxOfTheOwnMailbox_AsksForTheAcknowledgement()
    {
        var page = RenderPage();
        page.FindAll("label").Single(l => l.TextContent.Contains("Email approval")).QuerySelector("input")!.Change(true);

        page.WaitForAssertion(() => InputLabelled(page, "Email Reply Folder").Input("Inbox"));

        page.WaitForAssertion(() => Assert.Contains("FlexMail removes every mail it processes", page.Markup));
        Assert.Contains(page.FindAll("label"), l => l.TextContent.Contains("I understand that FlexMail removes every mail it processes from the Inbox of svc-flexmail@contoso.com"));
    }
}
