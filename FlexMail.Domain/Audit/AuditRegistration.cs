using Microsoft.Extensions.DependencyInjection;

namespace FlexMail.Domain.Audit;

/// <summary>Registers the audit log every change is written to.</summary>
public static class AuditRegistration
{
    public static IServiceCollection AddAudit(this IServiceCollection services) => services
        .AddSingleton<AuditLog>();
}
