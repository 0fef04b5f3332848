using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace FlexMail.Portal.Hosting.Hardening;

/// <summary>Applies <see cref="RequestLimitsOptions"/> to Kestrel, form reading and the Blazor circuit's hub.</summary>
internal static class RequestLimitsSetup
{
    public static IServiceCollection AddFlexMailRequestLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RequestLimitsOptions>().Bind(configuration.GetSection(RequestLimitsOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<RequestLimitsOptions>>((kestrel, limits) =>
            kestrel.Limits.MaxRequestBodySize = limits.Value.MaxRequestBodyBytes);
        services.AddOptions<FormOptions>().Configure<IOptions<RequestLimitsOptions>>((form, limits) =>
        {
            form.ValueCountLimit = limits.Value.MaxFormValueCount;
            form.ValueLengthLimit = limits.Value.MaxFormValueLength;
            form.KeyLengthLimit = limits.Value.MaxFormKeyLength;
            form.MultipartBodyLengthLimit = limits.Value.MaxRequestBodyBytes;
        });
        // The hub-wide options: the circuit's hub takes its message size from them.
        services.AddOptions<HubOptions>().Configure<IOptions<RequestLimitsOptions>>((hub, limits) =>
            hub.MaximumReceiveMessageSize = limits.Value.MaxCircuitMessageBytes);
        return services;
    }

    public static IApplicationBuilder UseFlexMailRequestLimits(this IApplicationBuilder app) =>
        app.UseMiddleware<RequestLimitsMiddleware>();
}
