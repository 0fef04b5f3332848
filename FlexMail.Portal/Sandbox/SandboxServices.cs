using FlexMail.Domain;
using FlexMail.Domain.Connectivity;
using FlexMail.Portal.Sandbox.Apps;
using FlexMail.Portal.Sandbox.Automation;
using FlexMail.Portal.Sandbox.Directory;
using FlexMail.Portal.Sandbox.Faults;
using FlexMail.Portal.Sandbox.Graph;
using FlexMail.Portal.Sandbox.Identity;
using FlexMail.Portal.Sandbox.Mail;
using FlexMail.Portal.Sandbox.Persistence;
using FlexMail.Portal.Sandbox.QuickSetup;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FlexMail.Portal.Sandbox;

/// <summary>Registers and maps the sandbox tenant when <c>FlexMail:Sandbox:Enabled</c> is true.</summary>
public static class SandboxServices
{
    public const string DatabaseFileName = "sandbox.db";

    public static bool IsSandboxEnabled(this IConfiguration configuration) =>
        configuration.GetSection(SandboxOptions.SectionName).Get<SandboxOptions>()?.Enabled == true;

    public static WebApplicationBuilder AddFlexMailSandbox(this WebApplicationBuilder builder, DataFolder dataFolder)
    {
        var services = builder.Services;
        services.AddOptions<SandboxOptions>().Bind(builder.Configuration.GetSection(SandboxOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();
        if (!builder.Configuration.IsSandboxEnabled())
        {
            return builder;
        }

        services.AddSandboxTenant(dataFolder.File(DatabaseFileName));
        services.AddSingleton<SandboxBaseAddress>();
        services.Replace(ServiceDescriptor.Singleton<IMicrosoftCloud, SandboxMicrosoftCloud>());
        services.AddSingleton<SandboxTokenService>();
        services.AddSandboxGraphFaults();
        services.AddSandboxGraph();
        services.AddSandboxIdentity();
        services.AddHostedService<SandboxStartup>();
        services.AddSandboxQuickSetup();
        services.AddSandboxQuickSetupAtStart();
        return builder;
    }

    /// <summary>
    /// The tenant's state and what its pages use (directory, app registrations, consents, mailboxes, faults) over the
    /// sandbox database in <paramref name="databaseFile"/>; the protocol endpoints are added by <see cref="AddFlexMailSandbox"/>.
    /// </summary>
    public static IServiceCollection AddSandboxTenant(this IServiceCollection services, string databaseFile)
    {
        services.AddDbContextFactory<SandboxDbContext>(options => options.UseSqlite($"Data Source={databaseFile}"));
        services.AddSingleton<SandboxSigningKeys>();
        services.AddSingleton<SandboxMailDelivery>();
        services.AddSingleton<SandboxStore>();
        services.AddSingleton<SandboxDirectory>();
        services.AddSingleton<SandboxAppRegistrations>();
        services.AddSingleton<SandboxPortalApp>();
        services.AddSingleton<SandboxAppRoles>();
        services.AddSingleton<SandboxEnterpriseApps>();
        services.AddSingleton<SandboxAppSeeder>();
        services.AddSingleton<SandboxPortalSignIn>();
        services.AddSingleton<SandboxAppConsents>();
        services.AddSingleton<SandboxMailbox>();
        services.AddSingleton<SandboxRawDelivery>();
        services.AddSingleton<SandboxInboxRuleStore>();
        services.AddSingleton<SandboxReplyGenerator>();
        services.AddSandboxFaults();
        return services;
    }

    public static WebApplication MapFlexMailSandbox(this WebApplication app)
    {
        if (!app.Configuration.IsSandboxEnabled())
        {
            return app;
        }
        app.UseSandboxGraphFaults();
        app.MapSandboxGraph();
        app.MapSandboxIdentity();
        app.MapSandboxMailBody();
        app.MapSandboxAutomation();
        return app;
    }
}
