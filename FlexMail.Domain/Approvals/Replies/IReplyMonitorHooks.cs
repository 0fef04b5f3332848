namespace FlexMail.Domain.Approvals.Replies;

/// <summary>
/// Points in a monitor cycle where a test can stop the process (fault injection): right after a reply's outcome is
/// committed and before its mail is removed, and right after the removal before it is recorded. Production uses
/// <see cref="NoReplyMonitorHooks"/>.
/// </summary>
public interface IReplyMonitorHooks
{
    Task RecordedAsync(ProcessedReply reply, CancellationToken cancellationToken);

    Task RemovedAsync(ProcessedReply reply, CancellationToken cancellationToken);
}

public sealed class NoReplyMonitorHooks : IReplyMonitorHooks
{
    public Task RecordedAsync(ProcessedReply reply, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task RemovedAsync(ProcessedReply reply, CancellationToken cancellationToken) => Task.CompletedTask;
}
