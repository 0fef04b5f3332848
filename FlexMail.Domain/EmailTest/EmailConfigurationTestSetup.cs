using FlexMail.Domain.MailboxAccess;
using FlexMail.Domain.MailboxAccess.Connections;
using FlexMail.Domain.Settings;
using FlexMail.Domain.Validation;

namespace FlexMail.Domain.EmailTest;

/// <summary>
/// Builds Test Email Configuration's request from the SAVED email settings (never from what is typed on a page and not
/// saved): the sending connection from the SMTP User's OAuth application, a reading connection of its own when email
/// approval is on and the incoming (IMAP) user differs, and the test recipient. A token source is picked by the
/// application's permission mode: the saved delegated sign-in, or the application's own credential.
/// </summary>
public sealed class EmailConfigurationTestSetup(
    EmailSettingsService settings, MailboxConnections connections)
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
            var sending = await ConnectAsync(MailboxRole.Outgoing, prepared, cancellationToken);
            if (sending.Problem is { } sendingProblem)
            {
                return prepared.Failed(sendingProblem);
            }
            MailboxConnection? reading = null;
            if (draft.EmailApprovalEnabled && !draft.IncomingSameAsOutgoing)
            {
                var incoming = await ConnectAsync(MailboxRole.Incoming, prepared, cancellationToken);
                if (incoming.Problem is { } incomingProblem)
                {
                    return prepared.Failed(incomingProblem);
                }
                reading = incoming.Value;
            }
            var connection = sending.Value!;
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

    private async Task<Result<MailboxConnection>> ConnectAsync(MailboxRole role, PreparedTest owner, CancellationToken cancellationToken)
    {
        var result = await connections.ForRoleAsync(role, cancellationToken);
        if (result.Value is { } connection)
        {
            owner.Own(connection);
        }
        return result;
    }

    private static string FromAddress(EmailSettingsDraft draft) =>
        string.IsNullOrWhiteSpace(draft.SmtpFromAddress) ? draft.SmtpUser.Trim() : draft.SmtpFromAddress.Trim();

    private static string DefaultRecipient(EmailSettingsDraft draft) => FromAddress(draft);
}

/// <summary>A request ready to run (owning its token sources until disposed), or why there is none.</summary>
public sealed class PreparedTest : IDisposable
{
    private readonly List<IDisposable> _owned = [];

    public EmailConfigurationTestRequest? Request { get; internal set; }

    /// <summary>Code of a problem found before any step ran (nothing saved, no SMTP User, a bad recipient).</summary>
    public const string CannotRunCode = "EmailTestCannotRun";

    public Problem? Problem { get; private set; }

    internal static PreparedTest CannotRun(string cause, string fix) => new() { Problem = new(CannotRunCode, cause, fix) };

    internal PreparedTest Failed(Problem problem)
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
