namespace FlexMail.Domain.Mail;

/// <summary>
/// Graph's mail error codes in plain words: the cause, and the fix naming the permission or mailbox right that is
/// missing (from what the access token says about itself, when it could be read).
/// </summary>
internal static class GraphErrorTexts
{
    public static MailFailure AccessDenied(MailOperation op, TokenClaims? claims, string code, int status)
    {
        var mailbox = op.Mailbox;
        if (claims is null)
        {
            var shared = MailPermissions.Needed(op.Access, delegated: true, own: false);
            return new(MailFailureKind.AccessDenied, code, status,
                $"Microsoft Graph denied FlexMail to {op.Action} {mailbox}.",
                $"With a signed-in user: the user needs {MailPermissions.MailboxRight(op.Access)} on {mailbox} and the app needs {shared} " +
                $"with admin consent (then Re-Authorize). With the app's own credential: the app needs the application permission " +
                $"{MailPermissions.Needed(op.Access, delegated: false, own: false)} with admin consent, and no application access policy may exclude {mailbox}.");
        }
        if (!claims.IsDelegated)
        {
            var permission = MailPermissions.Needed(op.Access, delegated: false, own: false);
            return MailPermissions.Carried(claims, op.Access, own: false)
                ? new(MailFailureKind.AccessDenied, code, status,
                    $"Microsoft Graph denied FlexMail to {op.Action} {mailbox}, although the app holds the application permission {permission}.",
                    $"An Exchange Online application access policy (or RBAC for Applications scope) leaves {mailbox} out: add {mailbox} to the " +
                    "group or scope the policy allows, or ask the Exchange administrator to remove the restriction.")
                : new(MailFailureKind.AccessDenied, code, status,
                    $"Microsoft Graph denied FlexMail to {op.Action} {mailbox}: the app's token does not carry the application permission {permission}.",
                    $"In Entra ID add the Microsoft Graph application permission {permission} to the app registration and grant admin consent.");
        }
        var user = claims.UserPrincipalName ?? "the signed-in user";
        var own = string.Equals(op.Mailbox, claims.UserPrincipalName, StringComparison.OrdinalIgnoreCase) || op.Mailbox == "me";
        var needed = MailPermissions.Needed(op.Access, delegated: true, own);
        if (!MailPermissions.Carried(claims, op.Access, own))
        {
            var right = own ? "" : $" {user} also needs {MailPermissions.MailboxRight(op.Access)} on {mailbox}.";
            return new(MailFailureKind.AccessDenied, code, status,
                $"Microsoft Graph denied {user} to {op.Action} {mailbox}: the access token does not carry the delegated permission {needed}.",
                $"Add the delegated Microsoft Graph permission {needed} to the app registration, grant admin consent, then Re-Authorize " +
                $"so that the new token carries it.{right}");
        }
        if (own)
        {
            return new(MailFailureKind.AccessDenied, code, status,
                $"Microsoft Graph denied {user} to {op.Action} their own mailbox, although the token carries {needed}.",
                $"Check that {mailbox} may use Exchange Web Services/REST (Get-CASMailbox {mailbox}) and that no Conditional Access policy " +
                "blocks the app; then Re-Authorize.");
        }
        var rightName = MailPermissions.MailboxRight(op.Access);
        var command = op.Access == MailAccess.Send
            ? $"Add-RecipientPermission -Identity {mailbox} -Trustee {user} -AccessRights SendAs"
            : $"Add-MailboxPermission -Identity {mailbox} -User {user} -AccessRights FullAccess";
        return new(MailFailureKind.AccessDenied, code, status,
            $"Microsoft Graph denied {user} to {op.Action} {mailbox}: the token carries {needed}, but {user} has no {rightName} on {mailbox}.",
            $"Give {user} {rightName} on {mailbox} (Exchange admin center > Mailboxes > {mailbox} > Delegation, or `{command}`); " +
            "the right can take up to an hour to apply.");
    }

    public static MailFailure SendAsDenied(MailOperation op, TokenClaims? claims, string code, int status)
    {
        var from = op.From ?? op.Mailbox;
        var user = claims?.UserPrincipalName ?? op.Mailbox;
        return new(MailFailureKind.SendAsDenied, code, status,
            $"Exchange Online refused to send as {from}: {user} has no Send As right on {from}.",
            $"Give {user} Send As on {from} (Exchange admin center > Mailboxes > {from} > Delegation > Send as, or " +
            $"`Add-RecipientPermission -Identity {from} -Trustee {user} -AccessRights SendAs`); the right can take up to an hour to apply.");
    }

    public static MailFailure MailboxNotEnabled(MailOperation op, string code, int status) => new(MailFailureKind.MailboxNotEnabled, code, status,
        $"{op.Mailbox} has no Exchange Online mailbox (no licence, or on-premises): Graph cannot {op.Action} it.",
        $"Assign {op.Mailbox} a licence that includes Exchange Online (or use a shared mailbox), or choose a mailbox hosted in Exchange Online.");

    public static MailFailure ItemNotFound(MailOperation op, string code, int status) => (op.FolderId, op.MessageId) is ({ } destination, { } moved)
        ? new(MailFailureKind.ItemNotFound, code, status,
            $"The message {moved} or the folder {destination} does not exist in {op.Mailbox} (moved or deleted, or the id belongs to another mailbox).",
            $"List the folders and messages of {op.Mailbox} again and use their current (immutable) ids.")
        : op.FolderId is { } folder
        ? new(MailFailureKind.FolderNotFound, code, status,
            $"The folder {folder} does not exist in {op.Mailbox} (it was deleted, or the id belongs to another mailbox).",
            $"List the folders of {op.Mailbox} and choose the folder again.")
        : op.MessageId is { } message
            ? new(MailFailureKind.ItemNotFound, code, status,
                $"The message {message} is not in {op.Mailbox} (it was moved or deleted, or the id belongs to another mailbox).",
                "List the messages again and use their immutable ids, which stay the same when a message moves.")
            : new(MailFailureKind.ItemNotFound, code, status,
                $"Graph found nothing to {op.Action} in {op.Mailbox}.", $"Check the mailbox address and list the folders of {op.Mailbox}.");

    public static MailFailure InvalidUser(MailOperation op, string code, int status) => new(MailFailureKind.InvalidUser, code, status,
        $"{op.Mailbox} is not a user or mailbox in this tenant.",
        "Check the spelling: use the mailbox's user principal name or primary SMTP address, in the tenant the app is registered in.");

    public static MailFailure InvalidToken(MailOperation op, string code, int status) => new(MailFailureKind.InvalidToken, code, status,
        $"Microsoft Graph rejected the access token while trying to {op.Action} {op.Mailbox} (expired, revoked, or issued for another tenant or cloud).",
        "Re-Authorize the mailbox connection; if it keeps happening, check that the app registration's tenant and cloud match FlexMail's settings.");

    public static MailFailure NoProfilePermission(MailOperation op, string code, int status) => new(MailFailureKind.AccessDenied, code, status,
        "Microsoft Graph refused to read the signed-in user's profile: the token does not carry User.Read.",
        "Add the delegated Microsoft Graph permission User.Read to the app registration, grant admin consent, then Re-Authorize.");

    public static MailFailure Throttled(MailOperation op, string code, int status, DateTimeOffset retryAt) => new(MailFailureKind.Throttled, code, status,
        $"Microsoft Graph throttled FlexMail's requests to {op.Mailbox} (HTTP 429 {code}) and the retries did not get through.",
        $"Wait and retry after {retryAt:yyyy-MM-dd HH:mm:ss} UTC; if it keeps happening, FlexMail is making too many requests to {op.Mailbox} " +
        "(Exchange Online allows 10,000 requests per 10 minutes and 4 at once per app and mailbox).")
    {
        RetryAfter = retryAt,
    };

    public static MailFailure ServiceUnavailable(MailOperation op, string code, int status, DateTimeOffset? retryAt) => new(MailFailureKind.ServiceUnavailable, code, status,
        $"Microsoft Graph was unavailable (HTTP {status}) while trying to {op.Action} {op.Mailbox}, and the retries did not get through.",
        retryAt is { } at
            ? $"Retry after {at:yyyy-MM-dd HH:mm:ss} UTC; check Microsoft 365 service health if it persists."
            : "Try again in a few minutes; check Microsoft 365 service health if it persists.")
    {
        RetryAfter = retryAt,
    };

    public static MailFailure Other(MailOperation op, string code, int status, string? message) => new(MailFailureKind.InvalidRequest, code, status,
        $"Microsoft Graph refused to {op.Action} {op.Mailbox}: {code} ({status}){(string.IsNullOrWhiteSpace(message) ? "" : $": {message}")}",
        "Check the mailbox, folder and message named; if it persists, report the code and the request id to support.");
}
