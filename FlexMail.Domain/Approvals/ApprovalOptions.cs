using System.ComponentModel.DataAnnotations;

namespace FlexMail.Domain.Approvals;

/// <summary>How approvals behave (<c>FlexMail:Approvals</c>).</summary>
public sealed class ApprovalOptions
{
    public const string SectionName = "FlexMail:Approvals";

    /// <summary>How long a request waits for decisions when the requester names no expiry (3 days).</summary>
    [Range(typeof(TimeSpan), "00:05:00", "90.00:00:00")]
    public TimeSpan DefaultExpiry { get; set; } = TimeSpan.FromDays(3);

    /// <summary>Mails the outbox sends per minute from the mailbox (Exchange Online allows 30).</summary>
    [Range(1, 10_000)]
    public int MailsPerMinute { get; set; } = 30;

    /// <summary>Send attempts of one mail before it is marked failed (throttling and outages are retried).</summary>
    [Range(1, 100)]
    public int MaxSendAttempts { get; set; } = 8;

    /// <summary>How long a webhook keeps being retried (with exponential backoff) before it is marked failed.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan WebhookRetryWindow { get; set; } = TimeSpan.FromHours(25);

    /// <summary>Whether this instance runs the outbox, webhook and expiry workers (true; turn off for an instance that only serves the UI).</summary>
    public bool RunWorkers { get; set; } = true;

    /// <summary>How often the workers look for due work when nothing woke them (expiry, outbox, webhooks).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(15);
}
