using System.Globalization;
using FlexMail.Domain.Approvals;

namespace FlexMail.Portal.Features.Approvals;

/// <summary>The Approvals page's filters, as typed and as they appear in the address (<c>?status=pending&amp;approver=…</c>).</summary>
public sealed record ApprovalFilters
{
    public const string StatusKey = "status";
    public const string ApproverKey = "approver";
    public const string TextKey = "q";
    public const string FromKey = "from";
    public const string ToKey = "to";

    private const string DateFormat = "yyyy-MM-dd";

    public ApprovalStatus? Status { get; init; }

    public string? Approver { get; init; }

    public string? Text { get; init; }

    /// <summary>The first day (UTC) whose requests are listed.</summary>
    public DateTime? From { get; init; }

    /// <summary>The last day (UTC) whose requests are listed.</summary>
    public DateTime? To { get; init; }

    public bool IsEmpty => Status is null && string.IsNullOrWhiteSpace(Approver) && string.IsNullOrWhiteSpace(Text) && From is null && To is null;

    /// <summary>The address of the list filtered by a status (the dashboard's links).</summary>
    public static string HrefFor(ApprovalStatus status) => $"approvals?{StatusKey}={status.ToString().ToLowerInvariant()}";

    /// <summary>Reads the address's values; one that cannot be read is left out rather than failing the page.</summary>
    public static ApprovalFilters Parse(string? status, string? approver, string? text, string? from, string? to) => new()
    {
        Status = Enum.TryParse<ApprovalStatus>(status, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed : null,
        Approver = NullIfEmpty(approver),
        Text = NullIfEmpty(text),
        From = ParseDate(from),
        To = ParseDate(to),
    };

    public ApprovalListQuery ToQuery() => new()
    {
        Status = Status,
        Approver = NullIfEmpty(Approver),
        Text = NullIfEmpty(Text),
        Since = From is { } from ? new DateTimeOffset(DateTime.SpecifyKind(from.Date, DateTimeKind.Utc)) : null,
        Until = To is { } to ? new DateTimeOffset(DateTime.SpecifyKind(to.Date, DateTimeKind.Utc)).AddDays(1) : null,
    };

    public IReadOnlyDictionary<string, object?> ToQueryParameters() => new Dictionary<string, object?>
    {
        [StatusKey] = Status?.ToString().ToLowerInvariant(),
        [ApproverKey] = NullIfEmpty(Approver),
        [TextKey] = NullIfEmpty(Text),
        [FromKey] = From?.ToString(DateFormat, CultureInfo.InvariantCulture),
        [ToKey] = To?.ToString(DateFormat, CultureInfo.InvariantCulture),
    };

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static DateTime? ParseDate(string? value) =>
        DateTime.TryParseExact(value, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
