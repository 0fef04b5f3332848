using FlexMail.Domain.Mail;
using FlexMail.Domain.MailboxAccess.Tokens;
using FlexMail.Domain.OAuthApps;
using Microsoft.Extensions.Logging;

namespace FlexMail.Domain.EmailTest;

/// <summary>
/// Test Email Configuration: proves a mailbox connection works, step by step, each step with its own verdict, timing,
/// summary and (on failure) plain-language cause and fix:
/// <list type="number">
/// <item>Acquire token: the connection's token source; everything after needs it.</item>
/// <item>Who am I: the signed-in user (delegated only), warned about when it is not the SMTP User.</item>
/// <item>Send a test mail from the From address to the test recipient.</item>
/// <item>Open the reply folder in the reply mailbox.</item>
/// <item>Read one message of the reply folder (an empty folder passes).</item>
/// </list>
/// Sending and reading are tested independently: a refused send (no Send As, say) does not skip the reply folder,
/// because reading rests on other rights (Full Access, Mail.Read*) and one run should show every problem. Only a
/// missing token skips what needs it (everything, unless the incoming user reads the reply folder with a connection of
/// its own), and a reply folder that cannot be opened skips reading it. With email approval off there is no reply
/// folder: its steps are skipped, saying so.
/// </summary>
public sealed class EmailConfigurationTest
{
    private readonly Func<CloudInstance, IGraphAccessTokenSource, IMailGateway> _gateways;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;

    public EmailConfigurationTest(MailGatewayFactory gateways, TimeProvider clock, ILogger<EmailConfigurationTest> logger)
        : this(gateways.Create, clock, logger)
    {
    }

    internal EmailConfigurationTest(Func<CloudInstance, IGraphAccessTokenSource, IMailGateway> gateways, TimeProvider clock, ILogger logger)
    {
        _gateways = gateways;
        _clock = clock;
        _logger = logger;
    }

    /// <summary>Runs every step; each result is reported to <paramref name="progress"/> as soon as it is known.</summary>
    public async Task<EmailConfigurationTestReport> RunAsync(EmailConfigurationTestRequest request, IProgress<TestStepResult>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var startedAt = _clock.GetUtcNow();
        var steps = new List<TestStepResult>();
        void Record(TestStepResult result)
        {
            steps.Add(result);
            EmailConfigurationTestLog.StepDone(_logger, result.Step, result.Verdict, (long)result.Duration.TotalMilliseconds, result.Code);
            progress?.Report(result);
        }

        var token = await TimedAsync(TestStep.AcquireToken, ct => AcquireTokenAsync(request, ct), cancellationToken);
        Record(token);
        var separateReading = request.ReadingConnection is not null;
        if (token.Verdict == TestVerdict.Failed)
        {
            Record(TestStepTexts.SkippedAfter(TestStep.WhoAmI, TestStep.AcquireToken));
            Record(TestStepTexts.SkippedAfter(TestStep.SendTestMail, TestStep.AcquireToken));
            if (!separateReading || !request.ReadsReplies)
            {
                RecordReplyFolderSkipped(request, Record);
                return Finish(request, startedAt, steps);
            }
        }
        else
        {
            using var gateway = _gateways(request.Cloud, request.Tokens);
            Record(request.PermissionMode == PermissionMode.Application
                ? TestStepTexts.NoSignedInUser()
                : await TimedAsync(TestStep.WhoAmI, ct => WhoAmIAsync(gateway, request, ct), cancellationToken));
            Record(await TimedAsync(TestStep.SendTestMail, ct => SendAsync(gateway, request, ct), cancellationToken));
            if (!separateReading || !request.ReadsReplies)
            {
                await ReadReplyFolderAsync(gateway, request, Record, cancellationToken);
                return Finish(request, startedAt, steps);
            }
        }

        // The incoming user reads with a connection of its own: its own token, its own rights.
        var reading = request.ReadingConnection!;
        using (var readingGateway = _gateways(reading.Cloud, reading.Tokens))
        {
            await ReadReplyFolderAsync(readingGateway, request, Record, cancellationToken);
        }
        return Finish(request, startedAt, steps);
    }

    /// <summary>Open the reply folder, then read one message of it (skipped when the folder could not be opened).</summary>
    private async Task ReadReplyFolderAsync(IMailGateway gateway, EmailConfigurationTestRequest request, Action<TestStepResult> record,
        CancellationToken cancellationToken)
    {
        if (!request.ReadsReplies)
        {
            RecordReplyFolderSkipped(request, record);
            return;
        }
        var mailbox = request.EffectiveReplyMailbox;
        MailFolder? folder = null;
        record(await TimedAsync(TestStep.OpenReplyFolder, async ct =>
        {
            var opened = await gateway.ResolveFolderAsync(mailbox, request.ReplyFolder!, ct);
            folder = opened.Value;
            return opened.Succeeded ? TestStepTexts.FolderOpened(opened.Value, mailbox) : TestStepTexts.Failed(TestStep.OpenReplyFolder, opened.Problem);
        }, cancellationToken));
        record(folder is null
            ? TestStepTexts.SkippedAfter(TestStep.ReadOneMessage, TestStep.OpenReplyFolder)
            : await TimedAsync(TestStep.ReadOneMessage, async ct =>
            {
                var page = await gateway.ListMessagesAsync(mailbox, folder.Id, new MessageListQuery(1), ct);
                return page.Succeeded ? TestStepTexts.MessageRead(page.Value, folder, mailbox) : TestStepTexts.Failed(TestStep.ReadOneMessage, page.Problem);
            }, cancellationToken));
    }

    private static void RecordReplyFolderSkipped(EmailConfigurationTestRequest request, Action<TestStepResult> record)
    {
        foreach (var step in new[] { TestStep.OpenReplyFolder, TestStep.ReadOneMessage })
        {
            record(request.ReadsReplies ? TestStepTexts.SkippedAfter(step, TestStep.AcquireToken) : TestStepTexts.NoReplyFolder(step));
        }
    }

    private static async Task<TestStepResult> AcquireTokenAsync(EmailConfigurationTestRequest request, CancellationToken cancellationToken)
    {
        try
        {
            var token = await request.Tokens.GetAccessTokenAsync(cancellationToken);
            return TestStepTexts.TokenIssued(token, request.PermissionMode);
        }
        catch (TokenAcquisitionException ex)
        {
            return TestStepTexts.TokenRefused(ex.Failure);
        }
        catch (Exception ex) when (!(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            return TestStepTexts.TokenRefused(EntraErrors.From(ex));
        }
    }

    private static async Task<TestStepResult> WhoAmIAsync(IMailGateway gateway, EmailConfigurationTestRequest request, CancellationToken cancellationToken)
    {
        var me = await gateway.WhoAmIAsync(cancellationToken);
        return me.Succeeded ? TestStepTexts.SignedIn(me.Value, request.SmtpUser) : TestStepTexts.Failed(TestStep.WhoAmI, me.Problem);
    }

    private async Task<TestStepResult> SendAsync(IMailGateway gateway, EmailConfigurationTestRequest request, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        var subject = TestStepTexts.Subject(now);
        var sent = await gateway.SendAsync(request.SmtpUser, new OutgoingMail
        {
            From = new MailAddress(request.FromAddress),
            To = [new MailAddress(request.TestRecipient)],
            Subject = subject,
            TextBody = TestStepTexts.Body(request, now),
        }, cancellationToken);
        return sent.Succeeded ? TestStepTexts.Sent(request, subject) : TestStepTexts.Failed(TestStep.SendTestMail, sent.Problem);
    }

    private async Task<TestStepResult> TimedAsync(TestStep step, Func<CancellationToken, Task<TestStepResult>> run, CancellationToken cancellationToken)
    {
        var started = _clock.GetTimestamp();
        var result = await run(cancellationToken);
        return result with { Step = step, Duration = _clock.GetElapsedTime(started) };
    }

    private EmailConfigurationTestReport Finish(EmailConfigurationTestRequest request, DateTimeOffset startedAt, List<TestStepResult> steps)
    {
        var report = new EmailConfigurationTestReport(startedAt, _clock.GetUtcNow(), steps);
        EmailConfigurationTestLog.Finished(_logger, request.SmtpUser, report.Verdict);
        return report;
    }
}
