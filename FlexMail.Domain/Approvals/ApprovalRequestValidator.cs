using FlexMail.Domain.Validation;

namespace FlexMail.Domain.Approvals;

/// <summary>
/// Checks an <see cref="ApprovalRequestDraft"/> and answers every problem at once, each naming its field
/// (<see cref="ApprovalFields"/>), so that an API caller or a person in the portal fixes them in one go.
/// </summary>
public static class ApprovalRequestValidator
{
    public static ValidationReport Validate(ApprovalRequestDraft draft, DateTimeOffset now)
    {
        var report = new ValidationReportBuilder();
        CheckTitle(draft, report);
        if (draft.Details is { Length: > ApprovalLimits.DetailsLength })
        {
            report.Error(ApprovalFields.Details, $"The details are {draft.Details.Length:N0} characters long: keep them to {ApprovalLimits.DetailsLength:N0}.");
        }
        var approvers = CheckApprovers(draft, report);
        CheckPolicy(draft, approvers, report);
        if (draft.ExpiresAt is { } expiresAt)
        {
            if (expiresAt < now + ApprovalLimits.MinExpiry)
            {
                report.Error(ApprovalFields.ExpiresAt, "The expiry must be at least 5 minutes from now, so that approvers can answer.");
            }
            else if (expiresAt > now + ApprovalLimits.MaxExpiry)
            {
                report.Error(ApprovalFields.ExpiresAt, "The expiry can be at most 90 days from now.");
            }
        }
        CheckCallbackUrl(draft.CallbackUrl, report);
        if (draft.ExternalId is { } externalId && (externalId.Trim().Length == 0 || externalId.Length > ApprovalLimits.ExternalIdLength))
        {
            report.Error(ApprovalFields.ExternalId, $"The external id must be 1 to {ApprovalLimits.ExternalIdLength} characters, or left out.");
        }
        CheckMetadata(draft.Metadata, report);
        if (!string.IsNullOrWhiteSpace(draft.RequesterEmail) && !Formats.IsEmailAddress(draft.RequesterEmail.Trim()))
        {
            report.Error(ApprovalFields.RequesterEmail, $"'{draft.RequesterEmail}' is not an email address: use the form name@example.com, or leave it empty.");
        }
        if (draft.RequestedBy is { Length: > 200 })
        {
            report.Error(ApprovalFields.RequestedBy, "Requested by can be at most 200 characters.");
        }
        return report.Build();
    }

    /// <summary>The approvers as stored: trimmed, duplicates folded case-insensitively, the first spelling kept.</summary>
    public static IReadOnlyList<string> DistinctApprovers(IEnumerable<string> approvers) =>
        [.. approvers.Where(address => address is not null).Select(address => address.Trim()).Where(address => address.Length > 0).DistinctBy(ApprovalApprover.Normalize)];

    /// <summary>The expiry a valid draft gets, in UTC (SQLite compares stored moments by their clock time, so all are stored in UTC).</summary>
    public static DateTimeOffset ExpiryOf(ApprovalRequestDraft draft, DateTimeOffset now, ApprovalOptions options) =>
        (draft.ExpiresAt ?? now + options.DefaultExpiry).ToUniversalTime();

    /// <summary>The approvals needed: 1 for any-approver, the given number (default all approvers) for a quorum.</summary>
    public static int RequiredApprovalsOf(ApprovalRequestDraft draft) =>
        draft.Policy == ApprovalPolicy.Quorum ? draft.RequiredApprovals ?? DistinctApprovers(draft.Approvers).Count : 1;

    private static void CheckTitle(ApprovalRequestDraft draft, ValidationReportBuilder report)
    {
        var title = draft.Title?.Trim() ?? "";
        if (title.Length == 0)
        {
            report.Error(ApprovalFields.Title, "Enter a title: it is the mail's subject, e.g. \"Deploy release 4.2 to production\".");
        }
        else if (title.Length > ApprovalLimits.TitleLength)
        {
            report.Error(ApprovalFields.Title, $"The title is {title.Length} characters long: keep it to {ApprovalLimits.TitleLength}.");
        }
        else if (title.Any(char.IsControl))
        {
            report.Error(ApprovalFields.Title, "The title must be one line without control characters (it becomes a mail subject).");
        }
    }

    private static IReadOnlyList<string> CheckApprovers(ApprovalRequestDraft draft, ValidationReportBuilder report)
    {
        var given = draft.Approvers;
        for (var i = 0; i < given.Count; i++)
        {
            var address = given[i]?.Trim() ?? "";
            if (!Formats.IsEmailAddress(address))
            {
                report.Error(ApprovalFields.ApproverAt(i), $"'{given[i]}' is not an email address: use the form name@example.com.");
            }
        }
        var approvers = DistinctApprovers(given.Where(address => address is not null));
        if (approvers.Count == 0)
        {
            report.Error(ApprovalFields.Approvers, "Add at least one approver's email address.");
        }
        else if (approvers.Count > ApprovalLimits.MaxApprovers)
        {
            report.Error(ApprovalFields.Approvers, $"{approvers.Count} approvers were given: at most {ApprovalLimits.MaxApprovers} are allowed.");
        }
        return approvers;
    }

    private static void CheckPolicy(ApprovalRequestDraft draft, IReadOnlyList<string> approvers, ValidationReportBuilder report)
    {
        if (!Enum.IsDefined(draft.Policy))
        {
            report.Error(ApprovalFields.Policy, "The policy must be anyApprover or quorum.");
            return;
        }
        if (draft.Policy != ApprovalPolicy.Quorum || approvers.Count == 0)
        {
            return;
        }
        var required = RequiredApprovalsOf(draft);
        if (required < 1 || required > approvers.Count)
        {
            report.Error(ApprovalFields.RequiredApprovals,
                $"{required} approvals cannot be reached with {approvers.Count} approver{(approvers.Count == 1 ? "" : "s")}: choose 1 to {approvers.Count}.");
        }
    }

    private static void CheckCallbackUrl(string? callbackUrl, ValidationReportBuilder report)
    {
        if (string.IsNullOrWhiteSpace(callbackUrl))
        {
            return;
        }
        if (callbackUrl.Length > 2048 || !Uri.TryCreate(callbackUrl.Trim(), UriKind.Absolute, out var uri) || uri.UserInfo.Length > 0
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            report.Error(ApprovalFields.CallbackUrl, $"'{callbackUrl}' is not a web address: use https://host/path.");
        }
        else if (uri.Scheme == Uri.UriSchemeHttp && !IsLoopback(uri))
        {
            report.Error(ApprovalFields.CallbackUrl, "The callback URL must use https (http is allowed only for localhost, when testing).");
        }
    }

    private static void CheckMetadata(IReadOnlyList<MetadataEntry> metadata, ValidationReportBuilder report)
    {
        if (metadata.Count > ApprovalLimits.MaxMetadataEntries)
        {
            report.Error(ApprovalFields.Metadata, $"{metadata.Count} metadata entries were given: at most {ApprovalLimits.MaxMetadataEntries} are allowed.");
            return;
        }
        var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < metadata.Count; i++)
        {
            var (key, value) = (metadata[i]?.Key?.Trim() ?? "", metadata[i]?.Value ?? "");
            if (key.Length is 0 or > ApprovalLimits.MetadataKeyLength)
            {
                report.Error(ApprovalFields.MetadataAt(i), $"Each metadata key must be 1 to {ApprovalLimits.MetadataKeyLength} characters.");
            }
            else if (!keys.Add(key))
            {
                report.Error(ApprovalFields.MetadataAt(i), $"The metadata key '{key}' is given twice: give each key once.");
            }
            else if (value.Length > ApprovalLimits.MetadataValueLength)
            {
                report.Error(ApprovalFields.MetadataAt(i), $"The value of '{key}' is longer than {ApprovalLimits.MetadataValueLength} characters.");
            }
        }
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || string.Equals(uri.IdnHost, "localhost", StringComparison.OrdinalIgnoreCase);
}
