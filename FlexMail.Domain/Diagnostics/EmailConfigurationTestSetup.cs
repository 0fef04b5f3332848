using FlexMail.Domain.Authorization;
using FlexMail.Domain.Mail;
using FlexMail.Domain.OAuthApps;
using FlexMail.Domain.Persistence;
using FlexMail.Domain.Settings;
using FlexMail.Domain.Validation;
using Microsoft.EntityFrameworkCore;

namespace FlexMail.Domain.Diagnostics;

/// <summary>Why Test Email Configuration cannot run at all with the saved settings, and what to do first.</summary>
public sealed record EmailConfigurationTestProblem(string Cause, string Fix);

/// <summary>
/// Builds Test Email Configuration's request from the SAVED email settings (never from what is typed on a page and not
/// saved): the sending connection from the SMTP User's OAuth application, a reading connection of its own when email
/// approval is on and the incoming (IMAP) user differs, and the test recipient. A token source is picked by the
/// application's permission mode: the saved delegated sign-in, or the application's own credential.
/// </summary>
public sealed class EmailConfigurationTestSetup(
    IDbContextFactory<FlexMailDbContext> contexts, EmailSettingsService settings, DelegatedTokenSources delegated, GraphTokenSources applications)
{
    /// <summary>The saved SMTP From Address (else the SMTP User): where the test mail goes unless the admin names someone else.</summary>
    public async Task<string> DefaultRecipientAsync(CancellationToken cancellationToken) =>
        DefaultRecipient(await settings.GetDraftAsync(cancellationToken));

    /// <summary>The request, ready to run, or the problem that keeps the test from running. The caller disposes the result.</summary>
    public async Task<PreparedTest> PrepareAsync(string? recipient, CancellationToken cancellationToken)
    {
        if (!await settings.ExistsAsync(cancellationToken))
        {
            return PreparedTest.CannotRun("No email settings are saved yet, and the test uses the saved settings.",
                "Enter the SMTP User, SMTP OAuth Application and SMTP From Address in the email settings, save them, then test.");
        }
        var draft = await settings.GetDraftAsync(cancellationToken);
        var smtpUser = draft.SmtpUser.Trim();
        if (smtpUser.Length == 0)
        {
            return PreparedTest.CannotRun("No SMTP User is saved: there is no mailbox to send the test mail through.",
                "Enter the SMTP User in the email settings and save them, then test.");
        }
        var to = string.IsNullOrWhiteSpace(recipient) ? DefaultRecipient(draft) : recipient.Trim();
        if (!Formats.IsEmailAddress(to))
        {
            return PreparedTest.CannotRun($"The test recipient '{to}' is not an email address.",
                "Enter the test recipient as an address such as name@contoso.com, or leave it empty to send to the SMTP From Address.");
        }

        var prepared = new PreparedTest();
        try
        {
            var sending = await ConnectAsync(MailboxRole.Outgoing, smtpUser, draft.SmtpOAuthApplicationId, prepared, cancellationToken);
            if (sending.Problem is not null)
            {
                return prepared.Failed(sending.Problem);
            }
            MailboxConnection? reading = null;
            if (draft.EmailApprovalEnabled && !draft.IncomingSameAsOutgoing)
            {
                var incoming = await ConnectAsync(MailboxRole.Incoming, draft.IncomingUser, draft.ImapOAuthApplicationId, prepared, cancellationToken);
                if (incoming.Problem is not null)
                {
                    return prepared.Failed(incoming.Problem);
                }
                reading = incoming.Connection;
            }
            var connection = sending.Connection!;
            prepared.Request = new EmailConfigurationTestRequest(connection.Cloud, connection.Tokens, connection.PermissionMode, smtpUser,
                FromAddress(draft), to, draft.EmailApprovalEnabled ? draft.ReplyMailbox : null, draft.EmailApprovalEnabled ? draft.EmailReplyFolder : null)
            {
                ReadingConnection = reading,
            };
            return prepared;
        }
        catch
        {
            prepared.Dispose();
            throw;
        }
    }

    private async Task<(MailboxConnection? Connection, EmailConfigurationTestProblem? Problem)> ConnectAsync(
        MailboxRole role, string user, Guid? applicationId, PreparedTest owner, CancellationToken cancellationToken)
    {
        var side = role == MailboxRole.Outgoing ? "SMTP" : "IMAP";
        var section = role == MailboxRole.Outgoing ? "Outgoing (SMTP)" : "Incoming (IMAP)";
        if (user.Length == 0)
        {
            return (null, new($"No {side} User is saved.", $"Enter the {side} User in the {section} section of the email settings and save them."));
        }
        if (applicationId is null)
        {
            return (null, new($"No OAuth application is chosen for the {side} User {user}.",
                $"Choose the {side} OAuth Application in the {section} section of the email settings and save them."));
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var application = await db.OAuthApplications.AsNoTracking().SingleOrDefaultAsync(a => a.Id == applicationId, cancellationToken);
        if (application is null)
        {
            return (null, new($"The OAuth application chosen for the {side} User no longer exists.",
                $"Choose another {side} OAuth Application in the email settings and save them."));
        }
        if (application.PermissionMode == PermissionMode.Application)
        {
            IGraphAccessTokenSource tokens;
            try
            {
                var source = await applications.ForApplicationAsync(application, cancellationToken);
                owner.Own(source);
                tokens = source;
            }
            catch (TokenAcquisitionException ex)
            {
                // The saved credential cannot be used at all: the test's "Acquire token" step reports it with its cause and fix.
                tokens = new RefusedTokenSource(ex);
            }
            return (new MailboxConnection(application.Cloud, tokens, PermissionMode.Application, user), null);
        }

        var authorization = await db.MailboxAuthorizations.AsNoTracking().SingleOrDefaultAsync(a => a.Role == role, cancellationToken);
        var problem = authorization switch
        {
            null or { Status: AuthorizationStatus.NotAuthorized } => new EmailConfigurationTestProblem(
                $"The {side} User {user} is not authorized yet: FlexMail has no sign-in to test with.",
                $"Authorize the {side} User first: click Authorize in the {section} section and sign in as {user}."),
            { Status: AuthorizationStatus.NeedsReauthorization } => new EmailConfigurationTestProblem(
                $"The {side} User {user} must be authorized again: {authorization.StatusReason ?? "Entra ID no longer accepts the saved sign-in."}",
                $"Click Re-Authorize in the {section} section and sign in as {user}."),
            _ when !Formats.SameAddress(authorization.UserPrincipalName, user) => new EmailConfigurationTestProblem(
                $"The saved sign-in is {authorization.UserPrincipalName}'s, but the {side} User is now {user}.",
                $"Click Re-Authorize in the {section} section and sign in as {user}."),
            _ when authorization.OAuthApplicationId != application.Id => new EmailConfigurationTestProblem(
                $"The {side} User was authorized with another OAuth application than '{application.Name}', the one now chosen.",
                $"Click Re-Authorize in the {section} section so that {user} signs in through '{application.Name}'."),
            _ => null,
        };
        return problem is null
            ? (new MailboxConnection(application.Cloud, delegated.For(role), PermissionMode.Delegated, user), null)
            : (null, problem);
    }

    private static string FromAddress(EmailSettingsDraft draft) =>
        string.IsNullOrWhiteSpace(draft.SmtpFromAddress) ? draft.SmtpUser.Trim() : draft.SmtpFromAddress.Trim();

    private static string DefaultRecipient(EmailSettingsDraft draft) => FromAddress(draft);

    /// <summary>Stands for an application credential that could not even be loaded: every token request answers why.</summary>
    private sealed class RefusedTokenSource(TokenAcquisitionException refusal) : IGraphAccessTokenSource
    {
        public Task<string> GetAccessTokenAsync(CancellationToken cancellationToken) =>
            Task.FromException<string>(new TokenAcquisitionException(refusal.Failure, refusal.InnerException));
    }
}

/// <summary>A request ready to run (owning its token sources until disposed), or why there is none.</summary>
public sealed class PreparedTest : IDisposable
{
    private readonly List<IDisposable> _owned = [];

    public EmailConfigurationTestRequest? Request { get; internal set; }

    public EmailConfigurationTestProblem? Problem { get; private set; }

    internal static PreparedTest CannotRun(string cause, string fix) => new() { Problem = new(cause, fix) };

    internal PreparedTest Failed(EmailConfigurationTestProblem problem)
    {
        Dispose();
        Problem = problem;
        return this;
    }

    internal void Own(IDisposable disposable) => _owned.Add(disposable);

    public void Dispose()
    {
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }
        _owned.Clear();
    }
}
