namespace FlexMail.Domain.MailboxAccess.Authorize;

/// <summary>How an Authorize (or an admin consent) ended, for the page the admin is sent back to.</summary>
/// <param name="Succeeded">True when the mailbox user is now authorized, or admin consent was granted.</param>
/// <param name="Message">What happened, in plain words.</param>
/// <param name="Fix">What to do about a failure, or what is still to do after a success; null when nothing is.</param>
/// <param name="Role">The role authorized, when known.</param>
/// <param name="ReturnUrl">The local page to send the admin back to.</param>
/// <param name="MissingScopes">The permissions that were not granted, if that was the problem.</param>
/// <param name="AdminConsentLink">The link that grants the permissions for the tenant, when consent was missing.</param>
/// <param name="Kind">What the admin did: signed a mailbox user in, or granted admin consent for the tenant.</param>
public sealed record AuthorizationOutcome(
    bool Succeeded, string Message, string? Fix, MailboxRole? Role, string ReturnUrl,
    IReadOnlyList<string>? MissingScopes = null, string? AdminConsentLink = null, AuthorizationOutcomeKind Kind = AuthorizationOutcomeKind.SignIn)
{
    /// <summary>Entra ID's trace and correlation ids of a refusal, for a support case; shown apart from the message.</summary>
    public string? Trace { get; init; }
}

/// <summary>Which return from Entra ID an <see cref="AuthorizationOutcome"/> describes.</summary>
public enum AuthorizationOutcomeKind
{
    /// <summary>Authorize: a mailbox user signed in.</summary>
    SignIn,

    /// <summary>The admin consent link: an administrator granted (or refused) the permissions for the tenant.</summary>
    AdminConsent,
}
