using FlexMail.Portal.Components;
using FlexMail.Portal.Endpoints;
using FlexMail.Portal.Hosting.Hardening;
using Microsoft.AspNetCore.Diagnostics;
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
        // The not-found page is for a person's GET; a POST or DELETE re-run as the page would only be refused by it.
        app.Use((context, next) =>
        {
            if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method)
                && context.Features.Get<IStatusCodePagesFeature>() is { } statusCodePages)
            {
                statusCodePages.Enabled = false;
            }
            return next(context);
        });
        app.UseFlexMailHardening();
        app.UseHttpsRedirection();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        // Open to anyone, each for its reason: health probes carry no credentials; static assets hold no data.
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(PortalServices.ReadyTag) }).AllowAnonymous();
        app.MapStaticAssets().AllowAnonymous();

        app.MapFlexMailAccount();
        app.MapFlexMailAuthorization();
        app.MapFlexMailIntegratorApi();
        app.MapFlexMailApiReference();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
