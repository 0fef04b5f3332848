using Bunit;
using FlexMail.Domain.Audit;
using FlexMail.Domain.OAuthApps;
using FlexMail.Portal.Features.EmailSettings;
using FlexMail.Portal.Features.Setup;
using FlexMail.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FlexMail.Tests.Components.Setup;

public sealed class SetupPageTests : DomainComponentTest
{
    private const string TenantId = "8d2c8d4e-6a4b-4a5e-9a4a-2b5a8c0f1e11";
    private const string ClientId = "5d1a6bb6-1e1d-4b5e-9d43-0f1c1f3c2a77";
    private const string ClientSecret = "Qx8~abcDEF.ghiJKL_mnoPQR-stuVWX";

    private IRenderedComponent<SetupPage> RenderWizard()
    {
        var wizard = Render<SetupPage>();
        wizard.WaitForElement("[data-testid=step-statuses]");
        return wizard;
    }

    private static string StatusOfStep(IRenderedComponent<SetupPage> wizard, int number) =>
        wizard.Find($"[data-testid=step-status-{number}]").GetAttribute("data-status")!;

    // The *Async dispatchers complete when the handler (validation, saving) has finished.
    private static Task Click(IRenderedComponent<SetupPage> wizard, string button) =>
        wizard.FindAll("button").Single(b => b.TextContent.Trim() == button).ClickAsync(new());

    private static Task Type(IRenderedComponent<SetupPage> wizard, string label, string value) =>
        InputLabelled(wizard, label).InputAsync(new ChangeEventArgs { Value = value });

    private static async Task CompleteCredentialsStep(IRenderedComponent<SetupPage> wizard, string secret = ClientSecret)
    {
        await Type(wizard, "Name", "FlexMail production");
        await Type(wizard, "Tenant Id", TenantId);
        await Type(wizard, "Client Id", ClientId);
        await Type(wizard, "Client Secret", secret);
        wizard.WaitForAssertion(() => Assert.NotEqual("error", StatusOfStep(wizard, 2)));
    }

    /// <summary>From step 1 to step 4 with valid credentials and outgoing mail.</summary>
    private static async Task CompleteThroughOutgoingStep(IRenderedComponent<SetupPage> wizard)
    {
        await Click(wizard, "Next");
        await CompleteCredentialsStep(wizard);
        await Click(wizard, "Next");
        await Type(wizard, "SMTP User", "svc-flexmail@contoso.com");
        await Type(wizard, "SMTP From Address", "svc-flexmail@contoso.com");
        await Click(wizard, "Next");
    }

    [Fact]
    public void StepList_FreshWizard_StepsNotReachedAreToDo_NotRed_AndSaveSaysNotSaved()
    {
        var wizard = RenderWizard();

        Assert.Equal("ok", StatusOfStep(wizard, 1)); // the Server Base URL is filled in from the portal's address
        Assert.All([2, 3, 5, 6, 7], number => Assert.Equal("todo", StatusOfStep(wizard, number)));
        Assert.Equal("ok", StatusOfStep(wizard, 4)); // nothing is required there while email approvals are off
        Assert.Equal("Not saved", wizard.Find("[data-testid=step-status-5]").TextContent.Trim());
        Assert.DoesNotContain("Needs attention", wizard.Find("[data-testid=step-statuses]").TextContent);
    }

    [Fact]
    public async Task StepList_StepName_OpensThatStep_ButNotForwardsPastAStepWithErrors()
    {
        var wizard = RenderWizard();

        await Click(wizard, "2. Application credentials");
        wizard.WaitForAssertion(() => Assert.StartsWith("2. Application credentials",
            wizard.Find("[data-testid=step-statuses] [aria-current=step]").TextContent.Trim()));
        Assert.NotNull(InputLabelled(wizard, "Tenant Id"));

        await Click(wizard, "4. Incoming mail and replies");

        wizard.WaitForAssertion(() => Assert.Contains("Tenant Id is required", wizard.Markup));
        Assert.StartsWith("2. Application credentials", wizard.Find("[data-testid=step-statuses] [aria-current=step]").TextContent.Trim());
        Assert.Equal("error", StatusOfStep(wizard, 2));

        await Click(wizard, "1. Register the app");
        wizard.WaitForAssertion(() => Assert.StartsWith("1. Register the app",
            wizard.Find("[data-testid=step-statuses] [aria-current=step]").TextContent.Trim()));
    }

    [Fact]
    public async Task RegisterStep_SavedServerBaseUrlOtherThanThePortalsAddress_Warns()
    {
        await SaveSetupAsync();

        var wizard = RenderWizard();

        Assert.Contains("Warning: You are using the portal at http://localhost, but the Server Base URL is https://flexmail.contoso.com", wizard.Markup);
        Assert.Contains("In the Microsoft Entra admin center", wizard.Markup);
        Assert.Contains("e.g. svc-flexmail@contoso.com.", Render<OutgoingMailFields>(parameters => parameters
            .Add(f => f.Draft, new FlexMail.Domain.Settings.EmailSettingsDraft())
            .Add(f => f.Report, FlexMail.Domain.Validation.ValidationReport.Valid)
            .Add(f => f.Applications, [])).Markup);
    }

    [Fact]
    public void RegisterStep_ShowsTheExactRedirectUriAndTheBasePermissions()
    {
        var wizard = RenderWizard();

        Assert.Equal("ok", StatusOfStep(wizard, 1));
        Assert.Equal("http://localhost/flexdeploy/rest/v2/oauth", InputLabelled(wizard, "Redirect URI").GetAttribute("value"));
        var permissions = wizard.Find("[data-testid=permission-list]").TextContent;
        Assert.Contains("User.Read", permissions);
        Assert.Contains("Mail.Send", permissions);
        Assert.DoesNotContain("Mail.ReadWrite", permissions);
    }

    [Fact]
    public async Task RegisterStep_AfterTheIdsAreEntered_OffersTheAdminConsentLink()
    {
        var wizard = RenderWizard();
        Assert.Contains("it appears here once the Tenant Id and Client Id are entered", wizard.Markup);
        await Click(wizard, "Next");
        await CompleteCredentialsStep(wizard);

        await Click(wizard, "Back");

        var link = InputLabelled(wizard, "Admin Consent Link").GetAttribute("value");
        Assert.Equal($"https://login.microsoftonline.com/{TenantId}/v2.0/adminconsent?client_id={ClientId}" +
            "&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default&redirect_uri=http%3A%2F%2Flocalhost%2Fflexdeploy%2Frest%2Fv2%2Foauth", link);
    }

    [Fact]
    public void RegisterStep_AnsweringEmailApprovalsAndSharedMailbox_AddsThoseScopes()
    {
        var wizard = RenderWizard();

        wizard.FindAll("label").Single(l => l.TextContent.Contains("Email approvals?")).QuerySelector("input")!.Change(true);
        wizard.FindAll("label").Single(l => l.TextContent.Contains("Send from a shared mailbox?")).QuerySelector("input")!.Change(true);

        var permissions = wizard.Find("[data-testid=permission-list]").TextContent;
        Assert.Contains("Mail.ReadWrite", permissions);
        Assert.Contains("Mail.Send.Shared", permissions);
    }

    [Fact]
    public async Task RegisterStep_InvalidServerBaseUrl_ShowsItsErrorAndBlocksNext()
    {
        var wizard = RenderWizard();

        await Type(wizard, "Server Base URL", "http://flexmail.contoso.com/flexdeploy");
        await Click(wizard, "Next");

        wizard.WaitForAssertion(() => Assert.Contains("Server Base URL must use https://", wizard.Markup));
        Assert.Equal("error", StatusOfStep(wizard, 1));
        Assert.Contains("Your setup", wizard.Markup); // still on step 1
        Assert.Equal("http://flexmail.contoso.com/flexdeploy", InputLabelled(wizard, "Server Base URL").GetAttribute("value"));
    }

    [Fact]
    public async Task CredentialsStep_NextWithEmptyFields_StaysAndShowsEachFieldsError()
    {
        var wizard = RenderWizard();
        await Click(wizard, "Next");

        await Click(wizard, "Next");

        wizard.WaitForAssertion(() => Assert.Contains("Tenant Id is required", wizard.Markup));
        Assert.Contains("Client Id is required", wizard.Markup);
        Assert.Contains("Client Secret is required", wizard.Markup);
        Assert.Equal("error", StatusOfStep(wizard, 2));
        Assert.DoesNotContain(wizard.FindAll("label"), l => l.TextContent.Trim().TrimEnd('*') == "SMTP User");
    }

    [Fact]
    public async Task CredentialsStep_BadClientId_ShowsTheSpecificErrorAndKeepsTheInput()
    {
        var wizard = RenderWizard();
        await Click(wizard, "Next");

        await Type(wizard, "Client Id", "flexmail-app");

        wizard.WaitForAssertion(() => Assert.Contains("Client Id must be a GUID", wizard.Markup));
        Assert.Equal("flexmail-app", InputLabelled(wizard, "Client Id").GetAttribute("value"));
    }

    [Fact]
    public async Task CredentialsStep_GuidShapedSecret_TurnsTheChipToWarningButAllowsNext()
    {
        var wizard = RenderWizard();
        await Click(wizard, "Next");

        await CompleteCredentialsStep(wizard, secret: "2f1e0d3c-4b5a-6978-8a9b-0c1d2e3f4a5b");

        wizard.WaitForAssertion(() => Assert.Equal("warning", StatusOfStep(wizard, 2)));
        Assert.Contains("This looks like the secret's ID", wizard.Markup);
        await Click(wizard, "Next");
        wizard.WaitForAssertion(() => Assert.NotNull(InputLabelled(wizard, "SMTP User")));
    }

    [Fact]
    public async Task OutgoingStep_InvalidFromAddress_BlocksNextWithItsMessage()
    {
        var wizard = RenderWizard();
        await Click(wizard, "Next");
        await CompleteCredentialsStep(wizard);
        await Click(wizard, "Next");
        await Type(wizard, "SMTP User", "svc-flexmail@contoso.com");
        await Type(wizard, "SMTP From Address", "approvals");

        await Click(wizard, "Next");

        Assert.Contains("SMTP From Address must be an address like name@contoso.com", wizard.Markup);
        Assert.Equal("error", StatusOfStep(wizard, 3));
        Assert.Equal("approvals", InputLabelled(wizard, "SMTP From Address").GetAttribute("value"));
        Assert.DoesNotContain(wizard.FindAll("label"), l => l.TextContent.Trim() == "Email Reply Folder");
    }

    [Fact]
    public async Task IncomingStep_ApprovalsWithoutReplyFolder_BlocksNext_AndInboxNeedsTheAcknowledgement()
    {
        var wizard = RenderWizard();
        await wizard.FindAll("label").Single(l => l.TextContent.Contains("Email approvals?")).QuerySelector("input")!.ChangeAsync(new() { Value = true });
        await CompleteThroughOutgoingStep(wizard);

        await Click(wizard, "Next");
        Assert.Contains("Email Reply Folder is required", wizard.Markup);
        Assert.Equal("error", StatusOfStep(wizard, 4));

        await Type(wizard, "Email Reply Folder", "Inbox");
        Assert.Contains("Using the Inbox of svc-flexmail@contoso.com would remove its other mail too", wizard.Markup);
        await wizard.FindAll("label").Single(l => l.TextContent.Contains("I understand that FlexMail removes every mail"))
            .QuerySelector("input")!.ChangeAsync(new() { Value = true });
        wizard.WaitForAssertion(() => Assert.Equal("ok", StatusOfStep(wizard, 4)));
    }

    [Fact]
    public async Task IncomingStep_ListFoldersBeforeSaveAndAuthorize_SaysWhenItWorksAndKeepsTheTypedFolder()
    {
        var wizard = RenderWizard();
        await wizard.FindAll("label").Single(l => l.TextContent.Contains("Email approvals?")).QuerySelector("input")!.ChangeAsync(new() { Value = true });
        await CompleteThroughOutgoingStep(wizard);
        await Click(wizard, "Next");
        await Type(wizard, "Email Reply Folder", "Inbox/FlexMail Replies");

        await Click(wizard, "List Folders");

        var problem = wizard.Find("[data-testid=reply-folder-problem]").TextContent;
        Assert.Contains("The folders can be listed once the setup is saved (step 5", problem);
        Assert.Contains("the mailbox user is authorized (step 6", problem);
        // Not the saved settings' problem about fields the admin has just filled in on the previous step.
        Assert.DoesNotContain("No SMTP User is saved", problem);
        Assert.Equal("Inbox/FlexMail Replies", InputLabelled(wizard, "Email Reply Folder").GetAttribute("value"));
    }

    [Fact]
    public async Task AllSteps_CompletedAndSaved_StoreTheApplicationAndSettings_AndTheMarkupHoldsNoSecret()
    {
        var wizard = RenderWizard();
        await Click(wizard, "Next");
        await CompleteCredentialsStep(wizard);
        await Click(wizard, "Next");
        await Type(wizard, "SMTP User", "svc-flexmail@contoso.com");
        await Type(wizard, "SMTP From Address", "svc-flexmail@contoso.com");
        wizard.WaitForAssertion(() => Assert.Equal("ok", StatusOfStep(wizard, 3)));
        await Click(wizard, "Next");
        await Click(wizard, "Next");
        wizard.WaitForAssertion(() => Assert.Contains("FlexMail production", wizard.Find("[data-testid=review-table]").TextContent));

        await Click(wizard, "Save");

        await using var db = await Domain.Contexts.CreateDbContextAsync();
        var application = await db.OAuthApplications.SingleAsync();
        var settings = await db.EmailSettings.SingleAsync();
        Assert.Equal(ClientId, application.ClientId);
        Assert.Equal(application.Id, settings.SmtpOAuthApplicationId);
        Assert.Equal("svc-flexmail@contoso.com", settings.SmtpUser);
        Assert.DoesNotContain(ClientSecret, wizard.Markup);

        // Opened again: the credentials step shows only the saved secret's hint, never the secret.
        Context.Services.GetRequiredService<NavigationManager>().NavigateTo("setup"); // the saved wizard moved on to ?step=authorize
        var reopened = RenderWizard();
        await Click(reopened, "Next");
        Assert.Equal("", InputLabelled(reopened, "Client Secret").GetAttribute("value") ?? "");
        Assert.Contains("A secret is saved (••••" + ClientSecret[^4..] + ")", reopened.Markup);
        Assert.DoesNotContain(ClientSecret, reopened.Markup);
        Assert.DoesNotContain(application.ProtectedClientSecret!, reopened.Markup);
    }

    [Fact]
    public async Task Save_RefusedByTheServer_SavesNothingAndKeepsEveryInput()
    {
        var wizard = RenderWizard();
        await CompleteThroughOutgoingStep(wizard);
        await Click(wizard, "Next");
        // Meanwhile another admin takes the name.
        var other = OAuthApps.OAuthAppDrafts.Valid("FlexMail production");
        Assert.True((await Domain.Get<OAuthApplicationService>().SaveAsync(other, new Actor("someone else", null), CancellationToken.None)).Succeeded);

        await Click(wizard, "Save");

        wizard.WaitForAssertion(() => Assert.Contains("already exists", wizard.Markup));
        Assert.Equal("FlexMail production", InputLabelled(wizard, "Name").GetAttribute("value"));
        Assert.Equal(TenantId, InputLabelled(wizard, "Tenant Id").GetAttribute("value"));
        await using var db = await Domain.Contexts.CreateDbContextAsync();
        Assert.Equal(1, await db.OAuthApplications.CountAsync());
        Assert.Empty(await db.EmailSettings.ToListAsync());
    }

    [Fact]
    public async Task Save_SecretLooksLikeItsId_AsksFirst_CancelSavesNothingAndKeepsEveryInput()
    {
        const string secretId = "2f1e0d3c-4b5a-6978-8a9b-0c1d2e3f4a5b";
        var dialogs = Context.Render<MudBlazor.MudDialogProvider>();
        var wizard = await ReviewWithSecretAsync(secretId);

        wizard.FindAll("button").Single(b => b.TextContent.Trim() == "Save").Click(); // waits for the answer
        dialogs.WaitForAssertion(() => Assert.Contains(OAuthApplicationValidator.SecretIdQuestion, dialogs.Markup));
        Assert.Contains(dialogs.FindAll("button"), b => b.TextContent.Trim() == "Save anyway");
        await dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Cancel").ClickAsync(new());

        dialogs.WaitForAssertion(() => Assert.DoesNotContain(OAuthApplicationValidator.SecretIdQuestion, dialogs.Markup));
        Assert.Contains("FlexMail production", wizard.Find("[data-testid=review-table]").TextContent);
        await using (var db = await Domain.Contexts.CreateDbContextAsync())
        {
            Assert.Empty(await db.OAuthApplications.ToListAsync());
            Assert.Empty(await db.EmailSettings.ToListAsync());
        }
        await Click(wizard, "Back");
        await Click(wizard, "Back");
        await Click(wizard, "Back");
        Assert.Equal(secretId, InputLabelled(wizard, "Client Secret").GetAttribute("value"));
    }

    [Fact]
    public async Task Save_SecretLooksLikeItsId_SaveAnyway_StoresTheSetup()
    {
        var dialogs = Context.Render<MudBlazor.MudDialogProvider>();
        var wizard = await ReviewWithSecretAsync("2f1e0d3c-4b5a-6978-8a9b-0c1d2e3f4a5b");

        wizard.FindAll("button").Single(b => b.TextContent.Trim() == "Save").Click();
        dialogs.WaitForAssertion(() => Assert.Contains(dialogs.FindAll("button"), b => b.TextContent.Trim() == "Save anyway"));
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Save anyway").Click();

        await using var db = await Domain.Contexts.CreateDbContextAsync();
        wizard.WaitForAssertion(() => Assert.Equal(1, db.OAuthApplications.Count()));
        Assert.Equal(1, await db.EmailSettings.CountAsync());
    }

    /// <summary>Every step filled in with <paramref name="secret"/> as the Client Secret, up to the Review step.</summary>
    private async Task<IRenderedComponent<SetupPage>> ReviewWithSecretAsync(string secret)
    {
        var wizard = RenderWizard();
        await Click(wizard, "Next");
        await CompleteCredentialsStep(wizard, secret);
        await Click(wizard, "Next");
        await Type(wizard, "SMTP User", "svc-flexmail@contoso.com");
        await Type(wizard, "SMTP From Address", "svc-flexmail@contoso.com");
        await Click(wizard, "Next");
        await Click(wizard, "Next");
        wizard.WaitForAssertion(() => Assert.Contains("FlexMail production", wizard.Find("[data-testid=review-table]").TextContent));
        return wizard;
    }
}
