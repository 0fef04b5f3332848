using System.ComponentModel.DataAnnotations;

namespace FlexMail.Domain.Approvals.Replies;

/// <summary>
/// How the reply monitor reads the reply folder (section <c>FlexMail:Approvals:Replies</c>). The poll interval itself
/// is an Email Settings value; these bound the work of a cycle and its use of Graph.
/// </summary>
public sealed class ReplyMonitorOptions
{
    public const string SectionName = "FlexMail:Approvals:Replies";

    /// <summary>Messages per listed page (<c>$top</c>).</summary>
    [Range(1, 1000)]
    public int PageSize { get; set; } = 100;

    /// <summary>At most this many mails per cycle; the rest waits for the next cycle, which starts at once.</summary>
    [Range(1, 100_000)]
    public int MaxRepliesPerCycle { get; set; } = 1000;

    /// <summary>Graph requests in flight at once for the mailbox (Outlook allows 4).</summary>
    [Range(1, 4)]
    public int MaxConcurrentRequests { get; set; } = 4;

    /// <summary>Graph requests allowed per <see cref="RequestBudgetWindow"/> for the app and mailbox (Outlook: 10,000 per 10 minutes).</summary>
    [Range(1, 1_000_000_000)]
    public int RequestBudget { get; set; } = 10_000;

    public TimeSpan RequestBudgetWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The share of the budget the monitor may use (the rest stays for sending and the portal).</summary>
    [Range(0.1, 1.0)]
    public double BudgetShare { get; set; } = 0.95;

    /// <summary>Answer mails (why a reply could not be used) per sender per hour; more replies get no answer.</summary>
    [Range(0, 100)]
    public int AnswersPerSenderPerHour { get; set; } = 5;

    /// <summary>The shortest lease; the lease is 1.5 poll intervals when that is longer.</summary>
    public TimeSpan MinimumLease { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The longest wait after failed cycles.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(30);
}
