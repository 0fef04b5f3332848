using FlexMail.Portal.Sandbox.Mail;
using FlexMail.Portal.Sandbox.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FlexMail.Portal.Sandbox.Graph;

/// <summary>
/// Drafts: <c>POST messages</c> (JSON or base64 MIME) creates one in Drafts, or in the folder the path names, with the
/// internetMessageId Exchange assigns; <c>POST messages/{id}/send</c> sends it with that same internetMessageId, and
/// the copy in Sent Items replaces the draft (new ids, as Exchange gives). Sending a message that is not a draft is
/// Graph's <c>ErrorItemNotFound</c>; a From other than the mailbox needs Send As, checked when the draft is sent.
/// </summary>
public sealed class GraphDraftHandler(GraphMailboxes mailboxes, GraphSendHandler send, SandboxMailDelivery delivery,
    IDbContextFactory<SandboxDbContext> contexts, TimeProvider clock)
{
    public async Task<GraphResult> CreateAsync(GraphCall call, CancellationToken cancellationToken)
    {
        var mailbox = await mailboxes.OpenAsync(call, MailAccess.ReadWrite, cancellationToken);
        var content = GraphDraftContent.Read(call.Request);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var folder = await GraphFolderHandler.FindAsync(db, mailbox.Id,
            call.Values.TryGetValue("folder", out var folderId) ? folderId : WellKnownFolders.Drafts, cancellationToken);
        var own = new SandboxAddress(mailbox.DisplayName, mailbox.Mail!);
        var now = clock.GetUtcNow();
        var draft = new SandboxMessage
        {
            Id = SandboxIds.NewMessageId(),
            ImmutableId = SandboxIds.NewImmutableId(),
            MailboxUserId = mailbox.Id,
            FolderId = folder.Id,
            InternetMessageId = SandboxMailDelivery.NewInternetMessageId(),
            ConversationId = SandboxIds.NewConversationId(),
            Subject = content.Subject,
            BodyContentType = content.BodyContentType,
            Body = content.Body,
            From = content.From ?? own,
            Sender = content.From ?? own,
            ToRecipients = [.. content.To],
            CcRecipients = [.. content.Cc],
            ReplyTo = [.. content.ReplyTo],
            Headers = [.. content.Headers],
            IsRead = true,
            IsDraft = true,
            CreatedDateTime = now,
            LastModifiedDateTime = now,
            ReceivedDateTime = now,
            SentDateTime = now,
            ChangeKey = SandboxIds.NewChangeKey(),
        };
        db.Messages.Add(draft);
        await db.SaveChangesAsync(cancellationToken);
        return GraphResult.Created(GraphPage.Entity(call.Request, $"users('{mailbox.Id}')/messages/$entity",
            GraphJson.Message(draft, call.Immutable, null)));
    }

    public async Task<GraphResult> SendAsync(GraphCall call, CancellationToken cancellationToken)
    {
        var mailbox = await mailboxes.OpenAsync(call, MailAccess.Send, cancellationToken);
        SandboxMessage draft;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            draft = await GraphMessageHandler.FindAsync(db, mailbox.Id, call.Value("message"), cancellationToken);
        }
        if (!draft.IsDraft)
        {
            throw GraphException.ItemNotFound();
        }
        if (draft.ToRecipients.Count + draft.CcRecipients.Count == 0)
        {
            throw new GraphException(StatusCodes.Status400BadRequest, "ErrorInvalidRecipients",
                "At least one recipient isn't valid., A message can't be sent because it contains no recipients.");
        }
        var from = await send.SendAsAsync(call, mailbox, draft.From, cancellationToken);
        var mail = new SandboxOutgoingMail(mailbox.Id, from, draft.ToRecipients, draft.Subject, draft.BodyContentType, draft.Body)
        {
            CcRecipients = draft.CcRecipients,
            ReplyTo = draft.ReplyTo,
            CustomHeaders = draft.Headers,
            Importance = draft.Importance,
            InternetMessageId = draft.InternetMessageId,
            ConversationId = draft.ConversationId,
            SentDraftId = draft.Id,
        };
        try
        {
            await delivery.DeliverAsync(mail, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw GraphException.ItemNotFound(); // sent (or deleted) by another request meanwhile
        }
        return GraphResult.Accepted();
    }
}
