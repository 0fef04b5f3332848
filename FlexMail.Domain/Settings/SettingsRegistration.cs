using Microsoft.Extensions.DependencyInjection;

namespace FlexMail.Domain.Settings;

/// <summary>Registers the email settings, the setup wizard's save and overview, and the reply-folder browser.</summary>
public static class SettingsRegistration
{
    public static IServiceCollection AddEmailSettings(this IServiceCollection services) => services
        .AddSingleton<EmailSettingsValidator>()
        .AddSingleton<EmailSettingsService>()
        .AddSingleton<SetupService>()
        .AddSingleton<SetupOverviewQuery>()
        .AddSingleton<ReplyFolderBrowser>();
}
