using FlexMail.Domain.Mail;
using FlexMail.Domain.MailboxAccess.Tokens;
using FlexMail.Domain.OAuthApps;
using FlexMail.Domain.Persistence;
using FlexMail.Domain.Settings;
using Microsoft.EntityFrameworkCore;

namespace FlexMail.Domain.MailboxAccess.Connections;

/// <summary>
/// Builds the connection a mailbox role reaches Graph with, from the SAVED settings only. The incoming role uses the
/// outgoing connection when incoming mail is read with the SMTP User. Application permissions use the application's
/// own credential; delegated permissions need an authorization of the configured user through the configured app.
/// </summary>
public sealed class MailboxConnections(
    IDbContextFactory<FlexMailDbContext> contexts, EmailSettingsService settings, DelegatedTokenSources delegatedTokens, ApplicationTokenSources applicationTokens)
{
    /// <summary>The code of every refusal: the saved settings do not give a usable connection yet.</summary>
    public const string NotUsable = "MailboxConnectionNotUsable";

    /// <summary>A role's connection, or the <see cref="Problem"/> (code <see cref="NotUsable"/>) that says what to do first.</summary>
    public async Task<Result<MailboxConnection>> ForRoleAsync(MailboxRole role, CancellationToken cancellationToken)
    {
        var draft = await settings.GetDraftAsync(cancellationToken);
        var effectiveRole = role == MailboxRole.Incoming && draft.IncomingSameAsOutgoing ? MailboxRole.Outgoing : role;
        var (user, applicationId) = effectiveRole == MailboxRole.Outgoing
            ? (draft.SmtpUser.Trim(), draft.SmtpOAuthApplicationId)
            : (draft.ImapUser.Trim(), draft.ImapOAuthApplicationId);
        var side = effectiveRole == MailboxRole.Outgoing ? "SMTP" : "IMAP";
        var section = effectiveRole == MailboxRole.Outgoing ? "Outgoing (SMTP)" : "Incoming (IMAP)";
        if (user.Length == 0)
        {
            return Refused($"No {side} User is saved.", $"Enter the {side} User in the {section} section of the email settings and save them.");
        }
        if (applicationId is null)
        {
            return Refused($"No OAuth application is chosen for the {side} User {user}.",
                $"Choose the {side} OAuth Application in the {section} section of the email settings and save them.");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var application = await db.OAuthApplications.AsNoTracking().SingleOrDefaultAsync(a => a.Id == applicationId, cancellationToken);
        if (application is null)
        {
            return Refused($"The OAuth application chosen for the {side} User no longer exists.",
                $"Choose another {side} OAuth Application in the email settings and save them.");
        }
        if (application.PermissionMode == PermissionMode.Application)
        {
            return new MailboxConnection(application.Cloud, await ApplicationTokensAsync(application, cancellationToken), PermissionMode.Application, user);
        }

        var authorization = await db.MailboxAuthorizations.AsNoTracking().SingleOrDefaultAsync(a => a.Role == effectiveRole, cancellationToken);
        return authorization switch
        {
            null or { Status: AuthorizationStatus.NotAuthorized } => Refused(
                $"The {side} User {user} is not authorized yet: FlexMail has no sign-in to use.",
                $"Authorize the {side} User first: click Authorize in the {section} section and sign in as {user}."),
            { Status: AuthorizationStatus.NeedsReauthorization } when CredentialRefusal.Caused(authorization.StatusReason) => Refused(
                $"Entra ID refused the credential of '{application.Name}': {authorization.StatusReason}",
                $"Save a new client secret (or certificate) for '{application.Name}' on the OAuth Applications page: the saved sign-in of {user} is then used again, no new sign-in needed."),
            { Status: AuthorizationStatus.NeedsReauthorization } => Refused(
                $"The {side} User {user} must be authorized again: {authorization.StatusReason ?? "Entra ID no longer accepts the saved sign-in."}",
                $"Click Re-Authorize in the {section} section and sign in as {user}."),
            _ when MailboxAuthorization.IsForAnotherUser(authorization.UserPrincipalName, user) => Refused(
                $"The saved sign-in is {authorization.UserPrincipalName}'s, but the {side} User is now {user}.",
                $"Click Re-Authorize in the {section} section and sign in as {user}."),
            _ when MailboxAuthorization.IsThroughAnotherApplication(authorization.OAuthApplicationId, application.Id) => Refused(
                $"The {side} User was authorized with another OAuth application than '{application.Name}', the one now chosen.",
                $"Click Re-Authorize in the {section} section so that {user} signs in through '{application.Name}'."),
            _ => new MailboxConnection(application.Cloud, delegatedTokens.For(effectiveRole), PermissionMode.Delegated, user),
        };
    }

    private static Result<MailboxConnection> Refused(string cause, string fix) => new Problem(NotUsable, cause, fix);

    private async Task<IGraphAccessTokenSource> ApplicationTokensAsync(OAuthApplication application, CancellationToken cancellationToken)
    {
        try
        {
            return await applicationTokens.ForApplicationAsync(application, cancellationToken);
        }
        catch (TokenAcquisitionException ex)
        {
            // The saved credential cannot be used at all: whoever asks for a token hears why, with its cause and fix.
            return new RefusedTokenSource(ex);
        }
    }

    /// <summary>Stands for an application credential that could not even be loaded: every token request answers why.</summary>
    private sealed class RefusedTokenSource(TokenAcquisitionException refusal) : IGraphAccessTokenSource
    {
        public Task<string> GetAccessTokenAsync(CancellationToken cancellationToken) =>
            Task.FromException<string>(new TokenAcquisitionException(refusal.Failure, refusal.InnerException));
    }
}
