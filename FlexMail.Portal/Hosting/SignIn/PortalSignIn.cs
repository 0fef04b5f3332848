using FlexMail.Portal.Endpoints;
using FlexMail.Portal.Sandbox;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Identity.Web;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace FlexMail.Portal.Hosting.SignIn;

/// <summary>
/// Sign-in to the portal: OpenID Connect with Microsoft.Identity.Web (authorization code flow) against the
/// organisation's Entra ID, or against the sandbox tenant when <c>FlexMail:SignIn</c> is empty and the sandbox is on;
/// a cookie session with sliding expiry; roles from the token's <c>roles</c> claim; everything requires a signed-in
/// person unless it says otherwise.
/// </summary>
internal static class PortalSignIn
{
    public const string SessionCookie = "FlexMail.Session";

    /// <summary>
    /// The default challenge: a person opening a page is sent to sign in (OpenID Connect); anything else (a script, the
    /// circuit's negotiate, a program) gets a 401, since a redirect to a sign-in page means nothing to it, and
    /// without a round trip to the identity provider.
    /// </summary>
    public const string ChallengeScheme = "FlexMail.SignIn";

    public static WebApplicationBuilder AddFlexMailSignIn(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var section = builder.Configuration.GetSection(SignInOptions.SectionName);
        var signIn = section.Get<SignInOptions>() ?? new SignInOptions();
        var sandbox = builder.Configuration.IsSandboxEnabled();
        services.AddOptions<SignInOptions>().Bind(section).ValidateDataAnnotations()
            .Validate(options => options.IsConfigured || sandbox,
                "Portal sign-in is not configured: set FlexMail:SignIn:Instance, TenantId, ClientId and ClientSecret (or ClientCertificates) " +
                "to FlexMail's app registration in Entra ID, or turn on the sandbox tenant (FlexMail:Sandbox:Enabled) to sign in through it.")
            .ValidateOnStart();

        var webApp = services.AddAuthentication(OpenIdConnectDefaults.AuthenticationScheme)
            .AddMicrosoftIdentityWebApp(identity =>
            {
                section.Bind(identity);
                if (!signIn.IsConfigured && sandbox)
                {
                    SandboxSignInSetup.Describe(identity);
                }
                identity.ResponseType = OpenIdConnectResponseType.Code;
                identity.CallbackPath = SignInOptions.CallbackPath;
                identity.SignedOutCallbackPath = SignInOptions.SignedOutCallbackPath;
                identity.SignedOutRedirectUri = AccountEndpoints.SignedOutPath;
                identity.Events ??= new OpenIdConnectEvents();
                identity.Events.OnRedirectToIdentityProviderForSignOut = NameTheClient;
            }, cookie =>
            {
                cookie.Cookie.Name = SessionCookie;
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.Always;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.SlidingExpiration = true;
                cookie.ExpireTimeSpan = signIn.SessionIdleTimeout;
                cookie.AccessDeniedPath = AccountEndpoints.AccessDeniedPath;
                cookie.Events.OnRedirectToAccessDenied = context => ForbidNonBrowserRequests(context);
            });
        if (!signIn.IsConfigured && sandbox)
        {
            services.AddSandboxSignIn();
        }
        else if (section.GetSection("ClientCertificates").GetChildren().Any())
        {
            // With a certificate the code must be redeemed by MSAL (a client assertion); ASP.NET's own redemption sends
            // only a client secret. Token acquisition makes Microsoft.Identity.Web redeem it with MSAL.
            webApp.EnableTokenAcquisitionToCallDownstreamApi().AddInMemoryTokenCaches();
        }

        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, NotSignedInHandler>(NotSignedInHandler.SchemeName, _ => { })
            .AddPolicyScheme(ChallengeScheme, "Sign in", policy =>
            {
                policy.ForwardDefault = CookieAuthenticationDefaults.AuthenticationScheme;
                policy.ForwardChallenge = null;
                policy.ForwardDefaultSelector = context =>
                    IsPageRequest(context.Request) ? OpenIdConnectDefaults.AuthenticationScheme : NotSignedInHandler.SchemeName;
                policy.ForwardAuthenticate = policy.ForwardForbid = policy.ForwardSignIn = policy.ForwardSignOut =
                    CookieAuthenticationDefaults.AuthenticationScheme;
            })
            .AddFlexMailIntegratorTokens(section, signIn.IsConfigured || !sandbox)
            .AddFlexMailIntegratorCredentials();
        services.PostConfigure<AuthenticationOptions>(options => options.DefaultChallengeScheme = ChallengeScheme);
        if (!signIn.IsConfigured && sandbox)
        {
            services.AddSandboxIntegratorTokens();
        }
        services.AddAuthorizationBuilder().AddPortalPolicies();
        services.AddCascadingAuthenticationState();
        services.AddScoped<CurrentActor>();
        return builder;
    }


    /// <summary>
    /// Sign-out names the app (<c>client_id</c>), so the identity provider may send the browser back to the signed-out
    /// callback, which must be one of the app's registered redirect URIs.
    /// </summary>
    private static Task NameTheClient(Microsoft.AspNetCore.Authentication.OpenIdConnect.RedirectContext context)
    {
        context.ProtocolMessage.ClientId = context.Options.ClientId;
        return Task.CompletedTask;
    }

    private static Task ForbidNonBrowserRequests(RedirectContext<CookieAuthenticationOptions> context)
    {
        if (IsPageRequest(context.Request))
        {
            context.Response.Redirect(context.RedirectUri);
            return Task.CompletedTask;
        }
        return SignInProblems.AnswerAsync(context.HttpContext, StatusCodes.Status403Forbidden, "Role needed",
            "Your FlexMail role does not include this. Ask an administrator for the role it needs.");
    }

    private static bool IsPageRequest(HttpRequest request) =>
        (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        && !request.Path.StartsWithSegments("/_blazor")
        && !request.Path.StartsWithSegments("/api")
        && (request.Headers["Sec-Fetch-Mode"] == "navigate" || request.GetTypedHeaders().Accept.Any(a => a.MediaType == "text/html"));
}
