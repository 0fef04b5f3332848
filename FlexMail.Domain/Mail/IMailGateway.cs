namespace FlexMail.Domain.Mail;

/// <summary>
/// FlexMail's access to Exchange Online mailboxes through Microsoft Graph, for one mailbox connection (one cloud, one
/// token source). Every operation answers a result: the value, or a <see cref="MailFailure"/> that says in plain words
/// what went wrong and how to fix it. Mailboxes are addressed by user principal name or primary SMTP address.
/// </summary>
public interface IMailGateway : IDisposable
{
    /// <summary>The signed-in user of a delegated token (<c>GET /me</c>).</summary>
    Task<Result<MailIdentity>> WhoAmIAsync(CancellationToken cancellationToken);

    /// <summary>Sends a mail from <paramref name="mailbox"/>, or as <see cref="OutgoingMail.From"/> when that is another mailbox.</summary>
    Task<Result> SendAsync(string mailbox, OutgoingMail mail, CancellationToken cancellationToken);

    /// <summary>The mailbox's folder tree (every page, every level).</summary>
    Task<Result<IReadOnlyList<MailFolder>>> ListFoldersAsync(string mailbox, CancellationToken cancellationToken);

    /// <summary>
    /// A folder by path (<c>Inbox</c>, <c>Inbox/FlexMail Replies</c>); the first segment may also be a well-known name
    /// (<c>inbox</c>, <c>sentitems</c> ...). Names compare case-insensitively. Children are not loaded.
    /// </summary>
    Task<Result<MailFolder>> ResolveFolderAsync(string mailbox, string path, CancellationToken cancellationToken);

    /// <summary>
    /// One page of a folder's messages (newest first unless the query asks for the oldest first), with immutable ids.
    /// Pass the previous page's <see cref="MessagePage.NextPageToken"/> in the query for the next one.
    /// </summary>
    Task<Result<MessagePage>> ListMessagesAsync(string mailbox, string folderId, MessageListQuery query, CancellationToken cancellationToken);

    /// <summary>A folder by path, created (each missing level) when it does not exist yet.</summary>
    Task<Result<MailFolder>> EnsureFolderAsync(string mailbox, string path, CancellationToken cancellationToken);

    /// <summary>A message (with its body), and its internet message headers when asked.</summary>
    Task<Result<MailMessage>> GetMessageAsync(string mailbox, string messageId, bool includeHeaders, CancellationToken cancellationToken);

    /// <summary>Moves a message to another folder; answers the moved message's (immutable) id.</summary>
    Task<Result<string>> MoveAsync(string mailbox, string messageId, string destinationFolderId, CancellationToken cancellationToken);

    /// <summary>Deletes a message (Exchange moves it to Deleted Items).</summary>
    Task<Result> DeleteAsync(string mailbox, string messageId, CancellationToken cancellationToken);

    /// <summary>
    /// Creates a draft in the mailbox's Drafts folder from the mail, sent as MIME (<c>multipart/alternative</c>: text + HTML,
    /// Reply-To, the custom <c>x-</c> headers), and answers the draft's immutable id and internetMessageId.
    /// </summary>
    Task<Result<MailDraft>> CreateDraftAsync(string mailbox, OutgoingMail mail, CancellationToken cancellationToken);

    /// <summary>Sends a draft created by <see cref="CreateDraftAsync"/> (<c>POST /users/{mailbox}/messages/{id}/send</c>); Graph saves it to Sent Items.</summary>
    Task<Result> SendDraftAsync(string mailbox, string draftId, CancellationToken cancellationToken);

    /// <summary>
    /// The messages of a folder (a well-known name like <c>sentitems</c> or <c>drafts</c>, or a folder id) whose
    /// internetMessageId is the given one (<c>$filter internetMessageId eq '...'</c>), to learn after a crash whether a draft was sent.
    /// </summary>
    Task<Result<IReadOnlyList<MailMessage>>> FindByInternetMessageIdAsync(string mailbox, string folder, string internetMessageId,
        CancellationToken cancellationToken);
}
