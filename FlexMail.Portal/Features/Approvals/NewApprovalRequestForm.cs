using FlexMail.Domain.Approvals;
using FlexMail.Domain.Validation;

namespace FlexMail.Portal.Features.Approvals;

/// <summary>
/// What the New Approval Request dialog holds as typed: turned into an <see cref="ApprovalRequestDraft"/> for the
/// domain's checks, whose problems (named by <see cref="ApprovalFields"/>) are mapped back to the dialog's fields.
/// </summary>
public sealed class NewApprovalRequestForm
{
    public string Title { get; set; } = "";

    public string Details { get; set; } = "";

    public bool Markdown { get; set; }

    /// <summary>One address per line or comma-separated.</summary>
    public string Approvers { get; set; } = "";

    public ApprovalPolicy Policy { get; set; } = ApprovalPolicy.AnyApprover;

    public int? RequiredApprovals { get; set; }

    public ExpiryChoice Expiry { get; set; } = ExpiryChoice.Default;

    public int? ExpiresInHours { get; set; }

    public DateTime? ExpiresOn { get; set; }

    public TimeSpan? ExpiresAtTime { get; set; }

    public string RequesterEmail { get; set; } = "";

    public List<MetadataRow> Metadata { get; } = [];

    /// <summary>The approvers as typed, each with the line it is on (1-based), empty entries left out.</summary>
    public IReadOnlyList<(int Line, string Address)> ApproverEntries() =>
        [.. Approvers.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')
            .SelectMany((line, index) => line.Split(',', ';').Select(address => (Line: index + 1, Address: address.Trim())))
            .Where(entry => entry.Address.Length > 0)];

    /// <summary>The expiry chosen, in UTC; null for the default. Hours and the date are whole (an empty one is the default).</summary>
    public DateTimeOffset? ExpiresAt(DateTimeOffset now) => Expiry switch
    {
        ExpiryChoice.InHours when ExpiresInHours is { } hours => now.AddHours(hours),
        ExpiryChoice.At when ExpiresOn is { } date => new DateTimeOffset(DateTime.SpecifyKind(date.Date, DateTimeKind.Utc)) + (ExpiresAtTime ?? TimeSpan.Zero),
        _ => null,
    };

    public ApprovalRequestDraft ToDraft(DateTimeOffset now) => new()
    {
        Title = Title,
        Details = string.IsNullOrWhiteSpace(Details) ? null : Details,
        DetailsFormat = Markdown ? DetailsFormat.Markdown : DetailsFormat.Text,
        Approvers = [.. ApproverEntries().Select(entry => entry.Address)],
        Policy = Policy,
        RequiredApprovals = Policy == ApprovalPolicy.Quorum ? RequiredApprovals : null,
        ExpiresAt = ExpiresAt(now),
        RequesterEmail = string.IsNullOrWhiteSpace(RequesterEmail) ? null : RequesterEmail,
        Metadata = [.. Metadata.Select(row => new MetadataEntry(row.Key, row.Value))],
    };

    /// <summary>The Approvers field's errors: the list's own and each address's, saying which line it is on.</summary>
    public string? ApproversError(ValidationReport report)
    {
        var entries = ApproverEntries();
        var messages = new List<string>();
        if (report.ErrorFor(ApprovalFields.Approvers) is { } whole)
        {
            messages.Add(whole);
        }
        for (var i = 0; i < entries.Count; i++)
        {
            if (report.ErrorFor(ApprovalFields.ApproverAt(i)) is { } one)
            {
                messages.Add($"Line {entries[i].Line}: {one}");
            }
        }
        return messages.Count == 0 ? null : string.Join(" ", messages);
    }

    public static string? MetadataError(ValidationReport report, int index) => report.ErrorFor(ApprovalFields.MetadataAt(index));
}

/// <summary>How the dialog's expiry is given.</summary>
public enum ExpiryChoice
{
    Default,
    InHours,
    At,
}

/// <summary>One metadata row as typed.</summary>
public sealed class MetadataRow
{
    public string Key { get; set; } = "";

    public string Value { get; set; } = "";
}
