using FlexMail.Portal.Sandbox.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FlexMail.Portal.Sandbox.Mail;

/// <summary>The sandbox's mail folders in memory, for delivery: each mailbox's well-known folders and every folder's path.</summary>
public sealed class SandboxFolderTree
{
    private readonly Dictionary<string, SandboxMailFolder> _byId;

    private SandboxFolderTree(IEnumerable<SandboxMailFolder> folders) => _byId = folders.ToDictionary(f => f.Id);

    public static async Task<SandboxFolderTree> LoadAsync(SandboxDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return new(await db.MailFolders.AsNoTracking().ToListAsync(cancellationToken));
    }

    public string Inbox(Guid mailboxUserId) => WellKnown(mailboxUserId, WellKnownFolders.Inbox);

    public string WellKnown(Guid mailboxUserId, string wellKnownName) =>
        _byId.Values.First(f => f.MailboxUserId == mailboxUserId && f.WellKnownName == wellKnownName).Id;

    /// <summary>Whether <paramref name="folderId"/> is a folder of the mailbox.</summary>
    public bool Holds(Guid mailboxUserId, string folderId) =>
        _byId.TryGetValue(folderId, out var folder) && folder.MailboxUserId == mailboxUserId;

    /// <summary>The folder's display names from the top, joined by <c>/</c> (<c>Inbox/FlexMail Replies</c>).</summary>
    public string PathOf(string folderId)
    {
        var names = new List<string>();
        for (var folder = _byId.GetValueOrDefault(folderId); folder is not null; folder = folder.ParentFolderId is { } parent ? _byId.GetValueOrDefault(parent) : null)
        {
            names.Insert(0, folder.DisplayName);
        }
        return string.Join('/', names);
    }

    /// <summary>The folder of the mailbox at <paramref name="path"/> (display names, case-insensitive), or null.</summary>
    public SandboxMailFolder? Find(Guid mailboxUserId, string path) => _byId.Values.FirstOrDefault(f =>
        f.MailboxUserId == mailboxUserId && string.Equals(PathOf(f.Id), path.Trim('/'), StringComparison.OrdinalIgnoreCase));
}
