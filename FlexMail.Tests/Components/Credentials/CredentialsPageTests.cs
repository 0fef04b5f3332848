using Bunit;
using FlexMail.Domain.Audit;
using FlexMail.Domain.Credentials;
using FlexMail.Domain.OAuthApps;
using FlexMail.Portal.Features.Credentials;
using FlexMail.Tests.Components.OAuthApps;
using FlexMail.Tests.Domain.Credentials;
using FlexMail.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace FlexMail.Tests.Components.Credentials;

public sealed class CredentialsPageTests : DomainComponentTest
{
    private IRenderedComponent<MudDialogProvider> _dialogs = null!;

    private async Task<IRenderedComponent<CredentialsPage>> OpenUploadAsync(string button)
    {
        _dialogs = Context.Render<MudDialogProvider>();
        var page = Render<CredentialsPage>();
        page.WaitForAssertion(() => Assert.DoesNotContain("Loading", page.Markup));
        // Not awaited: the handler waits for the dialog to close.
        page.FindAll("button").Single(b => b.TextContent.Trim() == button).Click();
        _dialogs.WaitForElement("[data-testid=chosen-file]");
        return page;
    }

    private void Choose(CredentialUpload file) =>
        _dialogs.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(file.Content, file.FileName));

    private Task ClickInDialog(string button) =>
        _dialogs.FindAll("button").Single(b => b.TextContent.Trim() == button).ClickAsync(new());

    [Fact]
    public async Task UploadCertificate_ShowsWhatWasReadBeforeSaving_ThenListsIt()
    {
        using var certificate = TestCertificates.Create(TestKeyKind.Rsa2048);
        await OpenUploadAsync("Upload Certificate");

        Choose(TestCertificates.Pem(certificate, "entra.crt"));

        _dialogs.WaitForElement("[data-testid=certificate-details]");
        var details = _dialogs.Find("[data-testid=certificate-details]").TextContent;
        Assert.Contains(certificate.Subject, details);
        Assert.Contains(certificate.Thumbprint, details);
        Assert.Contains(Base64Url(certificate.GetCertHash()), details);
        await ClickInDialog("Save");

        await using var db = await Domain.Contexts.CreateDbContextAsync();
        var stored = await db.Credentials.SingleAsync();
        Assert.Equal("entra", stored.Name);
        Assert.Equal(certificate.Thumbprint, stored.Sha1Thumbprint);
    }

    [Fact]
    public async Task UploadCertificate_PrivateKeyFileInstead_SaysSoAndCannotBeSaved()
    {
        using var key = TestKeys.Create(TestKeyKind.Rsa2048);
        await OpenUploadAsync("Upload Certificate");

        Choose(TestKeyFiles.Create(key, TestKeyFormat.Pkcs8Pem, "client.key"));

        var error = _dialogs.WaitForElement("[data-testid=upload-error]").TextContent;
        Assert.Contains("is a private key, not a certificate", error);
        Assert.True(_dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Save").HasAttribute("disabled"));
    }

    [Fact]
    public async Task UploadPfx_WrongThenRightPassword_ReadsItAndOffersToStoreTheKeyToo()
    {
        using var certificate = TestCertificates.Create(TestKeyKind.EcP256);
        await OpenUploadAsync("Upload Certificate");
        Choose(TestCertificates.Pfx(certificate, "correct horse"));
        _dialogs.WaitForElement("[data-testid=upload-error]");

        await _dialogs.FindAll("input[type=password]").Single().InputAsync(new ChangeEventArgs { Value = "wrong" });
        _dialogs.WaitForAssertion(() => Assert.Contains("The password does not open", _dialogs.Find("[data-testid=upload-error]").TextContent));
        await _dialogs.FindAll("input[type=password]").Single().InputAsync(new ChangeEventArgs { Value = "correct horse" });

        _dialogs.WaitForElement("[data-testid=certificate-details]");
        Assert.Contains("Also store the private key this file contains", _dialogs.Markup);
        await ClickInDialog("Save");
        await using var db = await Domain.Contexts.CreateDbContextAsync();
        Assert.Equal(2, await db.Credentials.CountAsync());
    }

    [Fact]
    public async Task UploadPrivateKey_StoredKey_NeverAppearsInTheMarkup()
    {
        using var key = TestKeys.Create(TestKeyKind.Rsa2048);
        var file = TestKeyFiles.Create(key, TestKeyFormat.Pkcs8Pem, "client.key");
        var page = await OpenUploadAsync("Upload Private Key");

        Choose(file);
        _dialogs.WaitForElement("[data-testid=key-details]");
        await ClickInDialog("Save");

        page.WaitForAssertion(() => Assert.Contains("client", page.Find("[data-testid=credentials]").TextContent));
        var keyBase64 = Convert.ToBase64String(((System.Security.Cryptography.RSA)key).ExportPkcs8PrivateKey());
        Assert.DoesNotContain(keyBase64[..40], page.Markup + _dialogs.Markup);
        Assert.DoesNotContain("PRIVATE KEY-----", page.Markup + _dialogs.Markup);
    }

    [Fact]
    public async Task Delete_CertificateUsedByAnApplication_IsRefusedAndKept()
    {
        using var certificate = TestCertificates.Create(TestKeyKind.Rsa2048);
        var credentials = Domain.Get<CredentialService>();
        var stored = await credentials.AddCertificateAsync(
            new AddCertificateRequest("Entra cert", TestCertificates.Pfx(certificate, "pw")) { PrivateKeyName = "Entra key" }, new Actor("admin", null), CancellationToken.None);
        var application = OAuthAppDrafts.Valid("Cert app");
        application.CredentialKind = CredentialKind.Certificate;
        application.CertificateCredentialId = stored.Value!.Certificate.Id;
        application.PrivateKeyCredentialId = stored.Value.PrivateKey!.Id;
        Assert.True((await Domain.Get<OAuthApplicationService>().SaveAsync(application, new Actor("admin", null), CancellationToken.None)).Succeeded);
        _dialogs = Context.Render<MudDialogProvider>();
        var snackbars = Context.Render<MudSnackbarProvider>();
        var page = Render<CredentialsPage>();
        page.WaitForElement("[data-testid=credentials]");

        page.Find("tr[data-row=\'Entra cert\']").QuerySelectorAll("button").Single(b => b.TextContent.Trim() == "Delete").Click(); // waits for the confirmation
        _dialogs.WaitForAssertion(() => Assert.Contains("Delete Entra cert?", _dialogs.Markup));
        await ClickInDialog("Delete");

        snackbars.WaitForAssertion(() => Assert.Contains("cannot be deleted: the OAuth application", snackbars.Markup));
        await using var db = await Domain.Contexts.CreateDbContextAsync();
        Assert.Equal(2, await db.Credentials.CountAsync());
        Assert.Contains("Entra cert", page.Find("[data-testid=credentials]").TextContent);
    }

    [Fact]
    public async Task UploadCertificate_Expired_SaysSoInThePreviewAndAfterSaving_InPlainWords()
    {
        using var certificate = TestCertificates.Create(
            TestKeys.Create(TestKeyKind.Rsa2048), DateTimeOffset.UtcNow.AddYears(-2), new DateTimeOffset(2025, 6, 30, 0, 0, 0, TimeSpan.Zero));
        var snackbars = Context.Render<MudSnackbarProvider>();
        await OpenUploadAsync("Upload Certificate");

        Choose(TestCertificates.Pem(certificate, "old.crt"));

        var notice = _dialogs.WaitForElement("[data-testid=upload-notice]").TextContent;
        Assert.Contains("This certificate expired on 2025-06-30: Entra ID refuses it.", notice);
        await ClickInDialog("Save");
        snackbars.WaitForAssertion(() => Assert.Contains("This certificate expired on 2025-06-30: Entra ID refuses it.", snackbars.Markup));
        Assert.Contains("old stored. Download its public certificate", snackbars.Markup);
        Assert.DoesNotContain("key material", snackbars.Markup);
    }

    [Fact]
    public async Task UploadPrivateKey_NameExample_IsAKeyAndTheSnackbarSaysWhatIsKeptSecret()
    {
        using var key = TestKeys.Create(TestKeyKind.Rsa2048);
        var snackbars = Context.Render<MudSnackbarProvider>();
        await OpenUploadAsync("Upload Private Key");

        Assert.Contains("e.g. FlexMail Entra private key 2026.", _dialogs.Markup);
        Assert.DoesNotContain("Entra certificate", _dialogs.Markup);
        Choose(TestKeyFiles.Create(key, TestKeyFormat.Pkcs8Pem, "client.key"));
        _dialogs.WaitForElement("[data-testid=key-details]");
        await ClickInDialog("Save");

        snackbars.WaitForAssertion(() => Assert.Contains("client stored. The private key is kept encrypted and can never be viewed or downloaded again.", snackbars.Markup));
        Assert.DoesNotContain("key material", snackbars.Markup);
    }

    [Fact]
    public async Task UploadPrivateKey_PemThatAlsoHoldsTheCertificate_SaysSoInThePreview()
    {
        using var certificate = TestCertificates.Create(TestKeyKind.Rsa2048);
        await OpenUploadAsync("Upload Private Key");

        Choose(CredentialUploadNoticeTests.CombinedPem(certificate, "combined.pem"));

        var notice = _dialogs.WaitForElement("[data-testid=upload-notice]").TextContent;
        Assert.Contains("This file also holds a certificate", notice);
    }

    [Fact]
    public async Task UploadCertificate_AlreadyStored_NamesTheStoredOneAndOffersToUseIt()
    {
        using var certificate = TestCertificates.Create(TestKeyKind.Rsa2048);
        var stored = await Domain.Get<CredentialService>().AddCertificateAsync(
            new AddCertificateRequest("Entra cert", TestCertificates.Pem(certificate)), new Actor("admin", null), CancellationToken.None);
        await OpenUploadAsync("Upload Certificate");
        Choose(TestCertificates.Der(certificate, "copy.cer"));
        _dialogs.WaitForElement("[data-testid=certificate-details]");

        await ClickInDialog("Save");

        var error = _dialogs.WaitForElement("[data-testid=upload-error]").TextContent;
        Assert.Contains("already stored as 'Entra cert'", error);
        await ClickInDialog("Use Existing Certificate");
        _dialogs.WaitForAssertion(() => Assert.Empty(_dialogs.FindAll("[data-testid=chosen-file]")));
        await using var db = await Domain.Contexts.CreateDbContextAsync();
        Assert.Equal(stored.Value!.Certificate.Id, (await db.Credentials.SingleAsync()).Id);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
