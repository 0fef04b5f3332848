using System.Text.Json;
using System.Text.Json.Nodes;
using FlexMail.Portal.Sandbox.Mail;
using FlexMail.Portal.Sandbox.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace FlexMail.Portal.Sandbox.Graph;

/// <summary>
/// <c>messages</c>: list (a folder's or the whole mailbox's) with OData options, get, <c>PATCH</c> (<c>isRead</c>),
/// delete (to Deleted Items, or for good from there) and <c>move</c> (a new REST id; the immutable id stays).
/// </summary>
public sealed class GraphMessageHandler(GraphMailboxes mailboxes, IDbContextFactory<SandboxDbContext> contexts, TimeProvider clock)
{
    /// <summary>A message of the mailbox by REST id or immutable id; <c>ErrorItemNotFound</c> when there is none.</summary>
    public static async Task<SandboxMessage> FindAsync(SandboxDbContext db, Guid mailboxUserId, string id, CancellationToken cancellationToken) =>
        await db.Messages.SingleOrDefaultAsync(m => m.MailboxUserId == mailboxUserId && (m.Id == id || m.ImmutableId == id), cancellationToken)
        ?? throw GraphException.ItemNotFound();

    public async Task<GraphResult> ListAsync(GraphCall call, CancellationToken cancellationToken)
    {
        var mailbox = await mailboxes.OpenAsync(call, MailAccess.Read, cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.Messages.AsNoTracking().Where(m => m.MailboxUserId == mailbox.Id);
        var context = $"users('{mailbox.Id}')/messages";
        if (call.Values.TryGetValue("folder", out var folderId))
        {
            var folder = await GraphFolderHandler.FindAsync(db, mailbox.Id, folderId, cancellationToken);
            query = query.Where(m => m.FolderId == folder.Id);
            context = $"users('{mailbox.Id}')/mailFolders('{folderId}')/messages";
        }
        var page = GraphPage.Read(call.Request, defaultTop: 10);
        var filter = GraphMessageQuery.Filter(query, call.Request);
        var (rows, total) = await PageAsync(filter, page, cancellationToken);
        var select = GraphJson.Select(call.Request);
        if (select is not null)
        {
            context = $"{context}({string.Join(',', select)})";
        }
        var items = rows.Select(m => (JsonNode)GraphJson.Message(m, call.Immutable, select)).ToList();
        return GraphResult.Ok(GraphPage.Collection(call.Request, context, items, total, page));
    }

    // The page is read in SQL (one row past it tells whether there is a next page); $count=true counts in SQL too. Only
    // a from/sender clause, which SQL cannot see inside its JSON column, reads the other clauses' matches into memory.
    private static async Task<(List<SandboxMessage> Rows, int Total)> PageAsync(GraphMessageFilter filter, GraphPage page, CancellationToken cancellationToken)
    {
        if (filter.InMemory is { } inMemory)
        {
            var matching = (await filter.Query.ToListAsync(cancellationToken)).Where(inMemory).ToList();
            return ([.. matching.Skip(page.Skip).Take(page.Top)], matching.Count);
        }
        var rows = await filter.Query.Skip(page.Skip).Take(page.Top + 1).ToListAsync(cancellationToken);
        var total = page.Count ? await filter.Query.CountAsync(cancellationToken) : page.Skip + rows.Count;
        return ([.. rows.Take(page.Top)], total);
    }

    public async Task<GraphResult> GetAsync(GraphCall call, CancellationToken cancellationToken)
    {
        var mailbox = await mailboxes.OpenAsync(call, MailAccess.Read, cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var message = await FindAsync(db, mailbox.Id, call.Value("message"), cancellationToken);
        return GraphResult.Ok(Entity(call, mailbox.Id, message, GraphJson.Select(call.Request)));
    }

    /// <summary><c>GET messages/{id}/$value</c>: the message as MIME (its stored headers over its body).</summary>
    public async Task<GraphResult> MimeAsync(GraphCall call, CancellationToken cancellationToken)
    {
        var mailbox = await mailboxes.OpenAsync(call, MailAccess.Read, cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var message = await FindAsync(db, mailbox.Id, call.Value("message"), cancellationToken);
        using var mime = SandboxMimeWriter.Build(message);
        using var buffer = new MemoryStream();
        await mime.WriteToAsync(buffer, cancellationToken);
        return GraphResult.Content("message/rfc822", buffer.ToArray());
    }

    public async Task<GraphResult> UpdateAsync(GraphCall call, CancellationToken cancellationToken)
    {
        var mailbox = await mailboxes.OpenAsync(call, MailAccess.ReadWrite, cancellationToken);
        if (call.Request.Body is not { ValueKind: JsonValueKind.Object } body)
        {
            throw GraphException.BadRequest("Empty Payload. JSON content expected.");
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var message = await FindAsync(db, mailbox.Id, call.Value("message"), cancellationToken);
        foreach (var property in body.EnumerateObject())
        {
            if (property.Name.StartsWith('@'))
            {
                continue; // OData annotations such as "@odata.type", which the SDK always sends
            }
            if (string.Equals(property.Name, "isRead", StringComparison.OrdinalIgnoreCase)
                && property.Value.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                message.IsRead = property.Value.GetBoolean();
            }
            else
            {
                throw GraphException.BadRequest($"The sandbox cannot change the property '{property.Name}' of a message.");
            }
        }
        message.ChangeKey = SandboxIds.NewChangeKey();
        message.LastModifiedDateTime = clock.GetUtcNow();
        await SaveAsync(db, cancellationToken);
        return GraphResult.Ok(Entity(call, mailbox.Id, message, null));
    }

    public async Task<GraphResult> DeleteAsync(GraphCall call, CancellationToken cancellationToken)
    {
        var mailbox = await mailboxes.OpenAsync(call, MailAccess.ReadWrite, cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var message = await FindAsync(db, mailbox.Id, call.Value("message"), cancellationToken);
        var deletedItems = await GraphFolderHandler.FindAsync(db, mailbox.Id, WellKnownFolders.DeletedItems, cancellationToken);
        if (message.FolderId == deletedItems.Id)
        {
            db.Messages.Remove(message);
        }
        else
        {
            await MoveToAsync(db, message, deletedItems.Id, cancellationToken);
        }
        await SaveAsync(db, cancellationToken);
        return GraphResult.NoContent();
    }

    public async Task<GraphResult> MoveAsync(GraphCall call, CancellationToken cancellationToken)
    {
        var mailbox = await mailboxes.OpenAsync(call, MailAccess.ReadWrite, cancellationToken);
        var destinationId = GraphBody.String(call.Request.Body, "destinationId");
        if (string.IsNullOrWhiteSpace(destinationId))
        {
            throw GraphException.InvalidArgument("The DestinationId property is required.");
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var message = await FindAsync(db, mailbox.Id, call.Value("message"), cancellationToken);
        var destination = await GraphFolderHandler.FindAsync(db, mailbox.Id, destinationId, cancellationToken);
        var moved = await MoveToAsync(db, message, destination.Id, cancellationToken);
        return GraphResult.Created(Entity(call, mailbox.Id, moved, null));
    }

    // Like Exchange's REST ids, the id names the item in its folder: a move gives it a new one (the key, so in SQL).
    // Another request may have moved or deleted it since it was read: then it is gone from here, as Exchange says.
    private async Task<SandboxMessage> MoveToAsync(SandboxDbContext db, SandboxMessage message, string folderId, CancellationToken cancellationToken)
    {
        var newId = SandboxIds.NewMessageId();
        var changeKey = SandboxIds.NewChangeKey();
        var now = clock.GetUtcNow();
        var moved = await db.Messages.Where(m => m.Id == message.Id).ExecuteUpdateAsync(update => update
            .SetProperty(m => m.Id, newId)
            .SetProperty(m => m.FolderId, folderId)
            .SetProperty(m => m.ChangeKey, changeKey)
            .SetProperty(m => m.LastModifiedDateTime, now), cancellationToken);
        if (moved == 0)
        {
            throw GraphException.ItemNotFound();
        }
        db.Entry(message).State = EntityState.Detached;
        return await db.Messages.AsNoTracking().SingleOrDefaultAsync(m => m.Id == newId, cancellationToken)
            ?? throw GraphException.ItemNotFound();
    }

    // A change to a message that another request moved (a new id) or deleted meanwhile: the item is not found any more.
    // SQLite refuses a write transaction at once ("database is locked") when another one holds the file: the store is
    // busy, not broken, so the save is tried again after a short back-off, and answered as Graph's 503 if it stays busy.
    private async Task SaveAsync(SandboxDbContext db, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateConcurrencyException)
            {
                throw GraphException.ItemNotFound();
            }
            catch (DbUpdateException failure) when (failure.InnerException is SqliteException { SqliteErrorCode: 5 or 6 })
            {
                if (attempt == MaxSaveAttempts)
                {
                    throw GraphException.ServiceUnavailable();
                }
                await Task.Delay(TimeSpan.FromMilliseconds(25 * attempt), clock, cancellationToken);
            }
        }
    }

    private const int MaxSaveAttempts = 8;

    private static JsonObject Entity(GraphCall call, Guid mailboxId, SandboxMessage message, HashSet<string>? select) =>
        GraphPage.Entity(call.Request, $"users('{mailboxId}')/messages/$entity", GraphJson.Message(message, call.Immutable, select));
}
