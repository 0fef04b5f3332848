using FlexMail.Domain.Connectivity;
using FlexMail.Portal.Sandbox.Apps;
using FlexMail.Portal.Sandbox.Identity;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Web;

namespace FlexMail.Portal.Sandbox;

/// <summary>
/// The embedded default of portal sign-in: Microsoft.Identity.Web, unchanged, signs people in through the sandbox
/// tenant's "FlexMail Portal" app registration. Its OpenID Connect handler reads the sandbox's metadata over the
/// client that trusts exactly the portal's certificate, and redeems codes with the secret the sandbox made for this
/// process (never a secret written anywhere).
/// </summary>
internal static class SandboxSignInSetup
{
    /// <summary>The app registration's ids; the authority is completed once the sandbox's address is known.</summary>
    public static void Describe(MicrosoftIdentityOptions identity)
    {
        identity.Instance = "https://localhost/";
        identity.TenantId = SandboxTenant.TenantId.ToString();
        identity.ClientId = SandboxPortalSignIn.ClientId.ToString();
    }

    public static IServiceCollection AddSandboxSignIn(this IServiceCollection services) =>
        services.AddSingleton<IConfigureOptions<OpenIdConnectOptions>, SandboxOpenIdConnectSetup>();

    public static IServiceCollection AddSandboxIntegratorTokens(this IServiceCollection services) =>
        services.AddSingleton<IConfigureOptions<JwtBearerOptions>, SandboxJwtBearerSetup>();

    /// <summary>The sandbox tenant's v2.0 authority at the sandbox's address.</summary>
    internal static string Authority(SandboxBaseAddress address) => new Uri(address.AuthorityHost, SandboxTenant.TenantId.ToString()).ToString();
}

/// <summary>Points the integrator API's bearer-token validation at the sandbox tenant (metadata, keys, issuer).</summary>
internal sealed class SandboxJwtBearerSetup(SandboxBaseAddress address, IMicrosoftCloud cloud) : IConfigureNamedOptions<JwtBearerOptions>
{
    public void Configure(string? name, JwtBearerOptions options)
    {
        if (name != JwtBearerDefaults.AuthenticationScheme)
        {
            return;
        }
        var authority = SandboxSignInSetup.Authority(address);
        options.Authority = authority;
        options.MetadataAddress = $"{authority}/v2.0/.well-known/openid-configuration";
        options.Backchannel = cloud.CreateHttpClient();
        options.TokenValidationParameters.IssuerValidator = null;
        options.TokenValidationParameters.ValidIssuer = SandboxTokenService.Issuer(address.BaseUrl);
    }

    public void Configure(JwtBearerOptions options) => Configure(Options.DefaultName, options);
}

/// <summary>Points the portal's OpenID Connect handler at the sandbox tenant.</summary>
internal sealed class SandboxOpenIdConnectSetup(SandboxBaseAddress address, IMicrosoftCloud cloud, SandboxPortalSignIn signIn)
    : IConfigureNamedOptions<OpenIdConnectOptions>
{
    public void Configure(string? name, OpenIdConnectOptions options)
    {
        if (name != OpenIdConnectDefaults.AuthenticationScheme)
        {
            return;
        }
        var authority = SandboxSignInSetup.Authority(address);
        options.Authority = authority;
        options.MetadataAddress = $"{authority}/v2.0/.well-known/openid-configuration";
        options.Backchannel = cloud.CreateHttpClient();
        options.TokenValidationParameters.IssuerValidator = null;
        options.TokenValidationParameters.ValidIssuer = SandboxTokenService.Issuer(address.BaseUrl);
        var received = options.Events.OnAuthorizationCodeReceived;
        options.Events.OnAuthorizationCodeReceived = async context =>
        {
            await received(context);
            context.TokenEndpointRequest!.ClientSecret = await signIn.ClientSecretAsync(context.HttpContext.RequestAborted);
        };
    }

    public void Configure(OpenIdConnectOptions options) => Configure(Options.DefaultName, options);
}
