namespace FlexMail.Domain.MailboxAccess.Authorize;

/// <summary>How an Authorize ended, for the page the admin is sent back to.</summary>
/// <param name="Succeeded">True when the mailbox user is now authorized.</param>
/// <param name="Message">What happened, in plain words.</param>
/// <param name="Fix">What to do about a failure; null on success.</param>
/// <param name="Role">The role authorized, when known.</param>
/// <param name="ReturnUrl">The local page to send the admin back to.</param>
/// <param name="MissingScopes">The permissions that were not granted, if that was the problem.</param>
/// <param name="AdminConsentLink">The link that grants the permissions for the tenant, when consent was missing.</param>
public sealed record AuthorizationOutcome(
    bool Succeeded, string Message, string? Fix, MailboxRole? Role, string ReturnUrl,
    IReadOnlyList<string>? MissingScopes = null, string? AdminConsentLink = null);
