namespace FlexMail.Portal.Hosting.SignIn;

/// <summary>
/// The app roles of FlexMail's app registration, as they arrive in the <c>roles</c> claim of the id token (people) or
/// of an access token (integrator applications). Their values are what the app registration's App roles must use.
/// </summary>
public static class PortalRoles
{
    /// <summary>Everything: setup, settings, credentials, the audit log, the sandbox's administration.</summary>
    public const string Admin = "FlexMail.Admin";

    /// <summary>The live inbox and approvals (read, support actions); no settings, credentials or sandbox administration.</summary>
    public const string Support = "FlexMail.Support";

    /// <summary>Decides their own approvals in the portal.</summary>
    public const string Approver = "FlexMail.Approver";

    /// <summary>An application (deployment pipeline) calling the integrator API with a bearer token or an API key.</summary>
    public const string Integrator = "FlexMail.Integrator";

    /// <summary>The roles a person can hold, with what each gives, for the page that explains a missing role.</summary>
    public static IReadOnlyList<(string Role, string Gives)> ForPeople { get; } =
    [
        (Admin, "setup, Email Settings, OAuth applications, credentials, API keys, the audit log and the sandbox"),
        (Support, "the dashboard and, as they arrive, the live approval inbox and approvals"),
        (Approver, "deciding your own approvals in the portal"),
    ];
}
