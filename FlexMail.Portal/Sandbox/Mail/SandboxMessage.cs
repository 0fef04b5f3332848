namespace FlexMail.Portal.Sandbox.Mail;

/// <summary>A name and address, as Graph's <c>emailAddress</c>.</summary>
public sealed record SandboxAddress(string? Name, string Address)
{
    public override string ToString() => string.IsNullOrWhiteSpace(Name) ? Address : $"{Name} <{Address}>";
}

/// <summary>An internet message header, as Graph's <c>internetMessageHeader</c>.</summary>
public sealed record SandboxHeader(string Name, string Value);

/// <summary>A message in a sandbox mailbox folder.</summary>
public sealed class SandboxMessage
{
    /// <summary>The REST id; like Exchange's, it changes when the message moves to another folder.</summary>
    public required string Id { get; set; }

    /// <summary>The immutable id (<c>Prefer: IdType="ImmutableId"</c>), which survives moves.</summary>
    public required string ImmutableId { get; set; }

    public Guid MailboxUserId { get; set; }

    public required string FolderId { get; set; }

    /// <summary>The RFC 5322 Message-ID, angle brackets included.</summary>
    public required string InternetMessageId { get; set; }

    public required string ConversationId { get; set; }

    public string Subject { get; set; } = "";

    /// <summary><c>text</c> or <c>html</c>.</summary>
    public string BodyContentType { get; set; } = "text";

    public string Body { get; set; } = "";

    public required SandboxAddress From { get; set; }

    public required SandboxAddress Sender { get; set; }

    public List<SandboxAddress> ToRecipients { get; set; } = [];

    public List<SandboxAddress> CcRecipients { get; set; } = [];

    public List<SandboxAddress> ReplyTo { get; set; } = [];

    /// <summary>All internet headers, in order (Message-ID, In-Reply-To, References among them).</summary>
    public List<SandboxHeader> Headers { get; set; } = [];

    public bool IsRead { get; set; }

    /// <summary>An unsent draft (created through <c>POST messages</c>); sending it removes it from Drafts.</summary>
    public bool IsDraft { get; set; }

    public string Importance { get; set; } = "normal";

    public DateTimeOffset CreatedDateTime { get; set; }

    public DateTimeOffset LastModifiedDateTime { get; set; }

    public DateTimeOffset ReceivedDateTime { get; set; }

    public DateTimeOffset SentDateTime { get; set; }

    /// <summary>Changes on every update, like Exchange's change key.</summary>
    public string ChangeKey { get; set; } = "";

    public string? HeaderValue(string name) =>
        Headers.FirstOrDefault(header => string.Equals(header.Name, name, StringComparison.OrdinalIgnoreCase))?.Value;
}
