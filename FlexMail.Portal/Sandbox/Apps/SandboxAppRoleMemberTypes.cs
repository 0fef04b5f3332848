namespace FlexMail.Portal.Sandbox.Apps;

/// <summary>Who an app role can be given to (Entra's <c>allowedMemberTypes</c>): users and groups, applications, or both.</summary>
[Flags]
public enum SandboxAppRoleMemberTypes
{
    None = 0,

    /// <summary>"Users/Groups": assigned to people under the Enterprise application's Users and groups.</summary>
    Users = 1,

    /// <summary>"Applications": granted to client apps as an application permission (API permissions, My APIs).</summary>
    Applications = 2,

    Both = Users | Applications,
}
