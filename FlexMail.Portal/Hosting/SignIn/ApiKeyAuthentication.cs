using System.Security.Claims;
using System.Text.Encodings.Web;
using FlexMail.Domain.ApiKeys;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace FlexMail.Portal.Hosting.SignIn;

/// <summary>
/// The integrator API's keys: a request carrying <c>X-Api-Key</c> is the key's caller, with the app role
/// <see cref="PortalRoles.Integrator"/>, when FlexMail knows the key and it is not revoked. Without the header it
/// authenticates nobody, and its challenge names both ways in (a key, or an Entra bearer token).
/// </summary>
internal sealed class ApiKeyAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyService keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    public const string HeaderName = "X-Api-Key";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(HeaderName, out var values))
        {
            return AuthenticateResult.NoResult();
        }
        if (values.Count != 1 || await keys.AuthenticateAsync(values[0] ?? "", Context.RequestAborted) is not { } key)
        {
            return AuthenticateResult.Fail("API key not accepted");
        }
        var identity = new ClaimsIdentity(
            [
                new Claim("name", ApiKeyClaims.DisplayName(key.Name)),
                new Claim(ApiKeyClaims.KeyId, key.Id.ToString()),
                new Claim(ClaimTypes.Role, PortalRoles.Integrator),
            ],
            SchemeName, "name", ClaimTypes.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) => Request.Headers.ContainsKey(HeaderName)
        ? SignInProblems.AnswerAsync(Context, StatusCodes.Status401Unauthorized, "API key not accepted",
            $"FlexMail knows no such API key, or it was revoked. Send the whole key, as shown once when it was created, in the {HeaderName} header; " +
            "if it is lost or revoked, an administrator creates a new one on the API Keys page.")
        : SignInProblems.AnswerAsync(Context, StatusCodes.Status401Unauthorized, "API key or access token needed",
            $"Send an API key in the {HeaderName} header, or an Entra ID access token for FlexMail " +
            "(scope api://{FlexMail's client id}/.default) in the Authorization header: Bearer {token}.");

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        SignInProblems.AnswerAsync(Context, StatusCodes.Status403Forbidden, "Role needed",
            $"This needs the role {PortalRoles.Integrator}, which an API key does not give here.");
}
