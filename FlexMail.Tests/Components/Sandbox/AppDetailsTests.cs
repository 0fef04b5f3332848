using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Bunit;
using FlexMail.Portal.Features.Sandbox;
using FlexMail.Portal.Sandbox.Apps;
using FlexMail.Tests.Support;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace FlexMail.Tests.Components.Sandbox;

public sealed class AppDetailsTests : SandboxComponentTest
{
    private IRenderedComponent<MudDialogProvider> _dialogs = null!;
    private SandboxApplication _app = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _app = await Sandbox<SandboxAppRegistrations>().CreateAsync("FlexMail", ["https://localhost:7443/flexdeploy/rest/v2/oauth"], CancellationToken.None);
    }

    private IRenderedComponent<AppDetailsPage> RenderPage()
    {
        _dialogs ??= Context.Render<MudDialogProvider>();
        var page = Render<AppDetailsPage>(parameters => parameters.Add(p => p.ClientId, _app.AppId));
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=app-name]")));
        return page;
    }

    [Fact]
    public void Overview_ShowsTheClientIdAndTheDirectoryIdToCopy()
    {
        var page = RenderPage();

        Assert.Equal(_app.AppId.ToString(), CopyableValueOf(page, "client-id"));
        Assert.Equal(Portal.Sandbox.SandboxTenant.TenantId.ToString(), CopyableValueOf(page, "directory-id"));
        Assert.Contains(page.FindAll("button"), b => b.TextContent.Trim() == "Copy Application (client) ID");
    }

    [Fact]
    public async Task NewClientSecret_ShowsTheValueOnce_ThenOnlyItsHint()
    {
        var page = RenderPage();

        Button(page, "New client secret").Click();
        _dialogs.WaitForAssertion(() => InputLabelled(_dialogs, "Description").Input("FlexMail portal"));
        await Button(_dialogs, "Add").ClickAsync(new());

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=new-secret-value]")));
        var value = CopyableValueOf(page, "new-secret-value")!;
        var secret = await SingleSecretAsync();
        Assert.Equal(SandboxAppRegistrations.HashSecret(value), secret.ValueHash);
        Assert.Equal(secret.Id.ToString(), CopyableValueOf(page, "new-secret-id"));
        Assert.Contains("shown only this once", page.Find("[data-testid=new-secret]").TextContent);
        var setupLink = page.Find("[data-testid=open-setup-new-tab]");
        Assert.Equal("setup", setupLink.GetAttribute("href"));
        Assert.Equal("_blank", setupLink.GetAttribute("target"));
        Assert.Contains("FlexMail portal", page.Find("[data-testid=client-secrets]").TextContent);

        var reopened = RenderPage();

        Assert.DoesNotContain(value, reopened.Markup);
        Assert.Contains(value[..3] + "*", reopened.Find("[data-testid=client-secrets]").TextContent);
        Assert.Empty(reopened.FindAll("[data-testid=new-secret-value]"));
    }

    [Fact]
    public async Task ExpireNow_MakesTheSecretExpired()
    {
        await Sandbox<SandboxAppRegistrations>().AddSecretAsync(_app.AppId, "to expire", TimeSpan.FromDays(30), CancellationToken.None);
        var page = RenderPage();

        await Button(page, "Expire now").ClickAsync(new());

        Assert.True((await SingleSecretAsync()).EndDateTime <= DateTimeOffset.UtcNow);
        page.WaitForAssertion(() => Assert.Contains("(expired)", page.Find("[data-testid=client-secrets]").TextContent));
    }

    [Fact]
    public async Task GrantAdminConsent_WithCheckedPermissions_ConsentsExactlyThose()
    {
        var page = RenderPage();

        page.FindAll("label").Single(l => l.TextContent.Trim() == "Mail.Send (delegated)").QuerySelector("input")!.Change(true);
        await Button(page, "Grant admin consent for Contoso").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("Granted for Contoso", page.Find("[data-testid=consent-status]").TextContent));
        await using var db = await SandboxContexts.CreateDbContextAsync();
        var grant = await db.PermissionGrants.SingleAsync(g => g.ApplicationId == _app.Id && g.UserId == null);
        Assert.Equal(["Mail.Send", "User.Read"], grant.Scopes.Order());
    }

    [Fact]
    public async Task RevokeAdminConsent_AsksFirstNamingWhatStopsWorking_AndKeepConsentKeepsIt()
    {
        await Sandbox<SandboxAppRegistrations>().GrantAdminConsentAsync(_app.AppId, CancellationToken.None);
        var page = RenderPage();

        Button(page, "Revoke admin consent").Click(); // not awaited: the handler waits for the answer

        _dialogs.WaitForAssertion(() => Assert.Contains("Revoke admin consent?", _dialogs.Markup));
        Assert.Contains("Every consent for FlexMail is revoked", _dialogs.Markup);
        Assert.Contains("Authorize, its sending and reading of mail through this app stop working", _dialogs.Markup);
        Button(_dialogs, "Keep consent").Click();
        _dialogs.WaitForAssertion(() => Assert.DoesNotContain("Revoke admin consent?", _dialogs.Markup));
        await using (var db = await SandboxContexts.CreateDbContextAsync())
        {
            Assert.True(await db.PermissionGrants.AnyAsync(g => g.ApplicationId == _app.Id && g.UserId == null));
        }

        Button(page, "Revoke admin consent").Click();
        _dialogs.WaitForAssertion(() => Assert.Contains("Revoke admin consent?", _dialogs.Markup));
        Button(_dialogs, "Revoke admin consent").Click();

        page.WaitForAssertion(() => Assert.DoesNotContain("Granted for Contoso", page.Find("[data-testid=consent-status]").TextContent));
    }

    [Fact]
    public void ApiPermissions_ListOfflineAccessAmongTheDelegatedOnes_AsEntraDoes()
    {
        var page = RenderPage();

        Assert.Contains(page.FindAll("label"), l => l.TextContent.Trim() == "offline_access (delegated)");
    }

    [Fact]
    public async Task UploadCertificate_PublicPem_IsAddedWithItsThumbprint()
    {
        using var certificate = SelfSigned();
        var page = RenderPage();

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(certificate.ExportCertificatePem(), "flexmail.pem"));

        page.WaitForAssertion(() => Assert.Contains(certificate.Thumbprint.ToUpperInvariant(), page.Find("[data-testid=app-certificates]").TextContent));
        await using var db = await SandboxContexts.CreateDbContextAsync();
        Assert.Equal(certificate.RawData, (await db.AppCertificates.SingleAsync()).RawData);
    }

    [Fact]
    public async Task UploadCertificate_SameCertificateTwice_IsRefusedTheSecondTime()
    {
        using var certificate = SelfSigned();
        var page = RenderPage();
        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(certificate.ExportCertificatePem(), "flexmail.pem"));
        page.WaitForAssertion(() => Assert.Contains(certificate.Thumbprint.ToUpperInvariant(), page.Find("[data-testid=app-certificates]").TextContent));

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(certificate.ExportCertificatePem(), "again.pem"));

        page.WaitForAssertion(() => Assert.Contains("already uploaded", page.Find("[data-testid=certificate-error]").TextContent));
        await using var db = await SandboxContexts.CreateDbContextAsync();
        Assert.Equal(1, await db.AppCertificates.CountAsync());
    }

    [Fact]
    public async Task UploadCertificate_FileWithAPrivateKey_IsRefusedAndNothingIsAdded()
    {
        using var certificate = SelfSigned();
        var pem = certificate.ExportCertificatePem() + "\n" + certificate.GetRSAPrivateKey()!.ExportPkcs8PrivateKeyPem();
        var page = RenderPage();

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(pem, "flexmail.pem"));

        page.WaitForAssertion(() => Assert.Contains("contains a private key", page.Find("[data-testid=certificate-error]").TextContent));
        await using var db = await SandboxContexts.CreateDbContextAsync();
        Assert.Equal(0, await db.AppCertificates.CountAsync());
    }

    [Fact]
    public async Task RedirectUris_WithAnHttpAddress_AreRefusedKeepingTheInput()
    {
        var page = RenderPage();
        const string typed = "https://localhost:7443/flexdeploy/rest/v2/oauth\nhttp://flexmail.contoso.test/callback";

        InputLabelled(page, "Redirect URIs (Web)").Input(typed);
        await Button(page, "Save redirect URIs").ClickAsync(new());

        Assert.Contains("must use https://", page.Markup);
        Assert.Equal(typed, InputLabelled(page, "Redirect URIs (Web)").TextContent);
        var stored = await Sandbox<SandboxAppRegistrations>().FindByClientIdAsync(_app.AppId, CancellationToken.None);
        Assert.Equal(["https://localhost:7443/flexdeploy/rest/v2/oauth"], stored!.RedirectUris);
    }

    [Fact]
    public async Task DeleteSecret_AsksFirst_CancelKeepsIt_ConfirmDeletesIt()
    {
        await Sandbox<SandboxAppRegistrations>().AddSecretAsync(_app.AppId, "FlexMail portal", SandboxAppRegistrations.DefaultSecretLifetime, CancellationToken.None);
        var page = RenderPage();
        AngleSharp.Dom.IElement DeleteButton() => page.Find("[data-testid=client-secrets]").QuerySelectorAll("button").Single(b => b.TextContent.Trim() == "Delete");

        DeleteButton().Click();
        _dialogs.WaitForAssertion(() => Assert.Contains("AADSTS7000215", _dialogs.Markup));
        _dialogs.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Cancel").Click();
        _dialogs.WaitForAssertion(() => Assert.Empty(_dialogs.FindAll(".mud-dialog")));
        Assert.NotNull(await SingleSecretAsync());

        DeleteButton().Click();
        _dialogs.WaitForAssertion(() => Assert.Contains("AADSTS7000215", _dialogs.Markup));
        _dialogs.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Delete").Click();

        page.WaitForAssertion(() => Assert.Contains("No client secret", page.Markup));
        Assert.Empty((await Sandbox<SandboxAppRegistrations>().FindByClientIdAsync(_app.AppId, CancellationToken.None))!.Secrets);
    }

    [Fact]
    public async Task DeleteCertificate_AsksFirst_ConfirmDeletesIt()
    {
        using var certificate = SelfSigned();
        await Sandbox<SandboxAppRegistrations>().AddCertificateAsync(_app.AppId, certificate, CancellationToken.None);
        var page = RenderPage();

        page.Find("[data-testid=app-certificates]").QuerySelectorAll("button").Single(b => b.TextContent.Trim() == "Delete").Click();
        _dialogs.WaitForAssertion(() => Assert.Contains("AADSTS700027", _dialogs.Markup));
        _dialogs.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Delete").Click();

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=app-certificates]")));
        await using var db = await SandboxContexts.CreateDbContextAsync();
        Assert.Empty(await db.AppCertificates.ToListAsync());
    }

    [Fact]
    public async Task DeleteApp_Confirmed_RemovesItAndReturnsToTheList()
    {
        var page = RenderPage();

        Button(page, "Delete app").Click();
        _dialogs.WaitForAssertion(() => Assert.Contains("AADSTS700016", _dialogs.Markup));
        _dialogs.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Delete").Click();

        var navigation = Context.Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>();
        page.WaitForAssertion(() => Assert.EndsWith("/sandbox/apps", navigation.Uri));
        Assert.Null(await Sandbox<SandboxAppRegistrations>().FindByClientIdAsync(_app.AppId, CancellationToken.None));
    }

    private static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=FlexMail sandbox test", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
    }

    private async Task<SandboxClientSecret> SingleSecretAsync()
    {
        await using var db = await SandboxContexts.CreateDbContextAsync();
        return await db.ClientSecrets.SingleAsync();
    }
}
