namespace FlexMail.Domain.ApiKeys;

/// <summary>An API key as the API Keys page lists it: never the key or its secret, only the prefix that tells it apart.</summary>
public sealed record ApiKeySummary(
    Guid Id, string Name, string Prefix, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? LastUsedAt,
    DateTimeOffset? RevokedAt, string? RevokedBy)
{
    public bool IsRevoked => RevokedAt is not null;

    public static ApiKeySummary From(ApiKey key) =>
        new(key.Id, key.Name, key.Prefix, key.CreatedAt, key.CreatedBy, key.LastUsedAt, key.RevokedAt, key.RevokedBy);
}
