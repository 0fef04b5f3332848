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

    internal static string MetadataAddress(SandboxBaseAddress address) => $"{Authority(address)}/v2.0/.well-known/openid-configuration";

    /// <summary>Tokens must come from the sandbox tenant at the sandbox's own address (not Entra's multi-tenant issuer rule).</summary>
    internal static void RequireSandboxIssuer(Microsoft.IdentityModel.Tokens.TokenValidationParameters validation, SandboxBaseAddress address)
    {
        validation.IssuerValidator = null;
        validation.ValidIssuer = SandboxTokenService.Issuer(address.BaseUrl);
    }
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
        (options.Authority, options.MetadataAddress) = (SandboxSignInSetup.Authority(address), SandboxSignInSetup.MetadataAddress(address));
        options.Backchannel = cloud.CreateHttpClient();
        SandboxSignInSetup.RequireSandboxIssuer(options.TokenValidationParameters, address);
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
        (options.Authority, options.MetadataAddress) = (SandboxSignInSetup.Authority(address), SandboxSignInSetup.MetadataAddress(address));
        options.Backchannel = cloud.CreateHttpClient();
        SandboxSignInSetup.RequireSandboxIssuer(options.TokenValidationParameters, address);
        var received = options.Events.OnAuthorizationCodeReceived;
        options.Events.OnAuthorizationCodeReceived = async context =>
        {
            await received(context);
            context.TokenEndpointRequest!.ClientSecret = await signIn.ClientSecretAsync(context.HttpContext.RequestAborted);
        };
    }

    public void Configure(OpenIdConnectOptions options) => Configure(Options.DefaultName, options);
}
