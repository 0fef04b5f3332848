using Microsoft.Extensions.DependencyInjection;

namespace FlexMail.Domain.ApiKeys;

/// <summary>Registers the integrator API's keys: their store, check and revocation.</summary>
public static class ApiKeysRegistration
{
    public static IServiceCollection AddApiKeys(this IServiceCollection services) => services
        .AddSingleton<ApiKeyService>();
}
