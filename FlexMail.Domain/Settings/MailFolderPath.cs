namespace FlexMail.Domain.Settings;

/// <summary>A mail folder named by a well-known name (Inbox, Archive ...) or a path such as <c>Inbox/FlexMail Replies</c>.</summary>
public static class MailFolderPath
{
    /// <summary>Microsoft Graph's well-known folder names that make sense for replies.</summary>
    public static readonly IReadOnlyList<string> WellKnownNames = ["Inbox", "Archive", "JunkEmail", "DeletedItems", "SentItems", "Drafts"];

    public const string Inbox = "Inbox";

    /// <summary>The stored column's size.</summary>
    public const int MaxLength = 400;

    /// <summary>Null when valid; otherwise what is wrong and how to fix it.</summary>
    public static string? Problem(string? value, string label)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return $"{label} is required: a folder such as Inbox/FlexMail Replies.";
        }
        var trimmed = value.Trim();
        if (trimmed.Length > MaxLength)
        {
            return $"{label} is too long: use at most {MaxLength} characters.";
        }
        if (trimmed.StartsWith('/') || trimmed.EndsWith('/'))
        {
            return $"{label} must not start or end with \"/\": write it like Inbox/FlexMail Replies.";
        }
        var segments = trimmed.Split('/');
        if (segments.Any(segment => segment.Trim().Length == 0))
        {
            return $"{label} has an empty folder name between two \"/\": write it like Inbox/FlexMail Replies.";
        }
        if (segments.Any(segment => segment.Length > 255))
        {
            return $"{label} has a folder name longer than 255 characters.";
        }
        if (segments[0].Equals("DeletedItems", StringComparison.OrdinalIgnoreCase) || segments[0].Equals("SentItems", StringComparison.OrdinalIgnoreCase))
        {
            return $"{label} cannot be in {segments[0]}: replies never arrive there. Use Inbox or a folder under it.";
        }
        return null;
    }

    public static bool IsInbox(string? value) => string.Equals(value?.Trim(), Inbox, StringComparison.OrdinalIgnoreCase);

    public static bool Same(string? left, string? right) =>
        string.Equals(left?.Trim().TrimEnd('/'), right?.Trim().TrimEnd('/'), StringComparison.OrdinalIgnoreCase);
}
