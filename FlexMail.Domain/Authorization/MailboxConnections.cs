using FlexMail.Domain.Mail;
using FlexMail.Domain.OAuthApps;
using FlexMail.Domain.Persistence;
using FlexMail.Domain.Settings;
using FlexMail.Domain.Validation;
using Microsoft.EntityFrameworkCore;

namespace FlexMail.Domain.Authorization;

/// <summary>
/// The saved connection a mailbox role reaches Graph with: its user, its OAuth application and where its access
/// tokens come from (the user's delegated authorization, or the application's own credential). Dispose it after use.
/// </summary>
public sealed class MailboxConnection(MailboxRole role, string user, OAuthApplication application, IGraphAccessTokenSource tokens) : IDisposable
{
    public MailboxRole Role { get; } = role;

    /// <summary>The configured mailbox user (SMTP User or IMAP User).</summary>
    public string User { get; } = user;

    public OAuthApplication Application { get; } = application;

    public IGraphAccessTokenSource Tokens { get; } = tokens;

    public void Dispose() => (Tokens as IDisposable)?.Dispose();
}

/// <summary>A role's connection, or why it cannot be made yet, in plain words with the fix.</summary>
public sealed record MailboxConnectionResult(MailboxConnection? Connection, string? Problem);

/// <summary>
/// Builds a role's connection from the SAVED settings. The incoming role uses the outgoing connection when the email
/// settings say incoming mail is read with the SMTP User; a delegated connection needs an authorization that holds.
/// </summary>
public sealed class MailboxConnections(
    IDbContextFactory<FlexMailDbContext> contexts, EmailSettingsService settings, DelegatedTokenSources delegatedTokens, GraphTokenSources applicationTokens)
{
    public async Task<MailboxConnectionResult> ForRoleAsync(MailboxRole role, CancellationToken cancellationToken)
    {
        var draft = await settings.GetDraftAsync(cancellationToken);
        var effectiveRole = role == MailboxRole.Incoming && draft.IncomingSameAsOutgoing ? MailboxRole.Outgoing : role;
        var (user, applicationId) = effectiveRole == MailboxRole.Outgoing
            ? (draft.SmtpUser.Trim(), draft.SmtpOAuthApplicationId)
            : (draft.ImapUser.Trim(), draft.ImapOAuthApplicationId);
        var side = effectiveRole == MailboxRole.Outgoing ? "SMTP" : "IMAP";
        if (user.Length == 0 || applicationId is null)
        {
            return new(null, $"The {side} User and its OAuth application are not saved yet: enter them in the email settings and save.");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var application = await db.OAuthApplications.AsNoTracking().SingleOrDefaultAsync(a => a.Id == applicationId, cancellationToken);
        if (application is null)
        {
            return new(null, $"The OAuth application chosen for the {side} User no longer exists: choose another one in the email settings.");
        }
        if (application.PermissionMode == PermissionMode.Application)
        {
            try
            {
                return new(new MailboxConnection(effectiveRole, user, application,
                    await applicationTokens.ForApplicationAsync(application, cancellationToken)), null);
            }
            catch (TokenAcquisitionException ex)
            {
                return new(null, $"{ex.Failure.Cause} {ex.Failure.Fix}");
            }
        }

        var authorization = await db.MailboxAuthorizations.AsNoTracking().SingleOrDefaultAsync(a => a.Role == effectiveRole, cancellationToken);
        return authorization?.Status switch
        {
            AuthorizationStatus.Authorized when !Formats.SameAddress(authorization.UserPrincipalName, user) =>
                new(null, $"The {side} User is authorized as {authorization.UserPrincipalName}, but the settings now name {user}: click Re-Authorize and sign in as {user}."),
            AuthorizationStatus.Authorized when authorization.OAuthApplicationId != application.Id =>
                new(null, $"The {side} User was authorized through another OAuth application than '{application.Name}', the one the settings now name: click Re-Authorize."),
            AuthorizationStatus.Authorized =>
                new(new MailboxConnection(effectiveRole, user, application, delegatedTokens.For(effectiveRole)), null),
            AuthorizationStatus.NeedsReauthorization =>
                new(null, $"The {side} User must be authorized again: {authorization.StatusReason} Click Re-Authorize."),
            _ => new(null, $"The {side} User is not authorized yet: click Authorize and sign in as {user}."),
        };
    }
}
