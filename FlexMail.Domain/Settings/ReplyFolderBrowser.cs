using FlexMail.Domain.Mail;
using FlexMail.Domain.MailboxAccess;
using FlexMail.Domain.MailboxAccess.Connections;

namespace FlexMail.Domain.Settings;

/// <summary>A folder the replies could be read from, with its path from the top of the mailbox.</summary>
public sealed record ReplyFolderChoice(string Path, int TotalCount, int UnreadCount);

/// <summary>
/// What browsing the reply mailbox found: its folders and whether the typed Email Reply Folder exists there; or the
/// problem (nothing authorized yet, a Graph error) in plain words with its fix.
/// </summary>
public sealed record ReplyFolderBrowse(string Mailbox, IReadOnlyList<ReplyFolderChoice> Folders, string? Problem, ReplyFolderCheck? Check)
{
    public static ReplyFolderBrowse Failed(string mailbox, string problem) => new(mailbox, [], problem, null);
}

/// <summary>Whether the typed Email Reply Folder exists in the reply mailbox.</summary>
/// <param name="Path">The folder path as typed.</param>
/// <param name="Found">True when the mailbox has it.</param>
/// <param name="Message">What was found, or what is wrong and how to fix it.</param>
public sealed record ReplyFolderCheck(string Path, bool Found, string Message);

/// <summary>
/// Lists the reply mailbox's real folders through the saved incoming connection, so the admin can pick the Email
/// Reply Folder rather than type it, and checks a typed path against the mailbox.
/// </summary>
public sealed class ReplyFolderBrowser(MailboxConnections connections, MailGatewayFactory gateways)
{
    /// <summary>Folders replies never land in; offering them would only invite a mistake.</summary>
    private static readonly HashSet<string> NeverReplyFolders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Sent Items", "Deleted Items", "Outbox", "Drafts", "Conversation History", "Sync Issues",
    };

    /// <param name="replyMailbox">The mailbox as the form shows it (typed, maybe not saved yet).</param>
    /// <param name="typedPath">The Email Reply Folder typed so far; checked when not empty.</param>
    public async Task<ReplyFolderBrowse> BrowseAsync(string replyMailbox, string? typedPath, CancellationToken cancellationToken)
    {
        var (connection, problem) = await connections.ForRoleAsync(MailboxRole.Incoming, cancellationToken);
        if (connection is null)
        {
            return ReplyFolderBrowse.Failed(replyMailbox, $"The folders cannot be listed yet. {problem}");
        }
        using (connection)
        {
            var mailbox = string.IsNullOrWhiteSpace(replyMailbox) ? connection.User : replyMailbox.Trim();
            using var gateway = gateways.Create(connection.Cloud, connection.Tokens);
            var listed = await gateway.ListFoldersAsync(mailbox, cancellationToken);
            if (!listed.Succeeded)
            {
                return ReplyFolderBrowse.Failed(mailbox, $"{listed.Problem}");
            }
            var check = string.IsNullOrWhiteSpace(typedPath) ? null : await CheckAsync(gateway, mailbox, typedPath.Trim(), cancellationToken);
            return new ReplyFolderBrowse(mailbox, [.. Flatten(listed.Value)], null, check);
        }
    }

    /// <summary>
    /// Checks a path typed after the folders were listed against that list (no round trip to the mailbox); null for a
    /// bare well-known name the list does not show, which a mailbox in another language names differently.
    /// </summary>
    public static ReplyFolderCheck? CheckAgainstList(ReplyFolderBrowse browse, string path)
    {
        var typed = path.Trim();
        var listed = browse.Folders.FirstOrDefault(folder => MailFolderPath.Same(folder.Path, typed));
        if (listed is null && MailFolderPath.WellKnownNames.Contains(typed, StringComparer.OrdinalIgnoreCase))
        {
            return null;
        }
        return listed is not null
            ? new ReplyFolderCheck(typed, true, $"{browse.Mailbox} has the folder {listed.Path} ({Mails(listed.TotalCount)} in it now).")
            : new ReplyFolderCheck(typed, false, $"{browse.Mailbox} has no folder {typed} among the folders listed. " +
                                                 "Pick one from the list, create the folder in Outlook, or click List Folders again if it was just created.");
    }

    private static async Task<ReplyFolderCheck> CheckAsync(IMailGateway gateway, string mailbox, string path, CancellationToken cancellationToken)
    {
        var resolved = await gateway.ResolveFolderAsync(mailbox, path, cancellationToken);
        return resolved.Succeeded
            ? new ReplyFolderCheck(path, true, $"{mailbox} has the folder {resolved.Value.Path} ({Mails(resolved.Value.TotalCount)} in it now).")
            : new ReplyFolderCheck(path, false, $"{resolved.Problem}");
    }

    private static IEnumerable<ReplyFolderChoice> Flatten(IEnumerable<MailFolder> folders)
    {
        foreach (var folder in folders.Where(f => !NeverReplyFolders.Contains(f.Path)).OrderBy(f => f.Path, StringComparer.OrdinalIgnoreCase))
        {
            yield return new ReplyFolderChoice(folder.Path, folder.TotalCount, folder.UnreadCount);
            foreach (var child in Flatten(folder.Children))
            {
                yield return child;
            }
        }
    }

    private static string Mails(int count) => count == 1 ? "1 mail" : $"{count} mails";
}
