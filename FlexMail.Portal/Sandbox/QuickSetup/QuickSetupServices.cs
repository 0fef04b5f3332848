namespace FlexMail.Portal.Sandbox.QuickSetup;

/// <summary>Registers "Try with the sandbox" and its unattended run at start (<c>FlexMail:Sandbox:QuickSetup</c>).</summary>
public static class QuickSetupServices
{
    /// <summary>The quick setup's steps and runner; the start-up run is added by <see cref="AddSandboxQuickSetupAtStart"/>.</summary>
    public static IServiceCollection AddSandboxQuickSetup(this IServiceCollection services) => services
        .AddSingleton<RealSetupCheck>()
        .AddSingleton<RegisterSandboxAppStep>()
        .AddSingleton<CreateSecretStep>()
        .AddSingleton<SaveSettingsStep>()
        .AddSingleton<SandboxServiceUserSignIn>()
        .AddSingleton<AuthorizeServiceUserStep>()
        .AddSingleton<TestConfigurationStep>()
        .AddSingleton<ISandboxQuickSetup, SandboxQuickSetup>();

    /// <summary>Register after the sandbox's own start-up, so that it runs once the sandbox is seeded and the portal listens.</summary>
    public static IServiceCollection AddSandboxQuickSetupAtStart(this IServiceCollection services) =>
        services.AddHostedService<QuickSetupStartup>();
}
