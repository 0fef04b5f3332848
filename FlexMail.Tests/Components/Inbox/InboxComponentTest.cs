using FlexMail.Domain.Approvals.Replies;
using FlexMail.Portal.Live;
using FlexMail.Tests.Components.Approvals;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace FlexMail.Tests.Components.Inbox;

/// <summary>Live Inbox components over the real domain: stored replies, the real notifier (a test publishes what the feed would).</summary>
public abstract class InboxComponentTest : ApprovalComponentTest
{
    protected LiveInboxNotifier Notifier { get; } = new(NullLogger<LiveInboxNotifier>.Instance);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Context.Services.AddSingleton(Notifier);
        Context.Services.AddScoped<LiveCircuitConnection>();
    }

    protected static ProcessedReply Reply(Guid? requestId, string sender, ReplyOutcome outcome, string reason, DateTimeOffset? processedAt = null,
        ReplyRemoval removal = ReplyRemoval.Moved, string? subject = null) => new()
    {
        MessageKey = $"<{Guid.NewGuid():N}@contoso.test>",
        GraphMessageId = $"AAMk{Guid.NewGuid():N}",
        Sender = sender,
        Subject = subject ?? "RE: [FlexMail] Approval required: Deploy release 4.2",
        ReceivedAt = (processedAt ?? DateTimeOffset.UtcNow).AddSeconds(-4),
        ProcessedAt = processedAt ?? DateTimeOffset.UtcNow,
        Outcome = outcome,
        Reason = reason,
        ApprovalRequestId = requestId,
        Removal = removal,
    };

    /// <summary>Stores the replies with their Recorded events, as the monitor does; returns the events.</summary>
    protected async Task<List<ReplyEvent>> InsertAsync(params ProcessedReply[] replies)
    {
        await using var db = await Domain.Contexts.CreateDbContextAsync();
        db.ProcessedReplies.AddRange(replies);
        var events = replies.Select(r => ReplyEvent.For(ReplyEventKind.Recorded, r, r.ProcessedAt)).ToList();
        db.ReplyEvents.AddRange(events);
        await db.SaveChangesAsync();
        return events;
    }

    /// <summary>What the feed worker publishes after these events.</summary>
    protected Task PublishAsync(IEnumerable<ReplyEvent> events, bool monitorChanged = false) =>
        Notifier.PublishAsync(new LiveInboxChange([.. events], monitorChanged));
}
