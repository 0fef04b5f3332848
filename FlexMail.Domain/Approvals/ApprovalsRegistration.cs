using FlexMail.Domain.Approvals.Outbox;
using FlexMail.Domain.Approvals.Replies;
using FlexMail.Domain.Approvals.Webhooks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FlexMail.Domain.Approvals;

/// <summary>Registers approvals: requests, decisions, expiry, reminders, queries, the approval-mail outbox and the webhooks.</summary>
public static class ApprovalsRegistration
{
    public static IServiceCollection AddApprovals(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ApprovalOptions>().Bind(configuration.GetSection(ApprovalOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<InstallationCodes>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<WebhookSignal>();
        services.AddSingleton<ApprovalOutbox>();
        services.AddSingleton<WebhookOutbox>();
        services.AddSingleton<ApprovalClosing>();
        services.AddSingleton<ApprovalService>();
        services.AddSingleton<ApprovalDecider>();
        services.AddSingleton<ApprovalLifecycle>();
        services.AddSingleton<ApprovalQueries>();
        services.TryAddSingleton<IOutboxHooks, NoOutboxHooks>();
        services.AddSingleton<ApprovalMailSender>();
        services.AddReplyMonitor(configuration);
        services.AddSingleton<WebhookSecrets>();
        services.AddSingleton<WebhookSender>();
        // Callbacks go where integrators point them: no redirects followed (a 3xx is an answer to record), no cookies.
        services.AddHttpClient(WebhookSender.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
        return services;
    }
}
