using FlexMail.Portal.Sandbox.Apps;
using FlexMail.Portal.Sandbox.Directory;

namespace FlexMail.Portal.Sandbox;

/// <summary>
/// The app registrations the sandbox tenant starts with, with fixed ids so that configuration made against them survives
/// a reset: "FlexMail Portal", which the portal signs its users in with (app roles for its users and API clients), and
/// "Deployment pipeline", an API client granted FlexMail.Integrator. Neither has a secret: secrets are never well-known.
/// </summary>
public static class SandboxSeedApps
{
    public const string PortalName = "FlexMail Portal";
    public const string PipelineName = "Deployment pipeline";

    public static readonly Guid PortalClientId = new("0b1c2d3e-1001-4000-8000-000000001001");
    public static readonly Guid PortalObjectId = new("0b1c2d3e-1002-4000-8000-000000001002");
    public static readonly Guid PipelineClientId = new("0b1c2d3e-1101-4000-8000-000000001101");
    public static readonly Guid PipelineObjectId = new("0b1c2d3e-1102-4000-8000-000000001102");

    public static readonly SandboxAppRole Admin = new(new Guid("0b1c2d3e-1011-4000-8000-000000001011"), "Admin", "FlexMail.Admin",
        "Admin: setup, settings, credentials, sandbox", SandboxAppRoleMemberTypes.Users);
    public static readonly SandboxAppRole Support = new(new Guid("0b1c2d3e-1012-4000-8000-000000001012"), "Support", "FlexMail.Support",
        "Support: live inbox and approvals", SandboxAppRoleMemberTypes.Users);
    public static readonly SandboxAppRole Approver = new(new Guid("0b1c2d3e-1013-4000-8000-000000001013"), "Approver", "FlexMail.Approver",
        "Approver: decide own approvals in the portal", SandboxAppRoleMemberTypes.Users);
    public static readonly SandboxAppRole Integrator = new(new Guid("0b1c2d3e-1014-4000-8000-000000001014"), "Integrator", "FlexMail.Integrator",
        "Integrator: create approval requests and read their decisions over the REST API", SandboxAppRoleMemberTypes.Applications);

    /// <summary>Who holds which portal role: Diego Siciliani and Lee Gu hold none (signed in, they have no roles claim).</summary>
    public static IReadOnlyList<(SandboxUser User, SandboxAppRole Role)> PortalUserRoles =>
    [
        (SandboxSeed.MeganBowen, Admin),
        (SandboxSeed.AlexWilber, Support),
        (SandboxSeed.AdeleVance, Approver),
    ];

    /// <summary>
    /// FlexMail Portal: roles for users and for API clients, Application ID URI <c>api://{client id}</c>, User.Read with
    /// admin consent (signing in asks no consent), no assignment required. Redirect URIs are added once the portal listens.
    /// </summary>
    public static SandboxApplication Portal(DateTimeOffset now) => new()
    {
        Id = PortalObjectId,
        AppId = PortalClientId,
        DisplayName = PortalName,
        CreatedAt = now,
        DelegatedPermissions = ["User.Read"],
        AppRoles = [Admin, Support, Approver, Integrator],
        IdentifierUri = $"api://{PortalClientId}",
        AssignmentRequired = false,
    };

    /// <summary>Deployment pipeline: asks for FlexMail.Integrator on FlexMail Portal (granted with admin consent) and nothing else.</summary>
    public static SandboxApplication Pipeline(DateTimeOffset now) => new()
    {
        Id = PipelineObjectId,
        AppId = PipelineClientId,
        DisplayName = PipelineName,
        CreatedAt = now,
        ApiApplicationPermissions = [new SandboxApiRolePermission(PortalClientId, Integrator.Id)],
    };
}
