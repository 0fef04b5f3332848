namespace FlexMail.Domain.MailboxAccess.Authorize;

/// <summary>What Entra ID sent back to the callback.</summary>
/// <param name="State">The one-time state of an Authorize; absent when the admin consent link sent the browser back.</param>
/// <param name="AdminConsent">The admin consent endpoint's <c>admin_consent</c> (<c>True</c> when consent was granted).</param>
/// <param name="Tenant">The admin consent endpoint's <c>tenant</c>: the tenant consent was granted for.</param>
public sealed record AuthorizationCallback(
    string? State, string? Code, string? Error, string? ErrorDescription, string? AdminConsent = null, string? Tenant = null)
{
    /// <summary>
    /// True when the browser comes back from the admin consent link rather than from an Authorize: FlexMail's admin
    /// consent link carries no state, and Entra ID answers it with <c>admin_consent</c> and <c>tenant</c>, or with an
    /// error and no code.
    /// </summary>
    public bool IsAdminConsentReturn =>
        string.IsNullOrEmpty(State)
        && (!string.IsNullOrEmpty(AdminConsent) || !string.IsNullOrEmpty(Tenant) || (!string.IsNullOrEmpty(Error) && string.IsNullOrEmpty(Code)));
}
