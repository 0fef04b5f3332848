using FlexMail.Domain.Audit;
using FlexMail.Domain.Credentials;
using FlexMail.Domain.OAuthApps;
using FlexMail.Domain.Security;
using FlexMail.Domain.Settings;
using FlexMail.Domain.Validation;
using FlexMail.Tests.Domain.Settings;
using FlexMail.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace FlexMail.Tests.Domain.OAuthApps;

public sealed class OAuthApplicationServiceTests : IAsyncLifetime
{
    private static readonly Actor Actor = new("admin@contoso.com", "0b1c2d3e-0005-4000-8000-000000000005");
    private TestDomain _domain = null!;

    private OAuthApplicationService Service => _domain.Get<OAuthApplicationService>();

    public async Task InitializeAsync() => _domain = await TestDomain.CreateMigratedAsync();

    public async Task DisposeAsync() => await _domain.DisposeAsync();

    [Fact]
    public async Task Save_NewApplication_StoresTheSecretProtectedAndShowsOnlyItsHint()
    {
        var draft = OAuthApplicationValidatorTests.ValidSecretDraft();

        var result = await Service.SaveAsync(draft, Actor, CancellationToken.None);

        Assert.True(result.Succeeded);
        await using var db = await _domain.Contexts.CreateDbContextAsync();
        var stored = await db.OAuthApplications.SingleAsync();
        Assert.NotEqual(draft.ClientSecret, stored.ProtectedClientSecret);
        Assert.Equal(draft.ClientSecret, _domain.Get<ISecretProtector>().Unprotect(stored.ProtectedClientSecret!));
        var reloaded = await Service.GetDraftAsync(stored.Id, CancellationToken.None);
        Assert.Equal("", reloaded!.ClientSecret);
        Assert.Equal("••••" + draft.ClientSecret[^4..], reloaded.SavedClientSecretHint);
    }

    [Fact]
    public async Task Save_EditWithoutNewSecret_KeepsTheSavedSecretAndAuditsOnlyChangedFields()
    {
        var draft = OAuthApplicationValidatorTests.ValidSecretDraft();
        var id = (await Service.SaveAsync(draft, Actor, CancellationToken.None)).Value!.Id;
        var edit = (await Service.GetDraftAsync(id, CancellationToken.None))!;
        edit.TenantId = "contoso.onmicrosoft.com";

        var result = await Service.SaveAsync(edit, Actor, CancellationToken.None);

        Assert.True(result.Succeeded);
        await using var db = await _domain.Contexts.CreateDbContextAsync();
        var stored = await db.OAuthApplications.SingleAsync();
        Assert.Equal(draft.ClientSecret, _domain.Get<ISecretProtector>().Unprotect(stored.ProtectedClientSecret!));
        var changed = await db.AuditEvents.SingleAsync(e => e.Action == "OAuth application changed");
        Assert.Equal("Changed: Tenant Id", changed.Details);
        Assert.Equal((Actor.Name, Actor.ObjectId), (changed.Actor, changed.ActorId));
    }

    [Fact]
    public async Task Save_NewSecret_IsAuditedWithoutItsValue()
    {
        var draft = OAuthApplicationValidatorTests.ValidSecretDraft();

        await Service.SaveAsync(draft, Actor, CancellationToken.None);

        await using var db = await _domain.Contexts.CreateDbContextAsync();
        var added = await db.AuditEvents.SingleAsync(e => e.Action == "OAuth application added");
        Assert.Contains("Client Secret (new value, not recorded)", added.Details);
        Assert.DoesNotContain(draft.ClientSecret, added.Details);
    }

    [Fact]
    public async Task Save_DuplicateName_IsRefusedAndNothingIsSaved()
    {
        await Service.SaveAsync(OAuthApplicationValidatorTests.ValidSecretDraft(), Actor, CancellationToken.None);

        var result = await Service.SaveAsync(OAuthApplicationValidatorTests.ValidSecretDraft(), Actor, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.StartsWith("An OAuth application named \"FlexMail production\" already exists", result.Report().ErrorFor(nameof(OAuthApplicationDraft.Name)));
        await using var db = await _domain.Contexts.CreateDbContextAsync();
        Assert.Equal(1, await db.OAuthApplications.CountAsync());
    }

    [Fact]
    public async Task Save_CertificateWithKeyOfAnotherCertificate_IsRefusedWithAPlainReason()
    {
        var (certificate, key) = await SeedCredentialsAsync(certificateFingerprint: "AA", keyFingerprint: "BB", notAfter: DateTimeOffset.UtcNow.AddYears(1));
        var draft = CertificateDraft(certificate, key);

        var result = await Service.SaveAsync(draft, Actor, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Contains("does not belong to this certificate", result.Report().ErrorFor(nameof(draft.PrivateKeyCredentialId)));
    }

    [Fact]
    public async Task Save_ExpiredCertificate_IsRefused_AndOneExpiringSoonIsAWarning()
    {
        var (expired, expiredKey) = await SeedCredentialsAsync("AA", "AA", DateTimeOffset.UtcNow.AddDays(-1));
        var refused = await Service.SaveAsync(CertificateDraft(expired, expiredKey), Actor, CancellationToken.None);
        Assert.Contains("expired on", refused.Report().ErrorFor(nameof(OAuthApplicationDraft.CertificateCredentialId)));

        var (soon, soonKey) = await SeedCredentialsAsync("CC", "CC", DateTimeOffset.UtcNow.AddDays(10), suffix: "2");
        var saved = await Service.SaveAsync(CertificateDraft(soon, soonKey), Actor, CancellationToken.None);
        Assert.True(saved.Succeeded);
        Assert.Contains("expires on", saved.Report().WarningFor(nameof(OAuthApplicationDraft.CertificateCredentialId)));
    }

    [Fact]
    public async Task Save_EcCertificate_IsRefusedBecauseEntraIdSignsInOnlyWithRsa()
    {
        var (certificate, key) = await SeedCredentialsAsync("AA", "AA", DateTimeOffset.UtcNow.AddYears(1), keyAlgorithm: "EC P-256", keySizeBits: 256);

        var result = await Service.SaveAsync(CertificateDraft(certificate, key), Actor, CancellationToken.None);

        Assert.False(result.Succeeded);
        var error = result.Report().ErrorFor(nameof(OAuthApplicationDraft.CertificateCredentialId));
        Assert.StartsWith("Entra ID accepts only RSA certificates for application credentials: this one has an EC P-256 key. " +
            "Create an RSA certificate (2048 bits or more)", error);
        await using var db = await _domain.Contexts.CreateDbContextAsync();
        Assert.Equal(0, await db.OAuthApplications.CountAsync());
    }

    [Fact]
    public async Task Validate_EcCertificateBeforeAKeyIsChosen_AlreadySaysItMustBeRsa()
    {
        var (certificate, key) = await SeedCredentialsAsync("AA", "AA", DateTimeOffset.UtcNow.AddYears(1), keyAlgorithm: "EC P-384", keySizeBits: 384);
        var draft = CertificateDraft(certificate, key);
        draft.PrivateKeyCredentialId = null;

        var report = await Service.ValidateAsync(draft, CancellationToken.None);

        Assert.Contains("this one has an EC P-384 key", report.ErrorFor(nameof(OAuthApplicationDraft.CertificateCredentialId)));
    }

    [Fact]
    public async Task Delete_ApplicationUsedByEmailSettings_IsRefused()
    {
        var draft = OAuthApplicationValidatorTests.ValidSecretDraft();
        draft.Id = Guid.NewGuid();
        var settings = EmailSettingsValidatorTests.ValidDraft(draft.Id.Value);
        Assert.True((await _domain.Get<SetupService>().SaveAsync(draft, settings, Actor, CancellationToken.None)).Saved);

        var result = await Service.DeleteAsync(draft.Id!.Value, Actor, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.StartsWith("FlexMail production is used by the email settings", result.Problem.Cause);
    }

    [Fact]
    public async Task Delete_UnusedApplication_IsRemovedAndAudited()
    {
        var id = (await Service.SaveAsync(OAuthApplicationValidatorTests.ValidSecretDraft(), Actor, CancellationToken.None)).Value!.Id;

        var result = await Service.DeleteAsync(id, Actor, CancellationToken.None);

        Assert.True(result.Succeeded);
        var audit = await _domain.Get<AuditLog>().ListAsync(0, 10, CancellationToken.None);
        Assert.Contains(audit.Events, e => e.Action == "OAuth application deleted");
        Assert.Empty(await Service.ListAsync(CancellationToken.None));
    }

    private static OAuthApplicationDraft CertificateDraft(Credential certificate, Credential key)
    {
        var draft = OAuthApplicationValidatorTests.ValidSecretDraft();
        draft.Name = "Cert app " + certificate.Name;
        draft.ClientSecret = "";
        draft.CredentialKind = CredentialKind.Certificate;
        draft.CertificateCredentialId = certificate.Id;
        draft.PrivateKeyCredentialId = key.Id;
        return draft;
    }

    private async Task<(Credential Certificate, Credential Key)> SeedCredentialsAsync(
        string certificateFingerprint, string keyFingerprint, DateTimeOffset notAfter, string suffix = "1",
        string keyAlgorithm = "RSA", int keySizeBits = 2048)
    {
        var certificate = new Credential
        {
            Name = "cert " + suffix, Type = CredentialType.Certificate, ProtectedMaterial = "x", PublicKeyFingerprint = certificateFingerprint,
            KeyAlgorithm = keyAlgorithm, KeySizeBits = keySizeBits, NotBefore = DateTimeOffset.UtcNow.AddYears(-1), NotAfter = notAfter,
        };
        var key = new Credential
        {
            Name = "key " + suffix, Type = CredentialType.PrivateKey, ProtectedMaterial = "y", PublicKeyFingerprint = keyFingerprint,
            KeyAlgorithm = keyAlgorithm, KeySizeBits = keySizeBits,
        };
        await using var db = await _domain.Contexts.CreateDbContextAsync();
        db.AddRange(certificate, key);
        await db.SaveChangesAsync();
        return (certificate, key);
    }
}
