using FlexMail.Domain;
using FlexMail.Domain.Approvals;
using FlexMail.Domain.Approvals.Replies;
using FlexMail.Domain.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FlexMail.Benchmarks.Inbox;

/// <summary>
/// The real domain services on a SQLite file in a temporary folder, migrated, and filled with a realistic history of
/// processed replies: a mix of outcomes, approvers and strangers, a few hundred requests, 30 days of processing.
/// </summary>
internal sealed class InboxDatabase : IAsyncDisposable
{
    public const int Days = 30;

    private static readonly string[] Titles =
    [
        "Deploy release {0} to production", "Rotate database credentials ({0})", "Open firewall port for build agents {0}",
        "Scale out the web tier ({0})", "Hotfix {0} for the payment service", "Release notes for {0}", "Grant access to the audit share {0}",
        "Migrate reporting jobs {0}", "Renew the TLS certificate {0}", "Restore the staging snapshot {0}",
    ];

    private static readonly (ReplyOutcome Outcome, int Weight, string Reason)[] Outcomes =
    [
        (ReplyOutcome.Approved, 45, "Approve on the first line."),
        (ReplyOutcome.Rejected, 15, "Reject on the first line."),
        (ReplyOutcome.NoDecision, 12, "The first line says neither Approve nor Reject."),
        (ReplyOutcome.Ignored, 10, "An automatic reply (Auto-Submitted: auto-replied)."),
        (ReplyOutcome.Late, 8, "The request was already approved when the reply was read."),
        (ReplyOutcome.Refused, 5, "The sender is not the approver the mail went to."),
        (ReplyOutcome.Duplicate, 3, "The same mail was processed before; this copy changes nothing."),
        (ReplyOutcome.Foreign, 2, "Another installation's reply: left in the folder."),
    ];

    private static readonly string[] Lines =
        ["Approve", "Approve - smoke tests are green", "Reject", "Reject - wait for the release freeze to end", "Looks fine to me", "Out of office", "approved, thanks"];

    private readonly string _dataPath = Path.Combine(Path.GetTempPath(), $"flexmail-inbox-{Guid.NewGuid():N}");

    private InboxDatabase()
    {
        Directory.CreateDirectory(_dataPath);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["FlexMail:DataPath"] = _dataPath })
            .Build();
        Services = new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .AddFlexMailDomain(configuration, new DataFolder(_dataPath, _dataPath))
            .BuildServiceProvider();
    }

    public ServiceProvider Services { get; }

    public IDbContextFactory<FlexMailDbContext> Contexts => Services.GetRequiredService<IDbContextFactory<FlexMailDbContext>>();

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>Approver addresses (the first is the busiest), for the sender filter.</summary>
    public static IReadOnlyList<string> Approvers { get; } = [.. Enumerable.Range(1, 40).Select(i => $"approver{i:D2}@contoso.test")];

    public IReadOnlyList<Guid> RequestIds { get; private set; } = [];

    /// <summary>SQLite's journal mode for the file (<c>wal</c>, which the migrator sets, or <c>delete</c> to compare).</summary>
    public string JournalMode { get; private set; } = "";

    public IReadOnlyList<Guid> ReplyIds { get; private set; } = [];

    /// <param name="rollbackJournal">Switches the file back to SQLite's rollback journal (readers wait while a writer writes), to compare.</param>
    public static async Task<InboxDatabase> CreateAsync(int replies, int requests, bool rollbackJournal, CancellationToken ct)
    {
        var database = new InboxDatabase();
        await database.Get<DatabaseMigrator>().MigrateAsync(ct);
        await using (var db = await database.Contexts.CreateDbContextAsync(ct))
        {
            database.JournalMode = (await db.Database.SqlQueryRaw<string>(rollbackJournal ? "PRAGMA journal_mode=DELETE" : "PRAGMA journal_mode")
                .ToListAsync(ct)).Single();
        }
        await database.SeedAsync(replies, requests, ct);
        return database;
    }

    /// <summary>A processed reply as the monitor records it, processed at <paramref name="at"/>.</summary>
    public static ProcessedReply Reply(Random random, Guid requestId, string title, DateTimeOffset at)
    {
        var (outcome, reason) = PickOutcome(random);
        var stranger = outcome == ReplyOutcome.Refused || random.Next(20) == 0;
        var sender = stranger ? $"someone{random.Next(500)}@fabrikam.test" : Approvers[Math.Min(random.Next(40), random.Next(40))];
        var line = outcome switch
        {
            ReplyOutcome.Approved => Lines[random.Next(2)],
            ReplyOutcome.Rejected => Lines[2 + random.Next(2)],
            ReplyOutcome.Ignored => Lines[5],
            _ => Lines[4 + random.Next(3)],
        };
        var key = $"<{Guid.NewGuid():N}@mail.contoso.test>";
        return new ProcessedReply
        {
            MessageKey = key,
            InternetMessageId = key,
            GraphMessageId = $"AAMkAGI2TG93AAA{Guid.NewGuid():N}",
            Sender = sender,
            SenderName = sender.Split('@')[0],
            Subject = $"RE: [FlexMail] Approval required: {title} [FM-K7Q2-{random.NextInt64():X16}]",
            ReceivedAt = at.AddSeconds(-1 - random.Next(10)),
            ProcessedAt = at,
            Outcome = outcome,
            Reason = reason,
            ApprovalRequestId = outcome == ReplyOutcome.Foreign ? null : requestId,
            Decision = outcome switch { ReplyOutcome.Approved => DecisionKind.Approve, ReplyOutcome.Rejected => DecisionKind.Reject, _ => null },
            MatchedBy = "the token in the subject",
            DecisiveLine = line,
            OwnText = line + "\r\n\r\nRegards,\r\n" + sender.Split('@')[0],
            QuotedText = $"-----Original Message-----\r\nFrom: FlexMail <approvals@contoso.test>\r\nSubject: Approval required: {title}\r\n\r\nPlease approve or reject.",
            StepsJson = """[{"name":"classify","verdict":"A reply to an approval mail.","milliseconds":0.1},{"name":"match","verdict":"The token in the subject.","milliseconds":0.4},{"name":"sender","verdict":"The approver the mail went to.","milliseconds":0.1},{"name":"parse","verdict":"Approve on the first line.","milliseconds":0.3},{"name":"decide","verdict":"Approve recorded.","milliseconds":4.2}]""",
            HeadersJson = """[{"name":"From","value":"approver01@contoso.test"},{"name":"Authentication-Results","value":"spf=pass; dkim=pass; dmarc=pass"},{"name":"In-Reply-To","value":"<abc@flexmail.test>"}]""",
            Removal = outcome == ReplyOutcome.Foreign ? ReplyRemoval.Left : ReplyRemoval.Moved,
            RemovedAt = outcome == ReplyOutcome.Foreign ? null : at.AddMilliseconds(300),
        };
    }

    public static string TitleOf(int request) => string.Format(System.Globalization.CultureInfo.InvariantCulture, Titles[request % Titles.Length], $"4.{request}");

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataPath, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open: the temporary folder is left for the system to clean.
        }
    }

    private async Task SeedAsync(int replies, int requests, CancellationToken ct)
    {
        var random = new Random(42);
        var now = DateTimeOffset.UtcNow;
        var requestRows = Enumerable.Range(0, requests).Select(i => new ApprovalRequest
        {
            Title = TitleOf(i),
            RequestedBy = "Release pipeline",
            CreatedVia = DecisionVia.Api,
            Status = ApprovalStatus.Approved,
            CreatedAt = now.AddDays(-Days - 1).AddMinutes(i),
            ExpiresAt = now.AddDays(3),
        }).ToList();
        await using (var db = await Contexts.CreateDbContextAsync(ct))
        {
            db.ApprovalRequests.AddRange(requestRows);
            await db.SaveChangesAsync(ct);
        }
        RequestIds = [.. requestRows.Select(r => r.Id)];

        var ids = new List<Guid>(replies);
        const int Chunk = 5000;
        for (var done = 0; done < replies; done += Chunk)
        {
            await using var db = await Contexts.CreateDbContextAsync(ct);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            for (var i = done; i < Math.Min(replies, done + Chunk); i++)
            {
                // Busier requests first (a skew like real approvals), processed at any moment of the last 30 days.
                var request = Math.Min(random.Next(requests), random.Next(requests));
                var row = Reply(random, requestRows[request].Id, requestRows[request].Title, now.AddSeconds(-random.NextDouble() * Days * 86_400));
                db.ProcessedReplies.Add(row);
                ids.Add(row.Id);
            }
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        ReplyIds = ids;
    }

    private static (ReplyOutcome, string) PickOutcome(Random random)
    {
        var roll = random.Next(Outcomes.Sum(o => o.Weight));
        foreach (var (outcome, weight, reason) in Outcomes)
        {
            if (roll < weight)
            {
                return (outcome, reason);
            }
            roll -= weight;
        }
        return (ReplyOutcome.Approved, Outcomes[0].Reason);
    }
}
