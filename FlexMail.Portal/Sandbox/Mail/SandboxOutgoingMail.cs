namespace FlexMail.Portal.Sandbox.Mail;

/// <summary>A mail to deliver: who sends it (whose Sent Items keeps the copy), what it says, to whom.</summary>
public sealed record SandboxOutgoingMail(
    Guid SenderMailboxUserId,
    SandboxAddress From,
    IReadOnlyList<SandboxAddress> ToRecipients,
    string Subject,
    string BodyContentType,
    string Body)
{
    public IReadOnlyList<SandboxAddress> CcRecipients { get; init; } = [];

    public IReadOnlyList<SandboxAddress> ReplyTo { get; init; } = [];

    public bool SaveToSentItems { get; init; } = true;

    /// <summary>The message this one answers; sets In-Reply-To, References and the conversation.</summary>
    public SandboxMessage? InReplyTo { get; init; }

    /// <summary>Custom headers the sender added (Graph allows only <c>X-</c> headers).</summary>
    public IReadOnlyList<SandboxHeader> CustomHeaders { get; init; } = [];

    public string Importance { get; init; } = "normal";

    /// <summary>The Message-ID to send with (a draft's, assigned when it was created); null for a new one.</summary>
    public string? InternetMessageId { get; init; }

    /// <summary>The conversation to send in (a draft's); null for a new one, or the replied message's.</summary>
    public string? ConversationId { get; init; }

    /// <summary>The draft being sent: removed in the same save as the delivery, as its Sent Items copy replaces it.</summary>
    public string? SentDraftId { get; init; }
}

/// <summary>What a delivery did: the Message-ID and how many sandbox mailboxes received it.</summary>
public sealed record SandboxDelivery(string InternetMessageId, int DeliveredTo, IReadOnlyList<string> UnknownRecipients);
