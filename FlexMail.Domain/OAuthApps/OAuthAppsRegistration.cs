using Microsoft.Extensions.DependencyInjection;

namespace FlexMail.Domain.OAuthApps;

/// <summary>Registers the OAuth applications (the apps registered in Entra ID): their rules and their store.</summary>
public static class OAuthAppsRegistration
{
    public static IServiceCollection AddOAuthApplications(this IServiceCollection services) => services
        .AddSingleton<OAuthApplicationValidator>()
        .AddSingleton<OAuthApplicationService>();
}
