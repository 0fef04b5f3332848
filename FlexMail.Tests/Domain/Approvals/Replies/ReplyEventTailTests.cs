using FlexMail.Domain.Approvals.Replies;
using FlexMail.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace FlexMail.Tests.Domain.Approvals.Replies;

/// <summary>
/// The processing-events tail on a real SQLite database: events inserted with explicit ids stand for transactions that
/// commit out of order (an id visible before a lower one), as SQL Server's identity allows.
/// </summary>
public sealed class ReplyEventTailTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _clock = new(Start);
    private TestDomain _domain = null!;

    private ReplyEventFeed Feed => _domain.Get<ReplyEventFeed>();

    public async Task InitializeAsync() => _domain = await TestDomain.CreateMigratedAsync();

    public async Task DisposeAsync() => await _domain.DisposeAsync();

    [Fact]
    public async Task ReadAsync_HigherIdCommittedFirst_ReturnsItAtOnceAndTheLowerOneWhenItAppears()
    {
        await InsertAsync(10);
        var tail = await StartedTailAsync();
        await InsertAsync(12);

        var first = await tail.ReadAsync(CancellationToken.None);
        var whileWaiting = await tail.ReadAsync(CancellationToken.None);
        await InsertAsync(11);
        var second = await tail.ReadAsync(CancellationToken.None);
        var after = await tail.ReadAsync(CancellationToken.None);

        Assert.Equal([12L], Ids(first));
        Assert.Empty(whileWaiting);
        Assert.Equal([11L], Ids(second));
        Assert.Empty(after);
        Assert.Equal(12, tail.Cursor);
    }

    [Fact]
    public async Task ReadAsync_GapWhileWaiting_CursorStaysBelowTheGap()
    {
        await InsertAsync(10);
        var tail = await StartedTailAsync();
        await InsertAsync(12);

        await tail.ReadAsync(CancellationToken.None);
        _clock.Advance(ReplyEventTail.GapWait - TimeSpan.FromMilliseconds(1));
        var almost = await tail.ReadAsync(CancellationToken.None);

        Assert.Empty(almost);
        Assert.Equal(10, tail.Cursor);
    }

    [Fact]
    public async Task ReadAsync_GapNeverFills_MovesPastItAfterGapWait()
    {
        await InsertAsync(10);
        var tail = await StartedTailAsync();
        await InsertAsync(12);
        await tail.ReadAsync(CancellationToken.None);

        _clock.Advance(ReplyEventTail.GapWait);
        var atGapWait = await tail.ReadAsync(CancellationToken.None);
        var cursorAfterGap = tail.Cursor;
        await InsertAsync(13);
        var next = await tail.ReadAsync(CancellationToken.None);

        Assert.Empty(atGapWait);
        Assert.Equal(12, cursorAfterGap);
        Assert.Equal([13L], Ids(next));
        Assert.Equal(13, tail.Cursor);
    }

    [Fact]
    public async Task ReadAsync_ManyCommitsOutOfOrder_ReturnsEveryEventExactlyOnce()
    {
        await InsertAsync(10);
        var tail = await StartedTailAsync();
        var returned = new List<long>();

        foreach (var batch in new long[][] { [15], [13, 14], [], [12], [11, 16], [] })
        {
            foreach (var id in batch)
            {
                await InsertAsync(id);
            }
            returned.AddRange(Ids(await tail.ReadAsync(CancellationToken.None)));
            _clock.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal([15L, 13, 14, 12, 11, 16], returned);
        Assert.Equal(16, tail.Cursor);
    }

    [Fact]
    public async Task StartAsync_EventsInTable_StartsAfterTheNewest()
    {
        await InsertAsync(1);
        await InsertAsync(2);
        await InsertAsync(3);
        var tail = new ReplyEventTail(Feed, _clock);

        await tail.StartAsync(CancellationToken.None);
        var present = await tail.ReadAsync(CancellationToken.None);
        await InsertAsync(4);
        var next = await tail.ReadAsync(CancellationToken.None);

        Assert.Empty(present);
        Assert.Equal([4L], Ids(next));
    }

    [Fact]
    public async Task ReadAsync_NotStarted_StartsAfterTheNewestItself()
    {
        await InsertAsync(7);
        var tail = new ReplyEventTail(Feed, _clock);

        var present = await tail.ReadAsync(CancellationToken.None);
        var generated = await InsertAsync();
        var next = await tail.ReadAsync(CancellationToken.None);

        Assert.Empty(present);
        Assert.Equal([generated], Ids(next));
        Assert.Equal(8, generated);
    }

    [Fact]
    public async Task StartAsync_EmptyTable_ReturnsTheFirstEvent()
    {
        var tail = await StartedTailAsync();
        var startedAt = tail.Cursor;

        var generated = await InsertAsync();
        var read = await tail.ReadAsync(CancellationToken.None);

        Assert.Equal(0, startedAt);
        Assert.Equal([generated], Ids(read));
    }

    [Fact]
    public async Task PruneAsync_OldAndNewEvents_DeletesOnlyThoseBeforeTheCutOff()
    {
        var cutOff = Start.AddDays(-1);
        await InsertAsync(1, cutOff.AddDays(-1));
        await InsertAsync(2, cutOff.AddTicks(-1));
        await InsertAsync(3, cutOff);
        await InsertAsync(4, Start);

        var pruned = await Feed.PruneAsync(cutOff, CancellationToken.None);

        Assert.Equal(2, pruned);
        await using var db = await _domain.Contexts.CreateDbContextAsync();
        Assert.Equal([3L, 4], await db.ReplyEvents.OrderBy(e => e.Id).Select(e => e.Id).ToListAsync());
        Assert.Equal(4, await Feed.LatestIdAsync(CancellationToken.None));
    }

    private async Task<ReplyEventTail> StartedTailAsync()
    {
        var tail = new ReplyEventTail(Feed, _clock);
        await tail.StartAsync(CancellationToken.None);
        return tail;
    }

    /// <summary>Inserts one event: with the given id, or (0) the one the database generates; returns its id.</summary>
    private async Task<long> InsertAsync(long id = 0, DateTimeOffset? at = null)
    {
        await using var db = await _domain.Contexts.CreateDbContextAsync();
        var row = new ReplyEvent { Id = id, Kind = ReplyEventKind.Recorded, ProcessedReplyId = Guid.NewGuid(), OccurredAt = at ?? _clock.GetUtcNow() };
        db.ReplyEvents.Add(row);
        await db.SaveChangesAsync();
        return row.Id;
    }

    private static List<long> Ids(IReadOnlyList<ReplyEvent> events) => [.. events.Select(e => e.Id)];
}
