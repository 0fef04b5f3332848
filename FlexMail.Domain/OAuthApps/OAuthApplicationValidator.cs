using FlexMail.Domain.Validation;

namespace FlexMail.Domain.OAuthApps;

/// <summary>The rules for an OAuth application, with the fix in each message. Credential pairing is checked by the service.</summary>
public sealed class OAuthApplicationValidator(TimeProvider clock)
{
    public static readonly TimeSpan ExpiryWarningWindow = TimeSpan.FromDays(30);

    private static readonly string[] MultiTenantAliases = ["common", "organizations", "consumers"];

    /// <summary>The question asked before saving a secret that <see cref="LooksLikeSecretId(OAuthApplicationDraft)"/>.</summary>
    public const string SecretIdQuestion = "This looks like the secret's ID, not its value — save anyway?";

    /// <summary>
    /// True when the draft's new Client Secret is a GUID: almost certainly the secret's ID (which cannot sign in), not
    /// its Value. A warning while typing; the portal asks before saving it.
    /// </summary>
    public static bool LooksLikeSecretId(OAuthApplicationDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return draft.CredentialKind == CredentialKind.ClientSecret && LooksLikeSecretId(draft.ClientSecret);
    }

    private static bool LooksLikeSecretId(string? secret) => !string.IsNullOrWhiteSpace(secret) && Formats.IsGuid(secret);

    public ValidationReport Validate(OAuthApplicationDraft draft)
    {
        var report = new ValidationReportBuilder();
        ValidateName(draft, report);
        ValidateTenant(draft, report);
        ValidateClientId(draft, report);
        if (draft.CredentialKind == CredentialKind.ClientSecret)
        {
            ValidateSecret(draft, report);
        }
        else
        {
            ValidateCertificateChoice(draft, report);
        }
        return report.Build();
    }

    private static void ValidateName(OAuthApplicationDraft draft, ValidationReportBuilder report)
    {
        if (string.IsNullOrWhiteSpace(draft.Name))
        {
            report.Error(nameof(draft.Name), "Give the application a name, e.g. \"FlexMail production\".");
        }
        else if (draft.Name.Trim().Length > 200)
        {
            report.Error(nameof(draft.Name), "The name is too long: use at most 200 characters.");
        }
    }

    private static void ValidateTenant(OAuthApplicationDraft draft, ValidationReportBuilder report)
    {
        var tenant = draft.TenantId.Trim();
        if (tenant.Length == 0)
        {
            report.Error(nameof(draft.TenantId), "Tenant Id is required: copy \"Directory (tenant) ID\" from the app's Overview page in Entra ID.");
        }
        else if (MultiTenantAliases.Contains(tenant, StringComparer.OrdinalIgnoreCase))
        {
            report.Error(nameof(draft.TenantId), $"\"{tenant}\" is not a tenant: enter your organisation's Directory (tenant) ID or its verified domain.");
        }
        else if (!Formats.IsGuid(tenant) && !Formats.IsDomainName(tenant))
        {
            report.Error(nameof(draft.TenantId), "Tenant Id must be a GUID (Directory (tenant) ID) or a verified domain such as contoso.onmicrosoft.com.");
        }
    }

    private static void ValidateClientId(OAuthApplicationDraft draft, ValidationReportBuilder report)
    {
        var clientId = draft.ClientId.Trim();
        if (clientId.Length == 0)
        {
            report.Error(nameof(draft.ClientId), "Client Id is required: copy \"Application (client) ID\" from the app's Overview page in Entra ID.");
        }
        else if (!Formats.IsGuid(clientId))
        {
            report.Error(nameof(draft.ClientId), "Client Id must be a GUID like 00000000-0000-0000-0000-000000000000: the \"Application (client) ID\" on the app's Overview page.");
        }
        else if (Formats.IsGuid(draft.TenantId) && Guid.Parse(clientId) == Guid.Parse(draft.TenantId.Trim()))
        {
            report.Error(nameof(draft.ClientId), "Client Id and Tenant Id are the same GUID: the Client Id is the \"Application (client) ID\", not the tenant's.");
        }
    }

    private void ValidateSecret(OAuthApplicationDraft draft, ValidationReportBuilder report)
    {
        var secret = draft.ClientSecret;
        if (string.IsNullOrWhiteSpace(secret))
        {
            if (!draft.HasSavedSecret)
            {
                report.Error(nameof(draft.ClientSecret), "Client Secret is required: in Entra ID open Certificates & secrets, create a client secret and copy its Value.");
            }
        }
        else if (secret != secret.Trim())
        {
            report.Error(nameof(draft.ClientSecret), "The Client Secret starts or ends with a space: copy the Value again without surrounding spaces.");
        }
        else if (LooksLikeSecretId(secret))
        {
            report.Warning(nameof(draft.ClientSecret),
                "This looks like the secret's ID (a GUID), not its Value. In Certificates & secrets copy the Value column; " +
                "it is shown only once, so create a new secret if it is hidden.");
        }

        if (draft.ClientSecretExpiresOn is { } expires)
        {
            var today = clock.GetUtcNow().UtcDateTime.Date;
            if (expires.Date < today)
            {
                report.Error(nameof(draft.ClientSecretExpiresOn), $"This secret expired on {expires:yyyy-MM-dd}: create a new client secret in Entra ID and enter its Value.");
            }
            else if (expires.Date - today <= ExpiryWarningWindow)
            {
                report.Warning(nameof(draft.ClientSecretExpiresOn), $"This secret expires on {expires:yyyy-MM-dd}: plan a new one before then.");
            }
        }
    }

    private static void ValidateCertificateChoice(OAuthApplicationDraft draft, ValidationReportBuilder report)
    {
        if (draft.CertificateCredentialId is null)
        {
            report.Error(nameof(draft.CertificateCredentialId), "Choose the certificate credential whose public certificate is uploaded to the app in Entra ID.");
        }
        if (draft.PrivateKeyCredentialId is null)
        {
            report.Error(nameof(draft.PrivateKeyCredentialId), "Choose the private-key credential that belongs to the certificate.");
        }
    }
}
