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
}

/// <summary>What a delivery did: the Message-ID and how many sandbox mailboxes received it.</summary>
public sealed record SandboxDelivery(string InternetMessageId, int DeliveredTo, IReadOnlyList<string> UnknownRecipients);
