using System.Security.Claims;
using FlexMail.Domain.Audit;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Identity.Web;

namespace FlexMail.Portal.Hosting.SignIn;

/// <summary>Who the audit log, a stored test run or an authorization names for what the signed-in person does.</summary>
public sealed class CurrentActor(AuthenticationStateProvider authentication)
{
    /// <summary>Named for a change that reached FlexMail from someone not signed in (e.g. an admin consent granted elsewhere).</summary>
    public const string NotSignedIn = "someone not signed in to FlexMail";

    public async Task<Actor> GetAsync() => Of((await authentication.GetAuthenticationStateAsync()).User);

    /// <summary>
    /// The person's display name (<c>name</c>, else the user name) and object id (<c>oid</c>); for an API key's caller,
    /// "API key '{name}'" and the key's id.
    /// </summary>
    public static Actor Of(ClaimsPrincipal user) => user.Identity?.IsAuthenticated != true
        ? new Actor(NotSignedIn, null)
        : ApiKeyClaims.KeyIdOf(user) is { } keyId
            ? new Actor(DisplayName(user), keyId.ToString())
            : new Actor(DisplayName(user), user.GetObjectId());

    public static string DisplayName(ClaimsPrincipal user) =>
        user.FindFirst("name")?.Value is { Length: > 0 } name ? name : user.Identity?.Name ?? "unknown user";

    /// <summary>The FlexMail app roles the person holds (the token's <c>roles</c>, as the identity's role claims).</summary>
    public static IReadOnlyList<string> RolesOf(ClaimsPrincipal user) =>
        [.. new[] { PortalRoles.Admin, PortalRoles.Support, PortalRoles.Approver, PortalRoles.Integrator }.Where(user.IsInRole)];
}
