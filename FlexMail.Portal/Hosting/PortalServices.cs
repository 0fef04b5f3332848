using FlexMail.Domain.Approvals;
using FlexMail.Domain.Persistence;
using FlexMail.Portal.Endpoints;
using FlexMail.Portal.Hosting.Hardening;
using FlexMail.Portal.Hosting.SignIn;
using FlexMail.Portal.Live;
using FlexMail.Portal.Workers;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MudBlazor.Services;

namespace FlexMail.Portal.Hosting;

/// <summary>Registers the portal's UI, health checks and workers.</summary>
internal static class PortalServices
{
    public const string ReadyTag = "ready";

    public static WebApplicationBuilder AddFlexMailPortal(this WebApplicationBuilder builder)
    {
        // Serve the framework's and packages' static assets from the build output in every environment
        // (ASP.NET Core does so by itself only in Development); a published app has them in wwwroot already.
        builder.WebHost.UseStaticWebAssets();

        var services = builder.Services;
        var configuration = builder.Configuration;
        services.AddRazorComponents().AddInteractiveServerComponents();
        builder.AddFlexMailSignIn();
        services.AddMudServices();
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        services.AddFlexMailApiReference();
        services.AddFlexMailForwardedHeaders(configuration);
        services.AddFlexMailHardening(configuration);
        services.AddScoped<Components.Shared.FileDownloader>();
        services.AddFlexMailLive(configuration);
        services.AddHealthChecks()
            .AddDbContextCheck<FlexMailDbContext>("database", HealthStatus.Unhealthy, [ReadyTag]);

        // Hosted services start in registration order: the schema must exist before any other one
        // (Data Protection's key-ring loader among them) touches the database.
        services.Insert(0, ServiceDescriptor.Singleton<IHostedService, DatabaseMigrationWorker>());
        services.AddHostedService<StartupBanner>();
        services.AddHostedService<KeyEncryptionCertificateWarning>();
        if (configuration.GetSection(ApprovalOptions.SectionName).Get<ApprovalOptions>()?.RunWorkers ?? true)
        {
            services.AddHostedService<ApprovalExpiryWorker>();
            services.AddHostedService<ApprovalOutboxWorker>();
            services.AddHostedService<WebhookWorker>();
            services.AddHostedService<ReplyMonitorWorker>();
        }
        return builder;
    }
}
