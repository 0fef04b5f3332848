using FlexMail.Domain.Mail;

namespace FlexMail.Domain.Approvals.Replies;

/// <summary>What one monitor cycle saw and did.</summary>
/// <param name="Seen">Mails listed in the reply folder.</param>
/// <param name="Processed">Mails recorded this cycle (each once).</param>
/// <param name="Removed">Mails moved or deleted this cycle (including removals left over from an earlier cycle).</param>
/// <param name="NotOurs">Mails in the folder that are not FlexMail replies, left alone.</param>
/// <param name="Foreign">Another installation's replies, left for it.</param>
/// <param name="More">The cycle stopped at its limit with mail still waiting: the next cycle starts at once.</param>
/// <param name="Requests">Graph requests the cycle made.</param>
public sealed record ReplyCycleReport(int Seen, int Processed, int Removed, int NotOurs, int Foreign, bool More, int Requests)
{
    /// <summary>Why nothing was read (email approval off), or null.</summary>
    public string? Idle { get; init; }

    public static ReplyCycleReport Off(string why) => new(0, 0, 0, 0, 0, false, 0) { Idle = why };
}

/// <summary>A Graph or connection failure that stopped a cycle, with its cause and fix.</summary>
public sealed class ReplyCycleException(Problem problem) : Exception(problem.Cause)
{
    public Problem Problem { get; } = problem;

    /// <summary>When Graph asked to be left alone until (Retry-After), if it did.</summary>
    public DateTimeOffset? RetryAfter => (Problem as MailFailure)?.RetryAfter;
}
