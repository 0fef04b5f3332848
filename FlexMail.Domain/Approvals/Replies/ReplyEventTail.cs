namespace FlexMail.Domain.Approvals.Replies;

/// <summary>
/// Follows the processing-events table for one portal instance: each <see cref="ReadAsync"/> returns the events it has not
/// returned before, oldest first. On SQL Server an identity value can become visible after a higher one (two transactions
/// committing out of order), so a missing id is not skipped at once: the tail keeps reading from below it, and returns it
/// when it appears, for <see cref="GapWait"/>; after that the id counts as a rolled-back insert (identity values are not
/// reused) and the tail moves past it. Not thread-safe: one reader (the instance's tail worker) owns it.
/// </summary>
public sealed class ReplyEventTail(ReplyEventFeed feed, TimeProvider clock)
{
    public const int BatchSize = 500;

    public static readonly TimeSpan GapWait = TimeSpan.FromSeconds(5);

    private readonly SortedSet<long> _returnedAboveCursor = [];
    private long _cursor = -1;
    private DateTimeOffset? _gapSince;

    /// <summary>Everything up to this id has been returned or given up on.</summary>
    public long Cursor => _cursor;

    /// <summary>Starts after the newest event now in the table: a view queries the present itself and needs only what follows.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _cursor = await feed.LatestIdAsync(cancellationToken);
        _returnedAboveCursor.Clear();
        _gapSince = null;
    }

    public async Task<IReadOnlyList<ReplyEvent>> ReadAsync(CancellationToken cancellationToken)
    {
        if (_cursor < 0)
        {
            await StartAsync(cancellationToken);
        }
        var read = await feed.ReadAfterAsync(_cursor, BatchSize, cancellationToken);
        var fresh = read.Where(e => _returnedAboveCursor.Add(e.Id)).ToList();
        Advance();
        return fresh;
    }

    private void Advance()
    {
        while (_returnedAboveCursor.Count > 0)
        {
            var lowest = _returnedAboveCursor.Min;
            if (lowest == _cursor + 1)
            {
                _returnedAboveCursor.Remove(lowest);
                _cursor = lowest;
                _gapSince = null;
                continue;
            }
            var now = clock.GetUtcNow();
            _gapSince ??= now;
            if (now - _gapSince < GapWait)
            {
                return;
            }
            // The ids below the lowest returned one never appeared: rolled back, or an identity jump.
            _cursor = lowest - 1;
            _gapSince = null;
        }
        _gapSince = null;
    }
}
