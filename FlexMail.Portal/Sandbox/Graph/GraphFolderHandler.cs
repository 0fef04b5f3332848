using System.Security.Cryptography;
using System.Text.Json.Nodes;
using FlexMail.Portal.Sandbox.Mail;
using FlexMail.Portal.Sandbox.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;

namespace FlexMail.Portal.Sandbox.Graph;

/// <summary>
/// <c>mailFolders</c>: list the top level (or a folder's <c>childFolders</c>) with <c>$top</c>/<c>$skip</c> paging,
/// get one by id or well-known name, create one (<c>ErrorFolderExists</c> on a duplicate name).
/// </summary>
public sealed class GraphFolderHandler(GraphMailboxes mailboxes, IDbContextFactory<SandboxDbContext> contexts, TimeProvider clock)
{
    /// <summary>The id of a mailbox's root ("Top of Information Store"), the parent of its top-level folders.</summary>
    public static string RootFolderId(Guid mailboxUserId) =>
        "AQMkAD" + Base64UrlEncoder.Encode(SHA256.HashData(mailboxUserId.ToByteArray())) + "AAAAAAEBAAAA";

    /// <summary>A folder of the mailbox by id or well-known name; <c>ErrorItemNotFound</c> when there is none.</summary>
    public static async Task<SandboxMailFolder> FindAsync(SandboxDbContext db, Guid mailboxUserId, string idOrName, CancellationToken cancellationToken)
    {
        var name = idOrName.ToLowerInvariant();
        return await db.MailFolders.AsNoTracking()
                   .SingleOrDefaultAsync(f => f.MailboxUserId == mailboxUserId && (f.Id == idOrName || f.WellKnownName == name), cancellationToken)
               ?? throw GraphException.ItemNotFound();
    }

    public async Task<GraphResult> ListAsync(GraphCall call, CancellationToken cancellationToken)
    {
        var mailbox = await mailboxes.OpenAsync(call, MailAccess.Read, cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var parent = call.Values.TryGetValue("folder", out var parentId) ? await FindAsync(db, mailbox.Id, parentId, cancellationToken) : null;
        var folders = await db.MailFolders.AsNoTracking()
            .Where(f => f.MailboxUserId == mailbox.Id && f.ParentFolderId == (parent == null ? null : parent.Id))
            .ToListAsync(cancellationToken);
        var ordered = parent is null
            ? folders.OrderBy(f => f.WellKnownName is null).ThenBy(f => WellKnownOrder(f.WellKnownName)).ThenBy(f => f.DisplayName).ToList()
            : folders.OrderBy(f => f.DisplayName, StringComparer.OrdinalIgnoreCase).ToList();
        var page = GraphPage.Read(call.Request, defaultTop: 10);
        var select = GraphJson.Select(call.Request);
        var items = new List<JsonNode>();
        foreach (var folder in ordered.Skip(page.Skip).Take(page.Top))
        {
            items.Add(GraphJson.Folder(folder, RootFolderId(mailbox.Id), await CountAsync(db, folder, cancellationToken), select));
        }
        var context = parent is null ? $"users('{mailbox.Id}')/mailFolders" : $"users('{mailbox.Id}')/mailFolders('{parent.Id}')/childFolders";
        return GraphResult.Ok(GraphPage.Collection(call.Request, context, items, ordered.Count, page));
    }

    public async Task<GraphResult> GetAsync(GraphCall call, CancellationToken cancellationToken)
    {
        var mailbox = await mailboxes.OpenAsync(call, MailAccess.Read, cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var folder = await FindAsync(db, mailbox.Id, call.Value("folder"), cancellationToken);
        return GraphResult.Ok(GraphPage.Entity(call.Request, $"users('{mailbox.Id}')/mailFolders/$entity",
            GraphJson.Folder(folder, RootFolderId(mailbox.Id), await CountAsync(db, folder, cancellationToken), GraphJson.Select(call.Request))));
    }

    public async Task<GraphResult> CreateAsync(GraphCall call, CancellationToken cancellationToken)
    {
        var mailbox = await mailboxes.OpenAsync(call, MailAccess.ReadWrite, cancellationToken);
        var displayName = GraphBody.String(call.Request.Body, "displayName");
        if (string.IsNullOrWhiteSpace(displayName))
        {
            throw GraphException.InvalidArgument("The DisplayName property is required.");
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var parent = call.Values.TryGetValue("folder", out var parentId) ? await FindAsync(db, mailbox.Id, parentId, cancellationToken) : null;
        var siblings = await db.MailFolders.Where(f => f.MailboxUserId == mailbox.Id && f.ParentFolderId == (parent == null ? null : parent.Id))
            .Select(f => f.DisplayName).ToListAsync(cancellationToken);
        if (siblings.Contains(displayName.Trim(), StringComparer.OrdinalIgnoreCase))
        {
            throw new GraphException(StatusCodes.Status409Conflict, "ErrorFolderExists", "A folder with the specified name already exists.");
        }
        var folder = new SandboxMailFolder
        {
            Id = SandboxIds.NewFolderId(),
            MailboxUserId = mailbox.Id,
            ParentFolderId = parent?.Id,
            DisplayName = displayName.Trim(),
            CreatedAt = clock.GetUtcNow(),
        };
        db.MailFolders.Add(folder);
        await db.SaveChangesAsync(cancellationToken);
        var context = parent is null ? $"users('{mailbox.Id}')/mailFolders/$entity" : $"users('{mailbox.Id}')/mailFolders('{parent.Id}')/childFolders/$entity";
        return GraphResult.Created(GraphPage.Entity(call.Request, context, GraphJson.Folder(folder, RootFolderId(mailbox.Id), new FolderCounts(0, 0, 0), null)));
    }

    private static async Task<FolderCounts> CountAsync(SandboxDbContext db, SandboxMailFolder folder, CancellationToken cancellationToken) => new(
        await db.MailFolders.CountAsync(f => f.ParentFolderId == folder.Id, cancellationToken),
        await db.Messages.CountAsync(m => m.FolderId == folder.Id && !m.IsRead, cancellationToken),
        await db.Messages.CountAsync(m => m.FolderId == folder.Id, cancellationToken));

    private static int WellKnownOrder(string? name)
    {
        for (var i = 0; i < WellKnownFolders.All.Count; i++)
        {
            if (WellKnownFolders.All[i].WellKnownName == name)
            {
                return i;
            }
        }
        return int.MaxValue;
    }
}
