using FlexMail.Domain.OAuthApps;
using FlexMail.Domain.Settings;

namespace FlexMail.Tests.Domain.Settings;

public sealed class RequiredPermissionsTests
{
    private static string[] Names(PermissionMode mode, PermissionNeeds needs) =>
        [.. RequiredPermissions.For(mode, needs).Select(permission => permission.Name)];

    [Fact]
    public void Delegated_SendOnly_NeedsUserReadMailSendAndOfflineAccess()
    {
        Assert.Equal(["offline_access", "User.Read", "Mail.Send"], Names(PermissionMode.Delegated, new(false, false, false)));
    }

    [Fact]
    public void Delegated_WithApprovals_AddsMailReadWrite()
    {
        Assert.Contains("Mail.ReadWrite", Names(PermissionMode.Delegated, new(false, true, false)));
    }

    [Fact]
    public void Delegated_FromAnotherMailbox_AddsMailSendShared()
    {
        Assert.Contains("Mail.Send.Shared", Names(PermissionMode.Delegated, new(true, false, false)));
    }

    [Fact]
    public void Delegated_RepliesInAnotherMailbox_AddsMailReadWriteSharedOnlyWithApprovals()
    {
        Assert.Contains("Mail.ReadWrite.Shared", Names(PermissionMode.Delegated, new(false, true, true)));
        Assert.DoesNotContain("Mail.ReadWrite.Shared", Names(PermissionMode.Delegated, new(false, false, true)));
    }

    [Fact]
    public void Application_ListsApplicationPermissionsWithoutSharedVariants()
    {
        Assert.Equal(["Mail.Send", "User.Read.All", "Mail.ReadWrite"], Names(PermissionMode.Application, new(true, true, true)));
    }

    [Fact]
    public void NeedsFromDraft_FollowTheTypedAddresses()
    {
        var draft = EmailSettingsValidatorTests.ValidDraft(Guid.NewGuid());
        draft.SmtpFromAddress = "approvals@contoso.com";
        draft.ReplyMailbox = "approvals@contoso.com";

        var needs = PermissionNeeds.From(draft);

        Assert.Equal(new PermissionNeeds(SendsFromAnotherMailbox: true, EmailApprovals: true, ReadsAnotherMailbox: true), needs);
    }

    [Fact]
    public void AuthorizeScopes_AddSignInScopesToTheDelegatedPermissions()
    {
        Assert.Equal(["openid", "profile", "offline_access", "User.Read", "Mail.Send"], RequiredPermissions.AuthorizeScopes(new(false, false, false)));
    }

    [Fact]
    public void AdminConsentLink_PointsAtTheTenantsConsentEndpointForTheCloud()
    {
        var link = AdminConsentLink.Build(new FlexMail.Domain.Connectivity.PublicMicrosoftCloud().EndpointsFor(CloudInstance.UsGovernmentL4), "contoso.onmicrosoft.us", "5d1a6bb6-1e1d-4b5e-9d43-0f1c1f3c2a77",
            "https://flexmail.contoso.us/flexdeploy/rest/v2/oauth");

        Assert.Equal(
            "https://login.microsoftonline.us/contoso.onmicrosoft.us/v2.0/adminconsent?client_id=5d1a6bb6-1e1d-4b5e-9d43-0f1c1f3c2a77" +
            "&scope=https%3A%2F%2Fgraph.microsoft.us%2F.default&redirect_uri=https%3A%2F%2Fflexmail.contoso.us%2Fflexdeploy%2Frest%2Fv2%2Foauth",
            link);
    }

    [Fact]
    public void RedirectUri_IsTheBaseUrlPlusTheCallbackPath()
    {
        Assert.Equal("https://flexmail.contoso.com/flexdeploy/rest/v2/oauth",
            ServerBaseUrl.RedirectUri("https://FlexMail.contoso.com/", "/flexdeploy/rest/v2/oauth"));
    }
}
