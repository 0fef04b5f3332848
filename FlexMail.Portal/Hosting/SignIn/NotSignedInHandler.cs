using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace FlexMail.Portal.Hosting.SignIn;

/// <summary>
/// The challenge for a request that is not a person opening a page (a script, the circuit's negotiate, a program): a
/// 401 ProblemDetails saying to sign in, answered without asking the identity provider anything. It authenticates
/// nobody.
/// </summary>
internal sealed class NotSignedInHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, System.Text.Encodings.Web.UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "FlexMail.NotSignedIn";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync() => Task.FromResult(AuthenticateResult.NoResult());

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        SignInProblems.AnswerAsync(Context, StatusCodes.Status401Unauthorized, "Sign in first",
            "This needs a signed-in FlexMail user: open the portal in a browser and sign in.");
}
