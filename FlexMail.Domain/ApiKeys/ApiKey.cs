namespace FlexMail.Domain.ApiKeys;

/// <summary>
/// An integrator's key to the API (<c>X-Api-Key</c>). Only its SHA-256 hash is stored; the key and its webhook
/// secret are shown once when created. The webhook secret signs the callbacks of the requests the key creates.
/// </summary>
public sealed class ApiKey
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public required string Name { get; set; }

    /// <summary>The key's first characters, shown so people can tell keys apart (not enough to use it).</summary>
    public required string Prefix { get; set; }

    /// <summary>SHA-256 (hex) of the whole key.</summary>
    public required string KeyHash { get; set; }

    /// <summary>The webhook signing secret, encrypted at rest.</summary>
    public required string ProtectedWebhookSecret { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public required string CreatedBy { get; set; }

    public string? CreatedById { get; set; }

    public DateTimeOffset? LastUsedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public string? RevokedBy { get; set; }

    public bool IsRevoked => RevokedAt is not null;
}
