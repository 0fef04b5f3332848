namespace FlexMail.Domain.OAuthApps;

/// <summary>An OAuth application as lists show it: no secret, only its hint.</summary>
public sealed record OAuthApplicationSummary(
    Guid Id,
    string Name,
    CloudInstance Cloud,
    string TenantId,
    string ClientId,
    PermissionMode PermissionMode,
    CredentialKind CredentialKind,
    string? ClientSecretHint,
    DateOnly? ClientSecretExpiresOn,
    string? CertificateName,
    string? PrivateKeyName);
