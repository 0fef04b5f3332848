namespace FlexMail.Portal.Sandbox.QuickSetup;

/// <summary>
/// <c>FlexMail:Sandbox:QuickSetup</c>: whether the portal sets itself up against the sandbox tenant at start, and with
/// which kind of permissions. The same choice is offered by the "Try with the sandbox" button.
/// </summary>
public enum QuickSetupMode
{
    /// <summary>No setup at start (the default): the admin sets up by hand, or clicks "Try with the sandbox".</summary>
    None = 0,

    /// <summary>Delegated permissions: the service user is authorized through the real Authorize flow.</summary>
    Delegated = 1,

    /// <summary>Application permissions (client credentials): nobody to authorize.</summary>
    Application = 2,
}
