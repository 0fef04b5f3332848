namespace FlexMail.Domain.MailboxAccess.Authorize;

/// <summary>
/// What the Authorize panel of a role shows: the saved authorization (if any), the configured user, whether Authorize
/// can start and why not, or, for an application that uses application permissions, that there is nobody to authorize.
/// </summary>
/// <param name="Role">The mailbox role.</param>
/// <param name="Authorization">The saved authorization of the role, null when it was never authorized.</param>
/// <param name="ConfiguredUser">The saved SMTP/IMAP User (empty when none is saved).</param>
/// <param name="ServerBaseUrl">The saved Server Base URL in canonical form, where Authorize starts; null when Authorize cannot start.</param>
/// <param name="Problem">Why Authorize cannot start, in plain words; null when it can.</param>
/// <param name="ApplicationPermissions">Set when the role's OAuth application uses application permissions.</param>
/// <param name="ConfiguredApplicationId">The OAuth application saved for the role now.</param>
public sealed record MailboxAuthorizationStatus(
    MailboxRole Role,
    MailboxAuthorizationState? Authorization,
    string ConfiguredUser,
    string? ServerBaseUrl,
    string? Problem,
    ApplicationPermissionsUse? ApplicationPermissions,
    Guid? ConfiguredApplicationId = null)
{
    public bool CanAuthorize => Problem is null && ServerBaseUrl is not null && ApplicationPermissions is null;

    /// <summary>True when the role was authorized before (the button then reads Re-Authorize).</summary>
    public bool WasAuthorized => Authorization is { Status: not AuthorizationStatus.NotAuthorized };

    /// <summary>True when the authorized account is not the user saved now (the SMTP/IMAP User was changed since).</summary>
    public bool AuthorizedAnotherUser =>
        Authorization is { Status: AuthorizationStatus.Authorized } authorization
        && MailboxAuthorization.IsForAnotherUser(authorization.UserPrincipalName, ConfiguredUser);

    /// <summary>True when the authorization was made through another OAuth application than the one saved now.</summary>
    public bool AuthorizedThroughAnotherApplication =>
        Authorization is { Status: AuthorizationStatus.Authorized } authorization
        && MailboxAuthorization.IsThroughAnotherApplication(authorization.OAuthApplicationId, ConfiguredApplicationId);
}
