namespace FlexMail.Domain.MailboxAccess.Tokens;

/// <summary>
/// Why Entra ID refused, in words an administrator can act on.
/// </summary>
/// <param name="Code">The AADSTS number (e.g. 7000215), or null when the failure carried none (network, certificate).</param>
/// <param name="Cause">What went wrong, in plain words.</param>
/// <param name="Fix">What to do about it.</param>
/// <param name="NeedsReauthorization">True when only a new sign-in (Re-Authorize) can repair it.</param>
public sealed record EntraFailure(int? Code, string Cause, string Fix, bool NeedsReauthorization = false)
{
    /// <summary>Entra ID's Trace ID, Correlation ID and Timestamp, for a support case: kept out of the cause's words.</summary>
    public string? Trace { get; init; }
}
