using FlexMail.Portal.Hosting.SignIn;
using Microsoft.Identity.Web;

namespace FlexMail.Portal.Endpoints;

/// <summary>
/// The integrator API (<c>/api/v1</c>), for applications such as a deployment pipeline. Every endpoint requires an
/// Entra bearer token with the app role <see cref="PortalRoles.Integrator"/>.
/// </summary>
internal static class IntegratorApiEndpoints
{
    public static IEndpointRouteBuilder MapFlexMailIntegratorApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1").RequireAuthorization(PortalPolicies.Integrator).DisableAntiforgery();
        api.MapGet("/whoami", WhoAmI).WithTags("Caller")
            .WithSummary("Who FlexMail takes the caller for")
            .WithDescription("The calling application and its FlexMail roles, as FlexMail read them from the access token: a way to check a pipeline's credentials before it asks for approvals.");
        api.MapApprovalsApi();
        return endpoints;
    }

    private static CallerInfo WhoAmI(HttpContext context)
    {
        var user = context.User;
        return new CallerInfo(
            user.FindFirst("azp")?.Value ?? user.FindFirst("appid")?.Value ?? "",
            user.GetTenantId() ?? "",
            CurrentActor.RolesOf(user));
    }
}

/// <summary>The caller of the integrator API: its client id, tenant and FlexMail roles.</summary>
public sealed record CallerInfo(string ClientId, string TenantId, IReadOnlyList<string> Roles);
