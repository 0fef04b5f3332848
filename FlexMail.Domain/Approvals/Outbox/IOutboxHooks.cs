namespace FlexMail.Domain.Approvals.Outbox;

/// <summary>
/// Points between the outbox's steps where a test can stop the sender as a crash would (fault injection). The
/// registered default does nothing.
/// </summary>
public interface IOutboxHooks
{
    /// <summary>The draft exists in the mailbox and its id and internetMessageId are recorded; it is not sent yet.</summary>
    Task DraftRecordedAsync(ApprovalMail mail, CancellationToken cancellationToken);

    /// <summary>Graph accepted the send; the outbox has not yet recorded it as sent.</summary>
    Task SentAsync(ApprovalMail mail, CancellationToken cancellationToken);
}

internal sealed class NoOutboxHooks : IOutboxHooks
{
    public Task DraftRecordedAsync(ApprovalMail mail, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task SentAsync(ApprovalMail mail, CancellationToken cancellationToken) => Task.CompletedTask;
}
