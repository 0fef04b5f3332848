using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Identity.Web;

namespace FlexMail.Portal.Hosting.SignIn;

/// <summary>
/// The integrator API's Entra bearer tokens (Microsoft.Identity.Web's web API support): access tokens issued to a
/// client application for FlexMail's own app registration (<c>api://{client id}/.default</c>), carrying the app role
/// <see cref="PortalRoles.Integrator"/>. Same app registration and tenant as the portal's sign-in.
/// </summary>
internal static class IntegratorTokens
{
    public const string Scheme = JwtBearerDefaults.AuthenticationScheme;

    public static AuthenticationBuilder AddFlexMailIntegratorTokens(this AuthenticationBuilder authentication, IConfigurationSection signIn, bool configured)
    {
        authentication.AddMicrosoftIdentityWebApi(bearer =>
        {
            bearer.Events ??= new JwtBearerEvents();
            bearer.Events.OnChallenge = context =>
            {
                context.HandleResponse();
                return SignInProblems.AnswerAsync(context.HttpContext, StatusCodes.Status401Unauthorized, "Access token needed",
                    "Send an Entra ID access token for FlexMail (scope api://{FlexMail's client id}/.default) in the Authorization header: Bearer {token}.");
            };
            bearer.Events.OnForbidden = context => SignInProblems.AnswerAsync(context.HttpContext, StatusCodes.Status403Forbidden, "Role needed",
                $"The calling application needs the app role {PortalRoles.Integrator} on FlexMail's app registration, with admin consent.");
        }, identity =>
        {
            signIn.Bind(identity);
            // FlexMail authorizes by its own policy (the Integrator role): a valid token without a role is then a 403
            // that names the role, not Microsoft.Identity.Web's bare 401 for "no scp or roles claim".
            identity.AllowWebApiToBeAuthorizedByACL = true;
            if (!configured)
            {
                Sandbox.SandboxSignInSetup.Describe(identity);
            }
        }, Scheme);
        return authentication;
    }
}
