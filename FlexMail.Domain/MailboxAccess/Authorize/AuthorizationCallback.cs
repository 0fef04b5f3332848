namespace FlexMail.Domain.MailboxAccess.Authorize;

/// <summary>What Entra ID sent back to the callback.</summary>
public sealed record AuthorizationCallback(string? State, string? Code, string? Error, string? ErrorDescription);
