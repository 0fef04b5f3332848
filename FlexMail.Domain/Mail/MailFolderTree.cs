using Microsoft.Graph;
using GraphFolder = Microsoft.Graph.Models.MailFolder;

namespace FlexMail.Domain.Mail;

/// <summary>
/// Reads a mailbox's folders through Graph: the whole tree (every <c>@odata.nextLink</c> page, every
/// <c>childFolders</c> level) or one folder by path.
/// </summary>
internal sealed class MailFolderTree(GraphServiceClient client, int pageSize)
{
    private static readonly string[] FolderSelect = ["id", "displayName", "childFolderCount", "unreadItemCount", "totalItemCount"];

    /// <summary>Graph's well-known folder names, which address a folder whatever its (localized) display name.</summary>
    private static readonly HashSet<string> WellKnownNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "archive", "clutter", "conflicts", "conversationhistory", "deleteditems", "drafts", "inbox", "junkemail", "localfailures",
        "msgfolderroot", "outbox", "recoverableitemsdeletions", "scheduled", "searchfolders", "sentitems", "serverfailures", "syncissues",
    };

    public async Task<IReadOnlyList<MailFolder>> ListAsync(string mailbox, CancellationToken cancellationToken) =>
        await ListLevelAsync(mailbox, parent: null, cancellationToken);

    public async Task<MailFolder> ResolveAsync(string mailbox, string path, CancellationToken cancellationToken)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (segments.Length == 0)
        {
            throw new MailFailureException(new MailFailure(MailFailureKind.FolderNotFound, null, null,
                "No folder path was given.", "Enter a folder path such as Inbox or Inbox/FlexMail Replies."));
        }
        MailFolder current;
        if (WellKnownNames.Contains(segments[0]))
        {
            var folder = await client.Users[mailbox].MailFolders[segments[0].ToLowerInvariant()]
                .GetAsync(request => request.QueryParameters.Select = FolderSelect, cancellationToken);
            current = Map(folder!, parentPath: null, []);
        }
        else
        {
            current = Match(await ListFoldersAsync(mailbox, parentId: null, cancellationToken), segments[0], parentPath: null, mailbox, path);
        }
        foreach (var segment in segments.Skip(1))
        {
            current = Match(await ListFoldersAsync(mailbox, current.Id, cancellationToken), segment, current.Path, mailbox, path);
        }
        return current;
    }

    /// <summary>A folder by path, creating each missing level under the one above (the first level under the mailbox's root).</summary>
    public async Task<MailFolder> EnsureAsync(string mailbox, string path, CancellationToken cancellationToken)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (segments.Length == 0)
        {
            throw new MailFailureException(new MailFailure(MailFailureKind.FolderNotFound, null, null,
                "No folder path was given.", "Enter a folder path such as Inbox/FlexMail Processed."));
        }
        MailFolder? current = null;
        for (var i = 0; i < segments.Length; i++)
        {
            if (i == 0 && WellKnownNames.Contains(segments[0]))
            {
                var folder = await client.Users[mailbox].MailFolders[segments[0].ToLowerInvariant()]
                    .GetAsync(request => request.QueryParameters.Select = FolderSelect, cancellationToken);
                current = Map(folder!, parentPath: null, []);
                continue;
            }
            var existing = (await ListFoldersAsync(mailbox, current?.Id, cancellationToken))
                .FirstOrDefault(f => string.Equals(f.DisplayName, segments[i], StringComparison.OrdinalIgnoreCase));
            var created = existing ?? (current is null
                ? await client.Users[mailbox].MailFolders.PostAsync(new GraphFolder { DisplayName = segments[i] }, cancellationToken: cancellationToken)
                : await client.Users[mailbox].MailFolders[current.Id].ChildFolders.PostAsync(new GraphFolder { DisplayName = segments[i] },
                    cancellationToken: cancellationToken));
            current = Map(created!, current?.Path, []);
        }
        return current!;
    }

    private async Task<IReadOnlyList<MailFolder>> ListLevelAsync(string mailbox, MailFolder? parent, CancellationToken cancellationToken)
    {
        var result = new List<MailFolder>();
        foreach (var folder in await ListFoldersAsync(mailbox, parent?.Id, cancellationToken))
        {
            var node = Map(folder, parent?.Path, []);
            result.Add(node.ChildFolderCount > 0 ? node with { Children = await ListLevelAsync(mailbox, node, cancellationToken) } : node);
        }
        return result;
    }

    private async Task<List<GraphFolder>> ListFoldersAsync(string mailbox, string? parentId, CancellationToken cancellationToken)
    {
        var folders = client.Users[mailbox].MailFolders;
        var page = parentId is null
            ? await folders.GetAsync(r => { r.QueryParameters.Top = pageSize; r.QueryParameters.Select = FolderSelect; }, cancellationToken)
            : await folders[parentId].ChildFolders.GetAsync(r => { r.QueryParameters.Top = pageSize; r.QueryParameters.Select = FolderSelect; }, cancellationToken);
        var result = new List<GraphFolder>();
        while (page is not null)
        {
            result.AddRange(page.Value ?? []);
            page = page.OdataNextLink is { } next ? await folders.WithUrl(next).GetAsync(cancellationToken: cancellationToken) : null;
        }
        return result;
    }

    private static MailFolder Match(IReadOnlyList<GraphFolder> candidates, string name, string? parentPath, string mailbox, string path)
    {
        var found = candidates.FirstOrDefault(f => string.Equals(f.DisplayName, name, StringComparison.OrdinalIgnoreCase));
        if (found is not null)
        {
            return Map(found, parentPath, []);
        }
        var where = parentPath is null ? "at the top of the mailbox" : $"under {parentPath}";
        var existing = candidates.Count == 0 ? "none" : string.Join(", ", candidates.Select(f => f.DisplayName));
        throw new MailFailureException(new MailFailure(MailFailureKind.FolderNotFound, null, null,
            $"{mailbox} has no folder '{path}': there is no '{name}' {where} (folders there: {existing}).",
            $"List the folders of {mailbox} and choose one, or create the folder '{name}' {where} in Outlook."));
    }

    private static MailFolder Map(GraphFolder folder, string? parentPath, IReadOnlyList<MailFolder> children)
    {
        var name = folder.DisplayName ?? "";
        return new MailFolder(folder.Id ?? "", name, parentPath is null ? name : $"{parentPath}/{name}",
            folder.UnreadItemCount ?? 0, folder.TotalItemCount ?? 0, folder.ChildFolderCount ?? 0, children);
    }
}
