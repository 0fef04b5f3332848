namespace FlexMail.Domain.ApiKeys;

/// <summary>A new API key with its webhook signing secret: the only time either is readable in clear.</summary>
public sealed record CreatedApiKey(Guid Id, string Name, string Key, string WebhookSecret);
