using FlexMail.Portal.Sandbox.Mail;
using FlexMail.Portal.Sandbox.Persistence;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace FlexMail.Portal.Sandbox.Automation;

/// <summary>A line of <c>GET /sandbox/api/mailboxes/{address}/messages</c>.</summary>
public sealed record SandboxApiMessageSummary(string Id, string Subject, SandboxAddress From, DateTimeOffset ReceivedDateTime, string Folder);

/// <summary>The body of a message as the automation API shows it.</summary>
public sealed record SandboxApiBody(string ContentType, string Content);

/// <summary><c>GET /sandbox/api/mailboxes/{address}/messages/{id}</c>: the message with its headers and body.</summary>
public sealed record SandboxApiMessage(
    string Id,
    string InternetMessageId,
    string Subject,
    SandboxAddress From,
    IReadOnlyList<SandboxAddress> ToRecipients,
    IReadOnlyList<SandboxAddress> CcRecipients,
    IReadOnlyList<SandboxAddress> ReplyTo,
    DateTimeOffset ReceivedDateTime,
    string Folder,
    IReadOnlyList<SandboxHeader> Headers,
    SandboxApiBody Body);

/// <summary>Reading a sandbox mailbox's messages for tests and load runs: list by folder path, one with headers, one as MIME.</summary>
internal static class SandboxMessagesApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/mailboxes/{address}/messages", ListAsync);
        api.MapGet("/mailboxes/{address}/messages/{id}", GetAsync);
        api.MapGet("/mailboxes/{address}/messages/{id}/raw", RawAsync);
    }

    private static async Task<IResult> ListAsync(string address, string? folder, IDbContextFactory<SandboxDbContext> contexts, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await MailboxIdAsync(db, address, cancellationToken) is not { } mailboxId)
        {
            return NoMailbox(address);
        }
        var tree = await SandboxFolderTree.LoadAsync(db, cancellationToken);
        var messages = db.Messages.AsNoTracking().Where(m => m.MailboxUserId == mailboxId && !m.IsDraft);
        if (!string.IsNullOrWhiteSpace(folder))
        {
            if (tree.Find(mailboxId, folder) is not { } found)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such folder",
                    detail: $"The mailbox {address} has no folder '{folder}'. Name it by its path from the top, e.g. Inbox/FlexMail Replies.");
            }
            messages = messages.Where(m => m.FolderId == found.Id);
        }
        var list = await messages.OrderByDescending(m => m.ReceivedDateTime)
            .Select(m => new { m.Id, m.Subject, m.From, m.ReceivedDateTime, m.FolderId }).ToListAsync(cancellationToken);
        return TypedResults.Ok(list.Select(m => new SandboxApiMessageSummary(m.Id, m.Subject, m.From, m.ReceivedDateTime, tree.PathOf(m.FolderId))).ToList());
    }

    private static async Task<IResult> GetAsync(string address, string id, IDbContextFactory<SandboxDbContext> contexts, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await FindAsync(db, address, id, cancellationToken) is not { } message)
        {
            return NoMessage(address, id);
        }
        var tree = await SandboxFolderTree.LoadAsync(db, cancellationToken);
        return TypedResults.Ok(new SandboxApiMessage(message.Id, message.InternetMessageId, message.Subject, message.From, message.ToRecipients,
            message.CcRecipients, message.ReplyTo, message.ReceivedDateTime, tree.PathOf(message.FolderId), message.Headers,
            new SandboxApiBody(message.BodyContentType, message.Body)));
    }

    private static async Task<IResult> RawAsync(string address, string id, IDbContextFactory<SandboxDbContext> contexts, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await FindAsync(db, address, id, cancellationToken) is not { } message)
        {
            return NoMessage(address, id);
        }
        using var mime = SandboxMimeWriter.Build(message);
        var buffer = new MemoryStream();
        await mime.WriteToAsync(buffer, cancellationToken);
        return TypedResults.Bytes(buffer.ToArray(), SandboxAutomationEndpoints.Rfc822);
    }

    private static async Task<Guid?> MailboxIdAsync(SandboxDbContext db, string address, CancellationToken cancellationToken)
    {
        var lower = address.ToLowerInvariant();
        var id = await db.Users.Where(u => u.HasMailbox && u.Mail != null && u.Mail.ToLower() == lower).Select(u => u.Id).FirstOrDefaultAsync(cancellationToken);
        return id == Guid.Empty ? null : id;
    }

    private static async Task<SandboxMessage?> FindAsync(SandboxDbContext db, string address, string id, CancellationToken cancellationToken) =>
        await MailboxIdAsync(db, address, cancellationToken) is { } mailboxId
            ? await db.Messages.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id && m.MailboxUserId == mailboxId, cancellationToken)
            : null;

    private static IResult NoMailbox(string address) => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such mailbox",
        detail: $"{address} is not a mailbox of the sandbox tenant {SandboxTenant.Domain}.");

    private static IResult NoMessage(string address, string id) => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such message",
        detail: $"The mailbox {address} has no message {id} (a message gets a new id when it moves to another folder).");
}
