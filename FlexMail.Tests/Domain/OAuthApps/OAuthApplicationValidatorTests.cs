using FlexMail.Domain.OAuthApps;
using Microsoft.Extensions.Time.Testing;

namespace FlexMail.Tests.Domain.OAuthApps;

public sealed class OAuthApplicationValidatorTests
{
    private static readonly DateTimeOffset Today = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);
    private readonly OAuthApplicationValidator _validator = new(new FakeTimeProvider(Today));

    public static OAuthApplicationDraft ValidSecretDraft() => new()
    {
        Name = "FlexMail production",
        TenantId = "8d2c8d4e-6a4b-4a5e-9a4a-2b5a8c0f1e11",
        ClientId = "5d1a6bb6-1e1d-4b5e-9d43-0f1c1f3c2a77",
        ClientSecret = "Qx8~abcDEF.ghiJKL_mnoPQR-stuVWX",
    };

    [Fact]
    public void Validate_CompleteDraft_HasNoIssues()
    {
        Assert.Empty(_validator.Validate(ValidSecretDraft()).Issues);
    }

    [Theory]
    [InlineData("", "Tenant Id is required")]
    [InlineData("common", "\"common\" is not a tenant")]
    [InlineData("organizations", "\"organizations\" is not a tenant")]
    [InlineData("not a tenant", "Tenant Id must be a GUID")]
    [InlineData("8d2c8d4e-6a4b", "Tenant Id must be a GUID")]
    public void Validate_BadTenantId_ExplainsWhereToFindIt(string tenant, string expected)
    {
        var draft = ValidSecretDraft();
        draft.TenantId = tenant;

        var error = _validator.Validate(draft).ErrorFor(nameof(draft.TenantId));

        Assert.NotNull(error);
        Assert.StartsWith(expected, error);
    }

    [Theory]
    [InlineData("contoso.onmicrosoft.com")]
    [InlineData("contoso.com")]
    [InlineData("8D2C8D4E-6A4B-4A5E-9A4A-2B5A8C0F1E11")]
    public void Validate_TenantAsGuidOrVerifiedDomain_IsAccepted(string tenant)
    {
        var draft = ValidSecretDraft();
        draft.TenantId = tenant;

        Assert.False(_validator.Validate(draft).HasError(nameof(draft.TenantId)));
    }

    [Theory]
    [InlineData("", "Client Id is required")]
    [InlineData("flexmail-app", "Client Id must be a GUID")]
    public void Validate_BadClientId_ExplainsWhereToFindIt(string clientId, string expected)
    {
        var draft = ValidSecretDraft();
        draft.ClientId = clientId;

        Assert.StartsWith(expected, _validator.Validate(draft).ErrorFor(nameof(draft.ClientId)));
    }

    [Fact]
    public void Validate_ClientIdEqualToTenantId_IsRefused()
    {
        var draft = ValidSecretDraft();
        draft.ClientId = draft.TenantId.ToUpperInvariant();

        Assert.StartsWith("Client Id and Tenant Id are the same GUID", _validator.Validate(draft).ErrorFor(nameof(draft.ClientId)));
    }

    [Fact]
    public void Validate_GuidShapedSecret_WarnsItIsProbablyTheSecretId()
    {
        var draft = ValidSecretDraft();
        draft.ClientSecret = "2f1e0d3c-4b5a-6978-8a9b-0c1d2e3f4a5b";

        var report = _validator.Validate(draft);

        Assert.False(report.HasErrors);
        Assert.StartsWith("This looks like the secret's ID", report.WarningFor(nameof(draft.ClientSecret)));
    }

    [Fact]
    public void Validate_MissingSecret_IsRequiredUnlessOneIsSaved()
    {
        var draft = ValidSecretDraft();
        draft.ClientSecret = "";
        Assert.StartsWith("Client Secret is required", _validator.Validate(draft).ErrorFor(nameof(draft.ClientSecret)));

        draft.SavedClientSecretHint = "••••VWX1";
        Assert.False(_validator.Validate(draft).HasErrors);
    }

    [Fact]
    public void Validate_SecretWithSurroundingSpaces_IsRefused()
    {
        var draft = ValidSecretDraft();
        draft.ClientSecret = " " + draft.ClientSecret;

        Assert.StartsWith("The Client Secret starts or ends with a space", _validator.Validate(draft).ErrorFor(nameof(draft.ClientSecret)));
    }

    [Fact]
    public void Validate_SecretExpiry_PastIsAnErrorAndSoonIsAWarning()
    {
        var draft = ValidSecretDraft();
        draft.ClientSecretExpiresOn = Today.UtcDateTime.AddDays(-1);
        Assert.StartsWith("This secret expired on 2026-11-26", _validator.Validate(draft).ErrorFor(nameof(draft.ClientSecretExpiresOn)));

        draft.ClientSecretExpiresOn = Today.UtcDateTime.AddDays(20);
        var soon = _validator.Validate(draft);
        Assert.False(soon.HasErrors);
        Assert.StartsWith("This secret expires on 2026-12-17", soon.WarningFor(nameof(draft.ClientSecretExpiresOn)));

        draft.ClientSecretExpiresOn = Today.UtcDateTime.AddDays(200);
        Assert.Empty(_validator.Validate(draft).Issues);
    }

    [Fact]
    public void Validate_CertificateModeWithoutCredentials_AsksForBoth()
    {
        var draft = ValidSecretDraft();
        draft.CredentialKind = CredentialKind.Certificate;

        var report = _validator.Validate(draft);

        Assert.StartsWith("Choose the certificate credential", report.ErrorFor(nameof(draft.CertificateCredentialId)));
        Assert.StartsWith("Choose the private-key credential", report.ErrorFor(nameof(draft.PrivateKeyCredentialId)));
        Assert.False(report.HasError(nameof(draft.ClientSecret)));
    }

    [Fact]
    public void Validate_BlankName_IsRequired()
    {
        var draft = ValidSecretDraft();
        draft.Name = "  ";

        Assert.StartsWith("Give the application a name", _validator.Validate(draft).ErrorFor(nameof(draft.Name)));
    }
}
