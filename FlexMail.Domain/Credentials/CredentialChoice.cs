namespace FlexMail.Domain.Credentials;

/// <summary>A credential as a picker offers it.</summary>
public sealed record CredentialChoice(Guid Id, string Name, CredentialType Type, DateTimeOffset? NotAfter);
