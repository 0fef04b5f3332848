using Microsoft.Extensions.DependencyInjection;

namespace FlexMail.Domain.EmailTest;

/// <summary>Registers Test Email Configuration: the test, its setup from the saved settings, the runner and the stored results.</summary>
public static class EmailTestRegistration
{
    public static IServiceCollection AddEmailConfigurationTest(this IServiceCollection services)
    {
        services.AddSingleton<EmailConfigurationTest>();
        services.AddSingleton<EmailConfigurationTestSetup>();
        services.AddSingleton<EmailConfigurationTestHistory>();
        services.AddSingleton<EmailConfigurationTestRunner>();
        services.AddSingleton<IEmailConfigurationTestRunner>(provider => provider.GetRequiredService<EmailConfigurationTestRunner>());
        return services;
    }
}
