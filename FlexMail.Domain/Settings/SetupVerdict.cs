using FlexMail.Domain.EmailTest;
using FlexMail.Domain.MailboxAccess;
using FlexMail.Domain.MailboxAccess.Tokens;

namespace FlexMail.Domain.Settings;

/// <summary>How far the whole setup is from sending mail.</summary>
public enum SetupVerdictLevel
{
    /// <summary>Saved, authorized (or application permissions), last test passed, no expired credential in use.</summary>
    Configured,

    /// <summary>Something is still to be set up for the first time.</summary>
    NotConfigured,

    /// <summary>Set up, but something is wrong or unproven (a failed or missing test, an expired credential, another user authorized).</summary>
    NeedsAttention,

    /// <summary>Set up and working until Entra ID stopped accepting the sign-in or the application's credential.</summary>
    Stopped,
}

/// <summary>Where the fix of a <see cref="SetupReason"/> is made.</summary>
public enum SetupFixPlace
{
    SetupWizard,
    EmailSettings,
    OAuthApplications,
}

/// <summary>Which part of the setup a reason concerns (e.g. for the section chips of the email settings page).</summary>
public enum SetupArea
{
    Setup,
    Outgoing,
    Credentials,
    Test,
}

/// <summary>One thing that keeps the setup from being configured: what (and Entra ID's cause, if it gave one), where it is fixed and how.</summary>
public sealed record SetupReason(string Text, string Fix, SetupFixPlace Place, SetupArea Area, string? Cause = null);

/// <summary>
/// The one verdict on the whole email setup, shown on the dashboard and the email settings page, derived from the same
/// facts as every other status: the saved settings, the SMTP User's authorization, the last test and the credentials'
/// expiry. <see cref="Headline"/> says it in words ("Email is configured", "Email needs attention: …", "Email has
/// stopped: …"), so that colour is never all there is.
/// </summary>
public sealed record SetupVerdict(SetupVerdictLevel Level, string Headline, IReadOnlyList<SetupReason> Reasons)
{
    /// <summary>The first reason: its fix is the one to show and the page to open.</summary>
    public SetupReason? First => Reasons.Count > 0 ? Reasons[0] : null;

    /// <summary>The reasons that concern <paramref name="area"/>.</summary>
    public IEnumerable<SetupReason> In(SetupArea area) => Reasons.Where(reason => reason.Area == area);

    public static SetupVerdict Of(SetupOverview overview)
    {
        ArgumentNullException.ThrowIfNull(overview);
        var missing = Missing(overview).ToList();
        if (missing.Count > 0)
        {
            return new(SetupVerdictLevel.NotConfigured, "Email is not configured yet.", missing);
        }
        if (Stopped(overview) is { } stopped)
        {
            return new(SetupVerdictLevel.Stopped, $"Email has stopped: {stopped.Text}", [stopped, .. Attention(overview)]);
        }
        var attention = Attention(overview).ToList();
        return attention.Count > 0
            ? new(SetupVerdictLevel.NeedsAttention, $"Email needs attention: {attention[0].Text}", attention)
            : new(SetupVerdictLevel.Configured, "Email is configured", []);
    }

    private static IEnumerable<SetupReason> Missing(SetupOverview overview)
    {
        if (overview.OAuthApplicationCount == 0)
        {
            yield return new("an OAuth application (the app registered in Entra ID)", "Register the app in the setup wizard.",
                SetupFixPlace.SetupWizard, SetupArea.Setup);
        }
        if (!overview.HasEmailSettings || string.IsNullOrWhiteSpace(overview.SmtpUser) || overview.SmtpOAuthApplicationId is null)
        {
            yield return new("email settings (SMTP User, SMTP From Address, reply options)", "Enter and save the email settings.",
                SetupFixPlace.SetupWizard, SetupArea.Setup);
        }
        if (!overview.OutgoingUsesApplicationPermissions && overview.Outgoing is null or { Status: AuthorizationStatus.NotAuthorized })
        {
            yield return new("an authorized mailbox user (Authorize as the SMTP User)", "Click Authorize and sign in as the SMTP User.",
                SetupFixPlace.SetupWizard, SetupArea.Outgoing);
        }
    }

    private static SetupReason? Stopped(SetupOverview overview)
    {
        if (overview.OutgoingUsesApplicationPermissions || overview.Outgoing is not { Status: AuthorizationStatus.NeedsReauthorization } refused)
        {
            return null;
        }
        var cause = refused.StatusReason ?? $"Entra ID no longer accepts the saved sign-in of {refused.UserPrincipalName}.";
        return CredentialRefusal.Caused(refused.StatusReason)
            ? new("Entra ID refused the OAuth application's credential.",
                "Save a new client secret (or certificate) for the OAuth application on the OAuth Applications page: the saved sign-in " +
                "is then used again, without Re-Authorize.",
                SetupFixPlace.OAuthApplications, SetupArea.Outgoing, cause)
            : new("the SMTP User must sign in again.",
                $"Re-Authorize on Email Settings and sign in as {refused.UserPrincipalName}.",
                SetupFixPlace.EmailSettings, SetupArea.Outgoing, cause);
    }

    private static IEnumerable<SetupReason> Attention(SetupOverview overview)
    {
        if (!overview.OutgoingUsesApplicationPermissions && overview.Outgoing is { Status: AuthorizationStatus.Authorized } outgoing)
        {
            if (MailboxAuthorization.IsForAnotherUser(outgoing.UserPrincipalName, overview.SmtpUser ?? ""))
            {
                yield return new($"{outgoing.UserPrincipalName} is authorized, but the SMTP User is now {overview.SmtpUser}.",
                    $"Re-Authorize on Email Settings and sign in as {overview.SmtpUser}.", SetupFixPlace.EmailSettings, SetupArea.Outgoing);
            }
            else if (outgoing.OAuthApplicationId is { } authorizedThrough
                     && MailboxAuthorization.IsThroughAnotherApplication(authorizedThrough, overview.SmtpOAuthApplicationId))
            {
                yield return new("the SMTP User was authorized through another OAuth application than the one chosen now.",
                    "Re-Authorize on Email Settings.", SetupFixPlace.EmailSettings, SetupArea.Outgoing);
            }
        }
        foreach (var expired in overview.ExpiryNotices.Where(notice => notice is { Expired: true, InUse: true }))
        {
            yield return new($"{expired.What} expired on {expired.ExpiresAt.UtcDateTime:yyyy-MM-dd}.",
                "Create a new one in Entra ID and save it for the OAuth application on the OAuth Applications page.",
                SetupFixPlace.OAuthApplications, SetupArea.Credentials);
        }
        switch (overview.LastTest)
        {
            case null:
                yield return new("the configuration has not been tested yet.", "Run Test Email Configuration on Email Settings.",
                    SetupFixPlace.EmailSettings, SetupArea.Test);
                break;
            case { Verdict: not (TestVerdict.Passed or TestVerdict.Warning) } failed:
                yield return new(failed.FirstProblem is { } problem ? $"the last test failed ({problem})." : "the last test failed.",
                    "Fix what the failed step names on Email Settings, save, and run Test Email Configuration again.",
                    SetupFixPlace.EmailSettings, SetupArea.Test);
                break;
        }
    }
}
