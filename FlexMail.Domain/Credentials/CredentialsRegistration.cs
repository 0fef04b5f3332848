using Microsoft.Extensions.DependencyInjection;

namespace FlexMail.Domain.Credentials;

/// <summary>Registers the credential library: certificates and private keys, parsed, paired and stored protected.</summary>
public static class CredentialsRegistration
{
    public static IServiceCollection AddCredentials(this IServiceCollection services) => services
        .AddSingleton<CredentialService>();
}
