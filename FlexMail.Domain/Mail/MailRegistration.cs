using Microsoft.Extensions.DependencyInjection;

namespace FlexMail.Domain.Mail;

/// <summary>Registers the mail gateway factory: Microsoft Graph mail for one mailbox connection at a time.</summary>
public static class MailRegistration
{
    public static IServiceCollection AddMailGateway(this IServiceCollection services) => services
        .AddSingleton<MailGatewayFactory>();
}
