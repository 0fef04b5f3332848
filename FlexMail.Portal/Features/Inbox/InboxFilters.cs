using System.Globalization;
using FlexMail.Domain.Approvals.Replies;

namespace FlexMail.Portal.Features.Inbox;

/// <summary>
/// The Live Inbox's filters, as typed and as they appear in the address
/// (<c>?outcome=no-decision&amp;sender=…&amp;request=…&amp;from=…&amp;to=…&amp;q=…</c>), so that a filtered stream can be shared.
/// </summary>
public sealed record InboxFilters
{
    public const string OutcomeKey = "outcome";
    public const string SenderKey = "sender";
    public const string RequestKey = "request";
    public const string FromKey = "from";
    public const string ToKey = "to";
    public const string TextKey = "q";
    public const string ReplyKey = "reply";

    private const string DateFormat = "yyyy-MM-dd";

    public ReplyOutcome? Outcome { get; init; }

    public string? Sender { get; init; }

    public Guid? RequestId { get; init; }

    /// <summary>The first day (UTC) whose replies are listed.</summary>
    public DateTime? From { get; init; }

    /// <summary>The last day (UTC) whose replies are listed.</summary>
    public DateTime? To { get; init; }

    public string? Text { get; init; }

    public bool IsEmpty => Outcome is null && Sender is null && RequestId is null && From is null && To is null && Text is null;

    /// <summary>The address of the Live Inbox filtered to one outcome, today (the dashboard's links).</summary>
    public static string HrefFor(ReplyOutcome? outcome, DateTimeOffset today) =>
        "inbox?" + string.Join('&', new[]
        {
            outcome is { } o ? $"{OutcomeKey}={NameOf(o)}" : null,
            $"{FromKey}={today.UtcDateTime.ToString(DateFormat, CultureInfo.InvariantCulture)}",
        }.Where(p => p is not null));

    /// <summary>The name an outcome has in the address: <c>no-decision</c>, <c>approved</c> ….</summary>
    public static string NameOf(ReplyOutcome outcome) => outcome == ReplyOutcome.NoDecision ? "no-decision" : outcome.ToString().ToLowerInvariant();

    /// <summary>Reads the address's values; one that cannot be read is left out rather than failing the page.</summary>
    public static InboxFilters Parse(string? outcome, string? sender, string? request, string? from, string? to, string? text) => new()
    {
        Outcome = ParseOutcome(outcome),
        Sender = Clean(sender, 320),
        RequestId = Guid.TryParse(request, out var id) ? id : null,
        From = ParseDate(from),
        To = ParseDate(to),
        Text = Clean(text, ReplyListQuery.MaxTextLength),
    };

    public ReplyListQuery ToQuery() => new()
    {
        Outcome = Outcome,
        Sender = Clean(Sender, 320),
        ApprovalRequestId = RequestId,
        Since = From is { } from ? new DateTimeOffset(DateTime.SpecifyKind(from.Date, DateTimeKind.Utc)) : null,
        Until = To is { } to ? new DateTimeOffset(DateTime.SpecifyKind(to.Date, DateTimeKind.Utc)).AddDays(1) : null,
        Text = Clean(Text, ReplyListQuery.MaxTextLength),
    };

    public IReadOnlyDictionary<string, object?> ToQueryParameters() => new Dictionary<string, object?>
    {
        [OutcomeKey] = Outcome is { } outcome ? NameOf(outcome) : null,
        [SenderKey] = Clean(Sender, 320),
        [RequestKey] = RequestId?.ToString(),
        [FromKey] = From?.ToString(DateFormat, CultureInfo.InvariantCulture),
        [ToKey] = To?.ToString(DateFormat, CultureInfo.InvariantCulture),
        [TextKey] = Clean(Text, ReplyListQuery.MaxTextLength),
    };

    private static ReplyOutcome? ParseOutcome(string? value) =>
        value is null ? null
        : string.Equals(value, "no-decision", StringComparison.OrdinalIgnoreCase) ? ReplyOutcome.NoDecision
        : Enum.TryParse<ReplyOutcome>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(value, out _) ? parsed
        : null;

    private static string? Clean(string? value, int max) =>
        string.IsNullOrWhiteSpace(value) ? null : value.Trim() is var trimmed && trimmed.Length > max ? trimmed[..max] : value.Trim();

    private static DateTime? ParseDate(string? value) =>
        DateTime.TryParseExact(value, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
