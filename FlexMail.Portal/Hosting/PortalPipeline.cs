using FlexMail.Portal.Components;
using FlexMail.Portal.Endpoints;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace FlexMail.Portal.Hosting;

/// <summary>The portal's request pipeline and endpoints.</summary>
internal static class PortalPipeline
{
    public static WebApplication UseFlexMailPortal(this WebApplication app)
    {
        if (app.Services.GetRequiredService<ReverseProxyOptions>().IsEnabled)
        {
            app.UseForwardedHeaders();
        }
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
            app.UseHsts();
        }
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseFlexMailHardening();
        app.UseHttpsRedirection();
        app.UseAntiforgery();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(PortalServices.ReadyTag) });

        app.MapFlexMailAuthorization();
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
