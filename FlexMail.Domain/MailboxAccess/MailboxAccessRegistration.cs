using FlexMail.Domain.MailboxAccess.Authorize;
using FlexMail.Domain.MailboxAccess.Connections;
using FlexMail.Domain.MailboxAccess.Tokens;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FlexMail.Domain.MailboxAccess;

/// <summary>Registers mailbox access: the authorize flow, the token sources, and the connections built from them.</summary>
public static class MailboxAccessRegistration
{
    public static IServiceCollection AddMailboxAccess(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OAuthOptions>().Bind(configuration.GetSection(OAuthOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();

        // Authorize: state, PKCE, code redemption, the admin consent return, outcomes, status.
        services.AddSingleton<MailboxUserSettings>();
        services.AddSingleton<AuthorizationCodeRedemption>();
        services.AddSingleton<AdminConsentReturn>();
        services.AddSingleton<MailboxAuthorizationFlow>();
        services.AddSingleton<AuthorizationOutcomes>();
        services.AddSingleton<MailboxAuthorizationStatusQuery>();

        // Tokens: delegated (MSAL, saved token cache) and application (Azure.Identity) token sources.
        services.AddSingleton<OAuthApplicationSecrets>();
        services.AddSingleton<MsalClientFactory>();
        services.AddSingleton<ApplicationTokenSources>();
        services.AddSingleton<DelegatedTokenSources>();

        // Connections: which saved connection a mailbox role uses.
        services.AddSingleton<MailboxConnections>();
        return services;
    }
}
