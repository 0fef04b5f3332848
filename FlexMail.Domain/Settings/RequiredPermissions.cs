using FlexMail.Domain.OAuthApps;

namespace FlexMail.Domain.Settings;

/// <summary>A Microsoft Graph permission the app registration needs, and why.</summary>
public sealed record PermissionRequirement(string Name, string Reason);

/// <summary>The answers that decide which permissions are needed.</summary>
public sealed record PermissionNeeds(bool SendsFromAnotherMailbox, bool EmailApprovals, bool ReadsAnotherMailbox)
{
    public static PermissionNeeds From(EmailSettingsDraft draft) =>
        new(draft.SendsFromAnotherMailbox, draft.EmailApprovalEnabled, draft.ReadsAnotherMailbox);
}

/// <summary>Computes the Graph permissions to add to the app registration in Entra ID.</summary>
public static class RequiredPermissions
{
    public static IReadOnlyList<PermissionRequirement> For(PermissionMode mode, PermissionNeeds needs) =>
        mode == PermissionMode.Delegated ? Delegated(needs) : Application(needs);

    /// <summary>The scopes to request at Authorize (delegated only): the permissions plus sign-in scopes.</summary>
    public static IReadOnlyList<string> AuthorizeScopes(PermissionNeeds needs) =>
        ["openid", "profile", .. Delegated(needs).Select(permission => permission.Name)];

    private static List<PermissionRequirement> Delegated(PermissionNeeds needs)
    {
        List<PermissionRequirement> permissions =
        [
            new("offline_access", "keeps FlexMail signed in (refresh tokens) after you authorize"),
            new("User.Read", "reads who signed in, to check it is the configured user"),
            new("Mail.Send", "sends approval and test mails"),
        ];
        if (needs.EmailApprovals)
        {
            permissions.Add(new("Mail.ReadWrite", "reads replies in the Email Reply Folder and removes processed ones"));
        }
        if (needs.SendsFromAnotherMailbox)
        {
            permissions.Add(new("Mail.Send.Shared", "sends from the SMTP From Address, a mailbox other than the SMTP User's"));
        }
        if (needs.EmailApprovals && needs.ReadsAnotherMailbox)
        {
            permissions.Add(new("Mail.ReadWrite.Shared", "reads replies in a mailbox other than the incoming user's own"));
        }
        return permissions;
    }

    private static List<PermissionRequirement> Application(PermissionNeeds needs)
    {
        List<PermissionRequirement> permissions =
        [
            new("Mail.Send", "sends approval and test mails as the configured mailbox (application permission)"),
            new("User.Read.All", "looks up the configured mailbox users (application permission)"),
        ];
        if (needs.EmailApprovals)
        {
            permissions.Add(new("Mail.ReadWrite", "reads replies and removes processed ones (application permission)"));
        }
        return permissions;
    }
}
