using FlexMail.Portal.Hosting.SignIn;
using Microsoft.Identity.Web;

namespace FlexMail.Portal.Endpoints;

/// <summary>
/// The integrator API (<c>/api/v1</c>), for applications such as a deployment pipeline. Every endpoint requires an API
/// key (<c>X-Api-Key</c>) or an Entra bearer token with the app role <see cref="PortalRoles.Integrator"/>.
/// </summary>
internal static class IntegratorApiEndpoints
{
    public static IEndpointRouteBuilder MapFlexMailIntegratorApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1").RequireAuthorization(PortalPolicies.Integrator).DisableAntiforgery();
        api.MapGet("/whoami", WhoAmI).WithTags("Caller")
            .WithSummary("Who FlexMail takes the caller for")
            .WithDescription("The calling application (or API key) and its FlexMail roles, as FlexMail read them from the credentials: a way to check a pipeline's credentials before it asks for approvals.");
        api.MapApprovalsApi();
        api.MapRepliesApi();
        return endpoints;
    }

    private static CallerInfo WhoAmI(HttpContext context)
    {
        var user = context.User;
        return new CallerInfo(
            CurrentActor.Of(user).Name,
            user.FindFirst("azp")?.Value ?? user.FindFirst("appid")?.Value ?? "",
            user.GetTenantId() ?? "",
            ApiKeyClaims.KeyIdOf(user),
            CurrentActor.RolesOf(user));
    }
}

/// <summary>The caller of the integrator API: its name, its client id and tenant (bearer tokens) or API key id, and its FlexMail roles.</summary>
public sealed record CallerInfo(string Name, string ClientId, string TenantId, Guid? ApiKeyId, IReadOnlyList<string> Roles);
