using FlexMail.Portal.Sandbox.Apps;
using FlexMail.Portal.Sandbox.Directory;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.WebUtilities;

namespace FlexMail.Portal.Sandbox.Identity;

/// <summary>
/// The admin consent endpoint (<c>/{tenant}/v2.0/adminconsent</c>): an administrator grants every permission the
/// app registration asks for, for all users, and the browser goes back with <c>admin_consent=True</c>. In the
/// sandbox any member may act as administrator.
/// </summary>
public sealed partial class SandboxAdminConsentFlow(
    SandboxAppRegistrations apps,
    SandboxAppRoles appRoles,
    SandboxDirectory directory,
    SandboxAuthorizeRequestProtector protector,
    IAntiforgery antiforgery,
    TimeProvider clock,
    ILogger<SandboxAdminConsentFlow> logger)
{
    public async Task<IResult> ShowAsync(HttpContext context, string tenant, CancellationToken cancellationToken)
    {
        var (client, errorPage) = await SandboxRegisteredClient.FindAsync(context, apps, clock, cancellationToken);
        if (client is null)
        {
            return errorPage!;
        }
        var (app, redirectUri, query) = (client.App, client.RedirectUri, context.Request.Query);

        var request = SandboxAuthorizeRequest.FromQuery(tenant, app.AppId, redirectUri, query) with { ResponseMode = "query" };
        var admins = (await directory.ListUsersAsync(cancellationToken)).Where(u => u.CanSignIn);
        var tokens = antiforgery.GetAndStoreTokens(context);
        HiddenField[] fields = [new("request", protector.Protect(request)), new(tokens.FormFieldName, tokens.RequestToken!)];
        EntraResponses.NoStore(context);
        // Application permissions: Microsoft Graph's, then the roles asked for on other sandbox apps ("FlexMail Portal: FlexMail.Integrator").
        var apiRoles = (await appRoles.ListApplicationRolesAsync(cancellationToken))
            .Where(role => app.ApiApplicationPermissions.Contains(role.Permission)).Select(role => role.Name);
        return SandboxIdentityPages.Html(SandboxIdentityPages.AdminConsent(app.DisplayName, app.DelegatedPermissions,
            [.. app.ApplicationPermissions, .. apiRoles], admins, fields));
    }

    public async Task<IResult> SubmitAsync(HttpContext context, CancellationToken cancellationToken)
    {
        // Checked here rather than by form binding, so that a stale or forged form gets a page, not a bare 400.
        if (!context.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(context))
        {
            return EntraResponses.Page(context, SandboxSignInFlow.RequestExpired(), clock);
        }
        var form = await context.Request.ReadFormAsync(cancellationToken);
        var request = protector.Unprotect(form["request"]);
        var app = request is null ? null : await apps.FindByClientIdAsync(request.ClientId, cancellationToken);
        if (request is null || app is null)
        {
            return EntraResponses.Page(context, SandboxSignInFlow.RequestExpired(), clock);
        }
        if (form["action"] != "accept")
        {
            var declined = EntraResponses.RedirectParameters(context, EntraErrors.UserDeclinedConsent(), request.State, clock)
                .Append(new KeyValuePair<string, string?>("error_subcode", "cancel"));
            return Results.Redirect(QueryHelpers.AddQueryString(request.RedirectUri, declined.Where(p => p.Value is not null)!));
        }

        await apps.GrantAdminConsentAsync(app.AppId, cancellationToken);
        LogAdminConsent(logger, form["user"].ToString(), app.AppId);
        return Results.Redirect(QueryHelpers.AddQueryString(request.RedirectUri, new Dictionary<string, string?>
        {
            ["admin_consent"] = "True",
            ["tenant"] = SandboxTenant.TenantId.ToString(),
            ["state"] = request.State,
            ["scope"] = request.Scope.Length > 0 ? request.Scope : $"{SandboxTenant.GraphResource}/.default",
        }.Where(p => p.Value is not null)!));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sandbox admin consent: user {UserId} granted app {ClientId} its permissions for all users")]
    private static partial void LogAdminConsent(ILogger logger, string userId, Guid clientId);
}
