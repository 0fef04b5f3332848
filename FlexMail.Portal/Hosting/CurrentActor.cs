namespace FlexMail.Portal.Hosting;

/// <summary>
/// Who the audit log names for a change made in the portal. The portal has no sign-in of its own yet
/// (it is meant to run on an administrators' network or behind an authenticating proxy), so every change is
/// attributed to the one portal administrator role; with sign-in this becomes the signed-in user.
/// </summary>
public sealed class CurrentActor
{
    public const string PortalAdministrator = "portal administrator";

    public string Name => PortalAdministrator;
}
