using FlexMail.Domain.Approvals;
using FlexMail.Domain.Approvals.Outbox;
using FlexMail.Domain.Approvals.Replies;
using FlexMail.Domain.Mail;
using FlexMail.Domain.MailboxAccess.Connections;
using FlexMail.Domain.Persistence;
using FlexMail.Domain.Security;
using FlexMail.Domain.Settings;
using FlexMail.Domain.Validation;
using FlexMail.Portal.Sandbox;
using FlexMail.Portal.Sandbox.Directory;
using FlexMail.Portal.Sandbox.Mail;
using FlexMail.Tests.Integration.Mail;
using FlexMail.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;

namespace FlexMail.Tests.Integration.Approvals.Replies;

/// <summary>
/// The reply monitor against the sandbox: the connection saved (approvals@ reads its own Inbox/FlexMail Replies),
/// approval mails marked sent with known tokens and Message-IDs (as the outbox would have sent them), replies written
/// as MIME and delivered raw to the approvals mailbox (the sandbox's inbox rule files them), and cycles run directly.
/// </summary>
internal sealed class ReplyScenario(KestrelPortal portal)
{
    public const string ReplyFolder = "Inbox/FlexMail Replies";
    public const string ProcessedFolder = "Inbox/FlexMail Processed";

    public ApprovalScenario Approvals { get; } = new(portal);

    public IDbContextFactory<FlexMailDbContext> Contexts => portal.Get<IDbContextFactory<FlexMailDbContext>>();

    public async Task ConnectAsync(ProcessedMailAction action = ProcessedMailAction.MoveToFolder, bool answers = true)
    {
        await Approvals.ConnectAsync();
        var settings = portal.Get<EmailSettingsService>();
        var draft = await settings.GetDraftAsync(CancellationToken.None);
        draft.ProcessedMailAction = action;
        draft.ProcessedMailFolder = ProcessedFolder;
        draft.PollIntervalSeconds = 5;
        draft.SendReplyAnswers = answers;
        draft.SendReplyConfirmations = answers;
        var saved = await settings.SaveAsync(draft, ApprovalScenario.Pipeline, CancellationToken.None);
        Assert.True(saved.Succeeded, string.Join("; ", saved.Report().Issues.Select(issue => issue.ToString())));
        await Approvals.SetFaultsAsync(f => (f.ThrottlingEnabled, f.RequestBudget, f.BudgetWindowSeconds, f.ServiceUnavailablePercent) = (true, 1_000_000, 600, 0));
        await using var db = await Contexts.CreateDbContextAsync();
        await db.ReplyMonitorStates.ExecuteDeleteAsync();
    }

    /// <summary>Creates a request and marks its approval mails sent: each with its token and a Message-ID of its own.</summary>
    public async Task<IReadOnlyList<SentMail>> RequestAsync(string title, ApprovalPolicy policy = ApprovalPolicy.AnyApprover, params SandboxUser[] approvers)
    {
        var created = await portal.Get<ApprovalService>().CreateAsync(new ApprovalRequestDraft
        {
            Title = title,
            Approvers = [.. (approvers.Length == 0 ? ApprovalScenario.Approvers : approvers).Select(user => user.Mail!)],
            Policy = policy,
            RequiredApprovals = policy == ApprovalPolicy.Quorum ? 2 : 1,
        }, ApprovalOrigin.Api(ApprovalScenario.Pipeline, null), CancellationToken.None);
        Assert.True(created.Succeeded, created.Problem?.ToString());
        return await MarkSentAsync(created.Value!.Id);
    }

    public async Task<IReadOnlyList<SentMail>> MarkSentAsync(Guid requestId)
    {
        var protector = portal.Get<ISecretProtector>();
        await using var db = await Contexts.CreateDbContextAsync();
        var request = await db.ApprovalRequests.AsNoTracking().SingleAsync(r => r.Id == requestId);
        var mails = await db.ApprovalMails.Where(m => m.ApprovalRequestId == requestId && m.Kind == ApprovalMailKind.Request).ToListAsync();
        var sent = new List<SentMail>();
        foreach (var mail in mails)
        {
            var token = ReplyTokens.FindAll(protector.Unprotect(mail.ProtectedToken!)).Single();
            mail.Status = ApprovalMailStatus.Sent;
            mail.SentAt = DateTimeOffset.UtcNow;
            mail.NextAttemptAt = null;
            mail.ProtectedToken = null;
            mail.InternetMessageId = $"<{Guid.NewGuid():N}@flexmail.test>";
            sent.Add(new SentMail(requestId, mail.Recipient, token, mail.InternetMessageId, ApprovalMailComposer.SubjectOf(request, mail.Kind, token)));
        }
        await db.SaveChangesAsync();
        return sent;
    }

    /// <summary>A reply as Outlook's text editor writes it: the approver's text, then the quoted original with its reference.</summary>
    public static MimeMessage Reply(SentMail sent, string text, string? from = null, string? subject = null, bool references = true, bool tokenInBody = true)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from ?? sent.Approver));
        message.To.Add(MailboxAddress.Parse(MailGatewayKit.Approvals));
        message.Subject = subject ?? $"RE: {sent.Subject}";
        message.MessageId = $"{Guid.NewGuid():N}@reply.test";
        message.Date = DateTimeOffset.UtcNow;
        if (references)
        {
            message.InReplyTo = sent.MessageId;
            message.References.Add(sent.MessageId);
        }
        var quoted = $"\r\n\r\n-----Original Message-----\r\nFrom: FlexMail <{MailGatewayKit.Approvals}>\r\nSent: Tuesday, December 1, 2026 09:00\r\n"
            + $"To: {sent.Approver}\r\nSubject: {(tokenInBody ? sent.Subject : "Approval required")}\r\n\r\nPlease approve or reject.\r\n" + (tokenInBody ? $"Reference: {sent.Token}\r\n" : "");
        message.Body = new TextPart("plain") { Text = text + quoted };
        return message;
    }

    public async Task DeliverAsync(params MimeMessage[] messages)
    {
        foreach (var chunk in messages.Chunk(500))
        {
            await portal.Get<SandboxRawDelivery>().DeliverManyAsync(chunk, CancellationToken.None);
        }
    }

    /// <summary>A cycle with the test's hooks, limits and clock; the pacer keeps real time (it spaces real requests to the sandbox).</summary>
    public ReplyCycle Cycle(IReplyMonitorHooks? hooks = null, ReplyMonitorOptions? options = null, TimeProvider? clock = null)
    {
        var value = Options.Create(options ?? new ReplyMonitorOptions { RequestBudget = 1_000_000 });
        var time = clock ?? TimeProvider.System;
        return new ReplyCycle(Contexts, portal.Get<EmailSettingsService>(), portal.Get<MailboxConnections>(), portal.Get<MailGatewayFactory>(),
            portal.Get<InstallationCodes>(), portal.Get<ReplyAssessor>(), portal.Get<ReplyRecorder>(), new GraphRequestPacer(value, TimeProvider.System),
            hooks ?? new NoReplyMonitorHooks(), value, portal.Get<ReplyEventSignal>(), time);
    }

    public ReplyMonitor Monitor(ReplyCycle cycle, TimeProvider? clock = null, ReplyMonitorOptions? options = null) =>
        new(cycle, new ReplyMonitorStore(Contexts, clock ?? TimeProvider.System), portal.Get<EmailSettingsService>(),
            Options.Create(options ?? new ReplyMonitorOptions()), clock ?? TimeProvider.System, NullLogger<ReplyMonitor>.Instance);

    /// <summary>Runs cycles until one processes nothing new and removes nothing (bounded: a test that needs more fails).</summary>
    public static async Task<int> DrainAsync(Func<ReplyCycle> cycle, int maxCycles = 50)
    {
        for (var i = 1; i <= maxCycles; i++)
        {
            var report = await cycle().RunAsync(CancellationToken.None);
            if (report.Processed == 0 && report.Removed == 0 && !report.More)
            {
                return i;
            }
        }
        throw new InvalidOperationException($"The reply folder was not drained in {maxCycles} cycles.");
    }

    public async Task<List<MailMessage>> FolderAsync(string path)
    {
        using var gateway = new MailGatewayKit(portal).Delegated(SandboxSeed.ServiceUser, MailGatewayKit.ServiceScopes);
        var folder = await MailGatewayKit.FolderAsync(gateway, MailGatewayKit.Approvals, path);
        return await MailGatewayKit.AllMessagesAsync(gateway, MailGatewayKit.Approvals, folder.Id, pageSize: 500);
    }

    public async Task ClearFolderAsync(string path)
    {
        using var gateway = new MailGatewayKit(portal).Delegated(SandboxSeed.ServiceUser, MailGatewayKit.ServiceScopes);
        var folder = await gateway.ResolveFolderAsync(MailGatewayKit.Approvals, path, CancellationToken.None);
        if (!folder.Succeeded)
        {
            return;
        }
        foreach (var message in await MailGatewayKit.AllMessagesAsync(gateway, MailGatewayKit.Approvals, folder.Value!.Id, pageSize: 500))
        {
            await gateway.DeleteAsync(MailGatewayKit.Approvals, message.Id, CancellationToken.None);
        }
    }

    public async Task<List<ProcessedReply>> RowsAsync(Guid? requestId = null)
    {
        await using var db = await Contexts.CreateDbContextAsync();
        return await db.ProcessedReplies.AsNoTracking().Where(r => requestId == null || r.ApprovalRequestId == requestId).ToListAsync();
    }

    public async Task<ApprovalRequest> RequestOfAsync(Guid id)
    {
        await using var db = await Contexts.CreateDbContextAsync();
        return await db.ApprovalRequests.AsNoTracking().Include(r => r.Decisions).AsSplitQuery().SingleAsync(r => r.Id == id);
    }

    public async Task<List<ApprovalMail>> AnswersAsync(Guid requestId)
    {
        await using var db = await Contexts.CreateDbContextAsync();
        return await db.ApprovalMails.AsNoTracking().Where(m => m.ApprovalRequestId == requestId && m.Kind == ApprovalMailKind.ReplyAnswer).ToListAsync();
    }
}

/// <summary>An approval mail as sent: to whom, its token, its Message-ID and subject.</summary>
internal sealed record SentMail(Guid RequestId, string Approver, ReplyToken Token, string MessageId, string Subject);
