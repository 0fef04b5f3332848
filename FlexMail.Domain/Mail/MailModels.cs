namespace FlexMail.Domain.Mail;

/// <summary>An email address with an optional display name.</summary>
public sealed record MailAddress(string Address, string? Name = null);

/// <summary>Who a delegated token signed in.</summary>
public sealed record MailIdentity(string? DisplayName, string? UserPrincipalName, string? Mail);

/// <summary>A mail to send. <see cref="From"/> other than the sending mailbox needs Send As on it.</summary>
public sealed record OutgoingMail
{
    public MailAddress? From { get; init; }

    public required IReadOnlyList<MailAddress> To { get; init; }

    public IReadOnlyList<MailAddress> ReplyTo { get; init; } = [];

    public required string Subject { get; init; }

    /// <summary>
    /// The HTML body. <see cref="IMailGateway.SendAsync"/> sends it instead of <see cref="TextBody"/> when both are set;
    /// <see cref="IMailGateway.CreateDraftAsync"/> sends both as <c>multipart/alternative</c>.
    /// </summary>
    public string? HtmlBody { get; init; }

    public string? TextBody { get; init; }

    /// <summary>Custom internet headers; Graph accepts only names that start with <c>x-</c> or <c>X-</c>.</summary>
    public IReadOnlyList<MailHeader> Headers { get; init; } = [];

    /// <summary>Keep a copy in the sending mailbox's Sent Items (Graph's own default is true; the SDK sends false unless set).</summary>
    public bool SaveToSentItems { get; init; } = true;
}

/// <summary>A mail folder with its path from the top of the mailbox (<c>Inbox/FlexMail Replies</c>).</summary>
public sealed record MailFolder(string Id, string DisplayName, string Path, int UnreadCount, int TotalCount, int ChildFolderCount,
    IReadOnlyList<MailFolder> Children);

/// <summary>An internet message header (<c>Message-ID</c>, <c>In-Reply-To</c> ...).</summary>
public sealed record MailHeader(string Name, string Value);

/// <summary>A message as FlexMail reads it. Properties not selected are null.</summary>
public sealed record MailMessage(string Id)
{
    public string? Subject { get; init; }

    public MailAddress? From { get; init; }

    public IReadOnlyList<MailAddress> To { get; init; } = [];

    public DateTimeOffset? ReceivedDateTime { get; init; }

    public bool? IsRead { get; init; }

    /// <summary>True while the message is an unsent draft.</summary>
    public bool? IsDraft { get; init; }

    public string? InternetMessageId { get; init; }

    public string? ConversationId { get; init; }

    public string? ParentFolderId { get; init; }

    public string? BodyPreview { get; init; }

    /// <summary>The body's content, <c>html</c> or <c>text</c> as <see cref="BodyContentType"/> says.</summary>
    public string? Body { get; init; }

    public string? BodyContentType { get; init; }

    /// <summary>The internet message headers; null unless asked for.</summary>
    public IReadOnlyList<MailHeader>? Headers { get; init; }

    /// <summary>The value of the first header with this name (case-insensitive), or null.</summary>
    public string? Header(string name) =>
        Headers?.FirstOrDefault(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase))?.Value;
}

/// <summary>A draft as Graph created it: its (immutable) id and the Message-ID it will be sent with.</summary>
public sealed record MailDraft(string Id, string InternetMessageId);

/// <summary>One page of messages and the token for the next page (null on the last).</summary>
public sealed record MessagePage(IReadOnlyList<MailMessage> Messages, string? NextPageToken);

/// <summary>
/// What a message list asks for: <c>$top</c>, <c>$select</c> (null: a summary; add <c>body</c> and
/// <c>internetMessageHeaders</c> to read replies in one request), oldest first or newest first (<c>$orderby receivedDateTime</c>),
/// and the previous page's <see cref="MessagePage.NextPageToken"/> for the next page.
/// </summary>
public sealed record MessageListQuery(int Top)
{
    public IReadOnlyList<string>? Select { get; init; }

    public bool OldestFirst { get; init; }

    public string? PageToken { get; init; }
}
