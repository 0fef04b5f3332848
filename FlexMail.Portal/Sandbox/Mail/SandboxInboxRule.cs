namespace FlexMail.Portal.Sandbox.Mail;

/// <summary>
/// An inbox rule of a mailbox, as Graph's <c>messageRule</c>: applied in <see cref="Sequence"/> order to every mail
/// delivered to the Inbox.
/// </summary>
public sealed class SandboxInboxRule
{
    public required string Id { get; set; }

    public Guid MailboxUserId { get; set; }

    public required string DisplayName { get; set; }

    public int Sequence { get; set; }

    public bool IsEnabled { get; set; } = true;

    public SandboxRuleConditions Conditions { get; set; } = new();

    public SandboxRuleActions Actions { get; set; } = new();
}

/// <summary>
/// What a mail must have for the rule to apply: every condition that is set must hold, and a condition holds when any of
/// its values does (substrings compare case-insensitively). A rule without conditions applies to every mail.
/// </summary>
public sealed record SandboxRuleConditions
{
    public IReadOnlyList<string> SubjectContains { get; init; } = [];

    public IReadOnlyList<string> BodyOrSubjectContains { get; init; } = [];

    /// <summary>Sender addresses, compared whole.</summary>
    public IReadOnlyList<string> FromAddresses { get; init; } = [];

    /// <summary>Substrings of the sender's address or name.</summary>
    public IReadOnlyList<string> SenderContains { get; init; } = [];

    public bool Matches(SandboxMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return AnyIn(SubjectContains, message.Subject)
            && (BodyOrSubjectContains.Count == 0 || BodyOrSubjectContains.Any(v => Contains(message.Subject, v) || Contains(message.Body, v)))
            && (FromAddresses.Count == 0 || FromAddresses.Any(a => string.Equals(a, message.From.Address, StringComparison.OrdinalIgnoreCase)))
            && (SenderContains.Count == 0 || SenderContains.Any(v => Contains(message.From.Address, v) || Contains(message.From.Name, v)));
    }

    private static bool AnyIn(IReadOnlyList<string> values, string text) => values.Count == 0 || values.Any(v => Contains(text, v));

    private static bool Contains(string? text, string value) => text?.Contains(value, StringComparison.OrdinalIgnoreCase) == true;
}

/// <summary>What a matching rule does: move to a folder (by id), delete (to Deleted Items), and whether later rules still run.</summary>
public sealed record SandboxRuleActions
{
    public string? MoveToFolder { get; init; }

    public bool Delete { get; init; }

    public bool StopProcessingRules { get; init; }
}
