using FlexMail.Domain.Approvals;
using FlexMail.Domain.Approvals.Outbox;
using FlexMail.Domain.Approvals.Replies;
using FlexMail.Domain.Audit;
using FlexMail.Domain.MailboxAccess;
using FlexMail.Domain.MailboxAccess.Connections;
using FlexMail.Domain.Mail;
using FlexMail.Domain.Persistence;
using FlexMail.Domain.Security;
using FlexMail.Domain.Settings;
using FlexMail.Portal.Sandbox;
using FlexMail.Portal.Sandbox.Faults;
using FlexMail.Portal.Sandbox.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;

namespace FlexMail.Benchmarks.Backlog;

/// <summary>
/// What the backlog run needs from the portal: the quick setup's connection checked, pending quorum requests whose
/// approval mails are marked sent (token and Message-ID, as the outbox would have sent them), replies delivered raw to
/// the approvals mailbox (the sandbox's inbox rule files them in the Email Reply Folder), cycles and monitors built
/// with the run's own limits, and the counts that show nothing was lost or decided twice.
/// </summary>
internal sealed class BacklogScenario(BacklogPortal portal)
{
    public static readonly Actor Actor = new("Backlog benchmark", null);

    /// <summary>The seeded users with a mailbox who approve: every request goes to all four.</summary>
    public static readonly string[] Approvers =
        [SandboxSeed.AdeleVance.Mail!, SandboxSeed.AlexWilber.Mail!, SandboxSeed.MeganBowen.Mail!, SandboxSeed.DiegoSiciliani.Mail!];

    public static string ApprovalsMailbox => SandboxSeed.ApprovalsMailbox.Mail!;

    private IDbContextFactory<FlexMailDbContext> Contexts => portal.Get<IDbContextFactory<FlexMailDbContext>>();

    public SandboxMailboxThrottle Throttle => portal.Get<SandboxMailboxThrottle>();

    /// <summary>Checks the quick setup's connection and sets a 5 s poll interval; fails with the reason when the portal is not connected.</summary>
    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        var settings = portal.Get<EmailSettingsService>();
        var draft = await settings.GetDraftAsync(cancellationToken);
        if (!draft.EmailApprovalEnabled || draft.SmtpOAuthApplicationId is null)
        {
            throw new InvalidOperationException("The sandbox quick setup did not connect the portal at start (email approval is not on).");
        }
        draft.PollIntervalSeconds = EmailSettingsDraft.MinPollIntervalSeconds;
        var saved = await settings.SaveAsync(draft, Actor, cancellationToken);
        if (!saved.Succeeded)
        {
            throw new InvalidOperationException($"The email settings were refused: {saved.Problem}");
        }
        var connection = await portal.Get<MailboxConnections>().ForRoleAsync(MailboxRole.Incoming, cancellationToken);
        if (!connection.Succeeded)
        {
            throw new InvalidOperationException($"No incoming connection: {connection.Problem}");
        }
        connection.Value!.Dispose();
    }

    /// <summary>The sandbox's throttling: Outlook's kind of limits with this budget and window, or off; counters reset.</summary>
    public async Task SetThrottlingAsync(bool enabled, int budget, int windowSeconds, CancellationToken cancellationToken)
    {
        var result = await portal.Get<SandboxFaults>().UpdateAsync(new SandboxFaultSettings
        {
            ThrottlingEnabled = enabled,
            RequestBudget = budget,
            BudgetWindowSeconds = windowSeconds,
            MaxConcurrentRequests = 4,
        }, cancellationToken);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"The sandbox refused the throttling settings: {result.Field} {result.Error}");
        }
        Throttle.Clear();
    }

    /// <summary>Creates quorum requests (all four must approve) and marks their approval mails sent; answers the mails.</summary>
    public async Task<List<SentApproval>> CreateRequestsAsync(int count, string run, CancellationToken cancellationToken)
    {
        var approvals = portal.Get<ApprovalService>();
        var ids = new List<Guid>(count);
        for (var i = 0; i < count; i++)
        {
            var created = await approvals.CreateAsync(new ApprovalRequestDraft
            {
                Title = $"{run} release {i + 1}",
                Approvers = [.. Approvers],
                Policy = ApprovalPolicy.Quorum,
                RequiredApprovals = Approvers.Length,
            }, ApprovalOrigin.Api(Actor, null), cancellationToken);
            ids.Add(created.Succeeded ? created.Value!.Id : throw new InvalidOperationException($"A request was refused: {created.Problem}"));
        }
        var sent = new List<SentApproval>(count * Approvers.Length);
        foreach (var chunk in ids.Chunk(200))
        {
            sent.AddRange(await MarkSentAsync(chunk, cancellationToken));
        }
        return sent;
    }

    private async Task<List<SentApproval>> MarkSentAsync(Guid[] requestIds, CancellationToken cancellationToken)
    {
        var protector = portal.Get<ISecretProtector>();
        await using var db = await Contexts.CreateDbContextAsync(cancellationToken);
        var requests = await db.ApprovalRequests.AsNoTracking().Where(r => requestIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, cancellationToken);
        var mails = await db.ApprovalMails.Where(m => requestIds.Contains(m.ApprovalRequestId) && m.Kind == ApprovalMailKind.Request)
            .ToListAsync(cancellationToken);
        var sent = new List<SentApproval>(mails.Count);
        foreach (var mail in mails)
        {
            var token = ReplyTokens.FindAll(protector.Unprotect(mail.ProtectedToken!)).Single();
            mail.Status = ApprovalMailStatus.Sent;
            mail.SentAt = DateTimeOffset.UtcNow;
            mail.NextAttemptAt = null;
            mail.ProtectedToken = null;
            mail.InternetMessageId = $"<{Guid.NewGuid():N}@flexmail.benchmark>";
            sent.Add(new SentApproval(mail.ApprovalRequestId, mail.Recipient, token, mail.InternetMessageId,
                ApprovalMailComposer.SubjectOf(requests[mail.ApprovalRequestId], mail.Kind, token)));
        }
        await db.SaveChangesAsync(cancellationToken);
        return sent;
    }

    /// <summary>Writes the replies to the mails: approvals, and on each request's last mail every other one a rejection.</summary>
    public static List<MimeMessage> Replies(IReadOnlyList<SentApproval> sent)
    {
        var replies = new List<MimeMessage>(sent.Count);
        foreach (var (request, index) in sent.GroupBy(s => s.RequestId).Select((g, i) => (g.ToList(), i)))
        {
            for (var i = 0; i < request.Count; i++)
            {
                var reject = i == request.Count - 1 && index % 2 == 1;
                replies.Add(BacklogReplies.Reply(request[i], reject ? "Reject" : "Approve", html: (index + i) % 3 == 0));
            }
        }
        return replies;
    }

    public async Task DeliverAsync(IReadOnlyList<MimeMessage> messages, CancellationToken cancellationToken)
    {
        foreach (var chunk in messages.Chunk(500))
        {
            await portal.Get<SandboxRawDelivery>().DeliverManyAsync(chunk, cancellationToken);
        }
    }

    /// <summary>A cycle with these limits and a pacer of its own (its request count is the run's).</summary>
    public (ReplyCycle Cycle, GraphRequestPacer Pacer) Cycle(ReplyMonitorOptions limits)
    {
        var options = Options.Create(limits);
        var pacer = new GraphRequestPacer(options, TimeProvider.System);
        var cycle = new ReplyCycle(Contexts, portal.Get<EmailSettingsService>(), portal.Get<MailboxConnections>(), portal.Get<MailGatewayFactory>(),
            portal.Get<InstallationCodes>(), portal.Get<ReplyAssessor>(), portal.Get<ReplyRecorder>(), pacer, new NoReplyMonitorHooks(), options,
            portal.Get<ReplyEventSignal>(), TimeProvider.System);
        return (cycle, pacer);
    }

    public async Task<ReplyMonitor> MonitorAsync(ReplyCycle cycle, ReplyMonitorOptions limits, CancellationToken cancellationToken)
    {
        await using (var db = await Contexts.CreateDbContextAsync(cancellationToken))
        {
            await db.ReplyMonitorStates.ExecuteDeleteAsync(cancellationToken);
        }
        return new ReplyMonitor(cycle, new ReplyMonitorStore(Contexts, TimeProvider.System), portal.Get<EmailSettingsService>(),
            Options.Create(limits), TimeProvider.System, NullLogger<ReplyMonitor>.Instance);
    }

    /// <summary>What became of the replies (by Message-ID) to these requests: rows, decisions, and any approver who decided twice.</summary>
    public async Task<Outcome> OutcomeAsync(IReadOnlyCollection<Guid> requestIds, IReadOnlyCollection<string> messageIds, CancellationToken cancellationToken)
    {
        await using var db = await Contexts.CreateDbContextAsync(cancellationToken);
        var decided = 0;
        var twice = 0;
        foreach (var chunk in requestIds.Chunk(500))
        {
            var decisions = db.ApprovalDecisions.Where(d => chunk.Contains(d.ApprovalRequestId));
            decided += await decisions.CountAsync(cancellationToken);
            twice += await decisions.GroupBy(d => new { d.ApprovalRequestId, d.ApproverId }).CountAsync(g => g.Count() > 1, cancellationToken);
        }
        var rows = 0;
        var outcomes = new Dictionary<string, int>();
        foreach (var chunk in messageIds.Select(id => $"<{id}>").Chunk(500))
        {
            var kinds = await db.ProcessedReplies.Where(r => chunk.Contains(r.MessageKey))
                .GroupBy(r => new { r.Outcome, r.Reason }).Select(g => new { g.Key.Outcome, g.Key.Reason, Count = g.Count() }).ToListAsync(cancellationToken);
            foreach (var kind in kinds)
            {
                rows += kind.Count;
                var key = kind.Outcome is ReplyOutcome.Approved or ReplyOutcome.Rejected ? kind.Outcome.ToString() : $"{kind.Outcome}: {kind.Reason}";
                outcomes[key] = outcomes.GetValueOrDefault(key) + kind.Count;
            }
        }
        return new Outcome(rows, decided, twice, outcomes);
    }

    /// <summary>When each reply (by its Message-ID) was recorded.</summary>
    public async Task<Dictionary<string, DateTimeOffset>> ProcessedAtAsync(IReadOnlyCollection<string> messageIds, CancellationToken cancellationToken)
    {
        var keys = messageIds.Select(id => $"<{id}>").ToList();
        await using var db = await Contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.ProcessedReplies.AsNoTracking().Where(r => keys.Contains(r.MessageKey)).Select(r => new { r.MessageKey, r.ProcessedAt })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.MessageKey.Trim('<', '>'), r => r.ProcessedAt);
    }
}

/// <summary>An approval mail as sent: its request, to whom, its token, Message-ID and subject.</summary>
internal sealed record SentApproval(Guid RequestId, string Approver, ReplyToken Token, string MessageId, string Subject);

/// <summary>Processed rows, decisions, (request, approver) pairs with more than one decision, and rows by outcome.</summary>
internal sealed record Outcome(int Rows, int Decisions, int DecidedTwice, IReadOnlyDictionary<string, int> ByOutcome);
