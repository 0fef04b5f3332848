using FlexMail.Domain.Mail;
using FlexMail.Domain.MailboxAccess;
using FlexMail.Domain.MailboxAccess.Connections;
using FlexMail.Domain.Persistence;
using FlexMail.Domain.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FlexMail.Domain.Approvals.Replies;

/// <summary>
/// One pass over the Email Reply Folder with the saved incoming connection: list the folder oldest first (only the
/// fields the monitor reads, immutable ids, every <c>@odata.nextLink</c>), skip what is already recorded, assess and
/// record each new mail (<see cref="ReplyAssessor"/>, <see cref="ReplyRecorder"/>), then remove what was recorded —
/// moved to the processed folder (created when missing) or deleted, as the settings say; never a mail that is not
/// FlexMail's, never another installation's. Removals happen after the listing, so that paging is not disturbed, and a
/// removal a crash interrupted is finished by the next cycle, which finds the row. A Graph failure stops the cycle with
/// its cause and fix (<see cref="ReplyCycleException"/>).
/// </summary>
public sealed class ReplyCycle(
    IDbContextFactory<FlexMailDbContext> contexts, EmailSettingsService settings, MailboxConnections connections, MailGatewayFactory gateways,
    InstallationCodes installation, ReplyAssessor assessor, ReplyRecorder recorder, GraphRequestPacer pacer, IReplyMonitorHooks hooks,
    IOptions<ReplyMonitorOptions> options, ReplyEventSignal events, TimeProvider clock)
{
    /// <summary>What a listing selects: enough to assess a reply without reading it again.</summary>
    public static readonly IReadOnlyList<string> ReplySelect =
        ["id", "subject", "from", "toRecipients", "receivedDateTime", "internetMessageId", "parentFolderId", "body", "internetMessageHeaders"];

    public async Task<ReplyCycleReport> RunAsync(CancellationToken cancellationToken)
    {
        var draft = await settings.GetDraftAsync(cancellationToken);
        if (!draft.EmailApprovalEnabled)
        {
            return ReplyCycleReport.Off("Email approval is off in Email Settings: no replies are read.");
        }
        var connection = await connections.ForRoleAsync(MailboxRole.Incoming, cancellationToken);
        if (!connection.Succeeded)
        {
            throw new ReplyCycleException(connection.Problem!);
        }
        using var mailboxConnection = connection.Value!;
        using var gateway = gateways.Create(mailboxConnection.Cloud, mailboxConnection.Tokens);
        var requestsBefore = pacer.Requests;
        var mailbox = draft.EffectiveReplyMailbox;
        var folder = await CallAsync(ct => gateway.ResolveFolderAsync(mailbox, draft.EmailReplyFolder, ct), cancellationToken);
        var code = await installation.GetAsync(cancellationToken);
        var answering = new ReplyAnswering(draft.SendReplyConfirmations, draft.SendReplyAnswers);

        var listing = await ListAndRecordAsync(gateway, mailbox, folder.Id, code, answering, cancellationToken);
        var move = draft.ProcessedMailAction == ProcessedMailAction.MoveToFolder;
        var destination = move && listing.Removals.Count > 0
            ? await CallAsync(ct => gateway.EnsureFolderAsync(mailbox, draft.ProcessedMailFolder, ct), cancellationToken)
            : null;
        var removed = await RemoveAsync(gateway, mailbox, destination, listing.Removals, cancellationToken);
        if (!listing.More)
        {
            await SettleGoneAsync(listing.SeenIds, cancellationToken);
        }
        return new ReplyCycleReport(listing.Seen, listing.Processed, removed, listing.NotOurs, listing.Foreign, listing.More,
            (int)(pacer.Requests - requestsBefore));
    }

    private async Task<Listing> ListAndRecordAsync(IMailGateway gateway, string mailbox, string folderId, string code, ReplyAnswering answering,
        CancellationToken cancellationToken)
    {
        var limits = options.Value;
        var listing = new Listing();
        string? pageToken = null;
        do
        {
            var page = await CallAsync(ct => gateway.ListMessagesAsync(mailbox, folderId,
                new MessageListQuery(limits.PageSize) { Select = ReplySelect, OldestFirst = true, PageToken = pageToken }, ct), cancellationToken);
            var known = await KnownRowsAsync(page.Messages, cancellationToken);
            foreach (var message in page.Messages)
            {
                listing.Seen++;
                listing.SeenIds.Add(message.Id);
                if (listing.Processed >= limits.MaxRepliesPerCycle)
                {
                    listing.More = true;
                    break;
                }
                var row = Known(known, message);
                if (row is null)
                {
                    var key = KeyOf(message);
                    if (known.TryGetValue(key, out var first))
                    {
                        // The same mail (Message-ID) again, a second copy: recorded as a duplicate and removed.
                        row = await recorder.RecordAsync(message, CopyKey(message), Duplicate(first), answering, cancellationToken);
                    }
                    else
                    {
                        var assessment = await assessor.AssessAsync(message, code, cancellationToken);
                        if (assessment.NotOurs)
                        {
                            listing.NotOurs++;
                            continue;
                        }
                        row = await recorder.RecordAsync(message, key, assessment, answering, cancellationToken);
                        known.TryAdd(key, row);
                    }
                    listing.Processed++;
                    await hooks.RecordedAsync(row, cancellationToken);
                }
                if (row.Removal == ReplyRemoval.Left)
                {
                    listing.Foreign++;
                }
                else if (row.Removal == ReplyRemoval.Pending || row.GraphMessageId == message.Id)
                {
                    listing.Removals.Add(row);
                }
            }
            pageToken = listing.More ? null : page.NextPageToken;
        }
        while (pageToken is not null && !cancellationToken.IsCancellationRequested);
        return listing;
    }

    private async Task<int> RemoveAsync(IMailGateway gateway, string mailbox, MailFolder? destination, List<ProcessedReply> rows,
        CancellationToken cancellationToken)
    {
        var removed = 0;
        Problem? stopped = null;
        await Parallel.ForEachAsync(rows, new ParallelOptions { MaxDegreeOfParallelism = options.Value.MaxConcurrentRequests, CancellationToken = cancellationToken },
            async (row, ct) =>
            {
                if (Volatile.Read(ref stopped) is not null)
                {
                    return;
                }
                var problem = destination is null
                    ? (await pacer.RunAsync(c => gateway.DeleteAsync(mailbox, row.GraphMessageId, c), ct)).Problem
                    : (await pacer.RunAsync(c => gateway.MoveAsync(mailbox, row.GraphMessageId, destination.Id, c), ct)).Problem;
                // Not found: it is gone already (removed before a crash, or by someone else): nothing left to do.
                if (problem is null or MailFailure { Kind: MailFailureKind.ItemNotFound })
                {
                    await MarkRemovedAsync(row, destination is null ? ReplyRemoval.Deleted : ReplyRemoval.Moved, ct);
                    Interlocked.Increment(ref removed);
                    await hooks.RemovedAsync(row, ct);
                    return;
                }
                Hold(problem);
                await using var db = await contexts.CreateDbContextAsync(ct);
                await db.ProcessedReplies.Where(r => r.Id == row.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.RemovalError, problem.Cause), ct);
                Interlocked.CompareExchange(ref stopped, problem, null);
            });
        return stopped is null ? removed : throw new ReplyCycleException(stopped);
    }

    /// <summary>
    /// Rows still waiting for their removal whose mail the complete listing no longer shows were removed before a crash
    /// let the row say so (a move is not undone): they are marked removed now.
    /// </summary>
    private async Task SettleGoneAsync(HashSet<string> seenIds, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var pending = await db.ProcessedReplies.Where(r => r.Removal == ReplyRemoval.Pending).Select(r => new { r.Id, r.GraphMessageId })
            .ToListAsync(cancellationToken);
        var gone = pending.Where(p => !seenIds.Contains(p.GraphMessageId)).Select(p => p.Id).ToList();
        var now = clock.GetUtcNow();
        foreach (var chunk in gone.Chunk(500))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.ProcessedReplies.Where(r => chunk.Contains(r.Id)).ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Removal, ReplyRemoval.Moved)
                .SetProperty(r => r.RemovalError, "Not in the reply folder any more when checked: removed before the process stopped.")
                .SetProperty(r => r.RemovedAt, now), cancellationToken);
            db.ReplyEvents.AddRange(chunk.Select(id => new ReplyEvent { Kind = ReplyEventKind.Removed, ProcessedReplyId = id, OccurredAt = now }));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        if (gone.Count > 0)
        {
            events.Notify();
        }
    }

    private async Task MarkRemovedAsync(ProcessedReply row, ReplyRemoval removal, CancellationToken cancellationToken)
    {
        row.Removal = removal;
        row.RemovedAt = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.ProcessedReplies.Where(r => r.Id == row.Id).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Removal, removal)
            .SetProperty(r => r.RemovedAt, row.RemovedAt)
            .SetProperty(r => r.RemovalError, (string?)null), cancellationToken);
        db.ReplyEvents.Add(ReplyEvent.For(ReplyEventKind.Removed, row, row.RemovedAt.Value));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        events.Notify();
    }

    private async Task<Dictionary<string, ProcessedReply>> KnownRowsAsync(IReadOnlyList<MailMessage> messages, CancellationToken cancellationToken)
    {
        var keys = messages.SelectMany(m => new[] { KeyOf(m), CopyKey(m) }).Distinct().ToList();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ProcessedReplies.AsNoTracking().Where(r => keys.Contains(r.MessageKey)).ToDictionaryAsync(r => r.MessageKey, cancellationToken);
    }

    private static ProcessedReply? Known(Dictionary<string, ProcessedReply> known, MailMessage message) =>
        known.TryGetValue(KeyOf(message), out var row) && row.GraphMessageId == message.Id ? row
        : known.TryGetValue(CopyKey(message), out var copy) ? copy
        : null;

    private static ReplyAssessment Duplicate(ProcessedReply first) => new()
    {
        Outcome = ReplyOutcome.Duplicate,
        Reason = $"The same mail (Message-ID {first.InternetMessageId}) was processed at {first.ProcessedAt:u} ({first.Outcome}); this copy changes nothing.",
        RequestId = first.ApprovalRequestId,
        ApproverId = first.ApproverId,
        Steps = [new ReplyStep("classify", "A second copy of a processed mail.", 0)],
    };

    private static string KeyOf(MailMessage message) =>
        message.InternetMessageId is { Length: > 0 } id ? Cap(id) : CopyKey(message);

    private static string CopyKey(MailMessage message) => Cap($"copy:{message.Id}");

    private static string Cap(string key) => key.Length <= ApprovalLimits.InternetMessageIdLength ? key : key[..ApprovalLimits.InternetMessageIdLength];

    private async Task<T> CallAsync<T>(Func<CancellationToken, Task<Result<T>>> call, CancellationToken cancellationToken)
    {
        var result = await pacer.RunAsync(call, cancellationToken);
        if (result.Succeeded)
        {
            return result.Value!;
        }
        Hold(result.Problem!);
        throw new ReplyCycleException(result.Problem!);
    }

    private void Hold(Problem problem)
    {
        if (problem is MailFailure { RetryAfter: { } until })
        {
            pacer.HoldUntil(until);
        }
    }

    private sealed class Listing
    {
        public int Seen { get; set; }
        public int Processed { get; set; }
        public int NotOurs { get; set; }
        public int Foreign { get; set; }
        public bool More { get; set; }
        public HashSet<string> SeenIds { get; } = [];
        public List<ProcessedReply> Removals { get; } = [];
    }
}
