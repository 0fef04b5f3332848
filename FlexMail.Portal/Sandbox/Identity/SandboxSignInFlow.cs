using FlexMail.Portal.Sandbox.Apps;
using FlexMail.Portal.Sandbox.Directory;
using Microsoft.AspNetCore.Antiforgery;

namespace FlexMail.Portal.Sandbox.Identity;

/// <summary>
/// The authorization endpoint: validates the client and its redirect URI (errors on a page), lets the person pick
/// a sandbox user, refuses a user the app requires to be assigned (AADSTS50105), asks consent for Graph permissions not
/// yet granted, and sends an authorization code back.
/// </summary>
public sealed partial class SandboxSignInFlow(
    SandboxAppRegistrations apps,
    SandboxDirectory directory,
    SandboxGrants grants,
    SandboxEnterpriseApps enterpriseApps,
    SandboxAuthorizeRequestProtector protector,
    IAntiforgery antiforgery,
    TimeProvider clock,
    ILogger<SandboxSignInFlow> logger)
{
    public async Task<IResult> ShowAsync(HttpContext context, string tenant, CancellationToken cancellationToken)
    {
        var (client, errorPage) = await SandboxRegisteredClient.FindAsync(context, apps, clock, cancellationToken);
        if (client is null)
        {
            return errorPage!;
        }
        var (app, redirectUri, query) = (client.App, client.RedirectUri, context.Request.Query);

        var request = SandboxAuthorizeRequest.FromQuery(tenant, app.AppId, redirectUri, query);
        var scopes = GraphScopes.Parse(request.Scope);
        var problem = query["response_type"] != "code" ? EntraErrors.UnsupportedResponseType(query["response_type"])
            : request.CodeChallenge is not null && request.CodeChallengeMethod != "S256" ? EntraErrors.PkceMethodNotSupported()
            : scopes.UnknownResource is { } unknown ? EntraErrors.ResourceNotFound(unknown)
            : null;
        if (problem is not null)
        {
            return request.RespondToClient(EntraResponses.RedirectParameters(context, problem, request.State, clock));
        }

        var hinted = await grants.FindUserByNameAsync(request.LoginHint, cancellationToken);
        if (request.Prompt == "none")
        {
            return hinted is { CanSignIn: true }
                ? await ContinueAsync(context, app, request, hinted, interactive: false, cancellationToken)
                : request.RespondToClient(EntraResponses.RedirectParameters(context, EntraErrors.LoginRequired(), request.State, clock));
        }
        // The sandbox keeps no sign-in session, so the account chooser is always shown (prompt=select_account is always
        // honoured); the hinted account is chosen in it so that signing in as the expected user is one click.
        return await SignInPageAsync(context, app, request, hinted?.Id, null, cancellationToken);
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
            return EntraResponses.Page(context, RequestExpired(), clock);
        }

        switch (form["action"].ToString())
        {
            case "sign-in":
                var user = Guid.TryParse(form["user"], out var userId) ? await grants.FindUserAsync(userId, cancellationToken) : null;
                if (user is not { CanSignIn: true })
                {
                    return await SignInPageAsync(context, app, request, null, "Choose an account to sign in with.", cancellationToken);
                }
                LogSignedIn(logger, user.UserPrincipalName, app.AppId);
                return await ContinueAsync(context, app, request with { UserId = user.Id }, user, interactive: true, cancellationToken);
            case "accept" when request.UserId is { } consenting:
                var permissions = GraphScopes.DelegatedPermissions(GraphScopes.Parse(request.Scope), app.DelegatedPermissions);
                await grants.GrantForUserAsync(app, consenting, permissions, cancellationToken);
                LogConsented(logger, consenting, app.AppId, string.Join(' ', permissions));
                return await IssueCodeAsync(request, consenting, cancellationToken);
            case "cancel":
                return request.RespondToClient(EntraResponses.RedirectParameters(context, EntraErrors.UserDeclinedConsent(), request.State, clock));
            default:
                return EntraResponses.Page(context, RequestExpired(), clock);
        }
    }

    private async Task<IResult> ContinueAsync(HttpContext context, SandboxApplication app, SandboxAuthorizeRequest request, SandboxUser user,
        bool interactive, CancellationToken cancellationToken)
    {
        if (!(await enterpriseApps.UserAccessAsync(app, user.Id, cancellationToken)).MaySignIn)
        {
            LogNotAssigned(logger, user.UserPrincipalName, app.AppId);
            // Entra shows this on its own page; only a silent request (no page to show) gets it back at the redirect URI.
            return interactive
                ? EntraResponses.Page(context, EntraErrors.UserNotAssigned(app.DisplayName, app.AppId, user.UserPrincipalName), clock)
                : request.RespondToClient(EntraResponses.RedirectParameters(context,
                    EntraErrors.UserNotAssigned(app.DisplayName, app.AppId, user.UserPrincipalName, "access_denied"), request.State, clock));
        }
        var wanted = GraphScopes.DelegatedPermissions(GraphScopes.Parse(request.Scope), app.DelegatedPermissions);
        var missing = GraphScopes.Missing(wanted, await grants.GrantedScopesAsync(app, user.Id, cancellationToken));
        var askConsent = missing.Count > 0 || (request.Prompt == "consent" && wanted.Count > 0);
        if (askConsent && !interactive)
        {
            return request.RespondToClient(EntraResponses.RedirectParameters(context, EntraErrors.ConsentRequired(app.AppId, app.DisplayName), request.State, clock));
        }
        if (askConsent)
        {
            var fields = FormFields(context, request with { UserId = user.Id });
            EntraResponses.NoStore(context);
            return SandboxIdentityPages.Html(SandboxIdentityPages.Consent(app.DisplayName, user, wanted, fields));
        }
        return await IssueCodeAsync(request, user.Id, cancellationToken);
    }

    private async Task<IResult> IssueCodeAsync(SandboxAuthorizeRequest request, Guid userId, CancellationToken cancellationToken)
    {
        var code = await grants.IssueCodeAsync(request, userId, cancellationToken);
        return request.RespondToClient(new Dictionary<string, string?> { ["code"] = code, ["state"] = request.State });
    }

    private async Task<IResult> SignInPageAsync(HttpContext context, SandboxApplication app, SandboxAuthorizeRequest request, Guid? selected,
        string? problem, CancellationToken cancellationToken)
    {
        var users = (await directory.ListUsersAsync(cancellationToken)).Where(u => u.CanSignIn);
        EntraResponses.NoStore(context);
        return SandboxIdentityPages.Html(SandboxIdentityPages.SignIn(app.DisplayName, users, selected, FormFields(context, request), problem));
    }

    private IReadOnlyList<HiddenField> FormFields(HttpContext context, SandboxAuthorizeRequest request)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        return [new("request", protector.Protect(request)), new(tokens.FormFieldName, tokens.RequestToken!)];
    }

    internal static EntraError RequestExpired() => new("invalid_request", 90014,
        "The sign-in request has expired or is not valid. Start the sign-in again from the application.");

    [LoggerMessage(Level = LogLevel.Information, Message = "Sandbox sign-in: {UserPrincipalName} signed in to app {ClientId}")]
    private static partial void LogSignedIn(ILogger logger, string userPrincipalName, Guid clientId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sandbox sign-in refused: {UserPrincipalName} is not assigned to app {ClientId} (AADSTS50105)")]
    private static partial void LogNotAssigned(ILogger logger, string userPrincipalName, Guid clientId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sandbox consent: user {UserId} granted app {ClientId} the permissions {Scopes}")]
    private static partial void LogConsented(ILogger logger, Guid userId, Guid clientId, string scopes);
}
