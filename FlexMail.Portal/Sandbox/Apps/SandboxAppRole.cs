namespace FlexMail.Portal.Sandbox.Apps;

/// <summary>
/// An app role defined on an app registration (Entra's <c>appRoles</c> entry). Its <see cref="Value"/> is what the
/// <c>roles</c> claim of a token carries for a user or client app that holds it.
/// </summary>
public sealed record SandboxAppRole(Guid Id, string DisplayName, string Value, string Description, SandboxAppRoleMemberTypes AllowedMemberTypes)
{
    /// <summary>The role Entra offers when an app defines none for users: an assignment that grants access without a <c>roles</c> value.</summary>
    public static readonly Guid DefaultAccessId = Guid.Empty;

    public const string DefaultAccessName = "Default Access";

    public bool AllowsUsers => AllowedMemberTypes.HasFlag(SandboxAppRoleMemberTypes.Users);

    public bool AllowsApplications => AllowedMemberTypes.HasFlag(SandboxAppRoleMemberTypes.Applications);

    /// <summary>The admin center's wording of the allowed member types.</summary>
    public string DescribeMemberTypes() => AllowedMemberTypes switch
    {
        SandboxAppRoleMemberTypes.Both => "Users/Groups, Applications",
        SandboxAppRoleMemberTypes.Applications => "Applications",
        SandboxAppRoleMemberTypes.Users => "Users/Groups",
        _ => "None",
    };
}
