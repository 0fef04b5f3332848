namespace FlexMail.Domain.Approvals;

/// <summary>The bounds of what an approval request may carry (the API and the portal refuse more, naming the field).</summary>
public static class ApprovalLimits
{
    public const int TitleLength = 200;
    public const int DetailsLength = 20_000;
    public const int ExternalIdLength = 200;
    public const int CommentLength = 4000;
    public const int ReasonLength = 1000;
    public const int MaxApprovers = 50;
    public const int MaxMetadataEntries = 50;
    public const int MetadataKeyLength = 100;
    public const int MetadataValueLength = 1000;
    public const int InternetMessageIdLength = 500;
    public static readonly TimeSpan MinExpiry = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan MaxExpiry = TimeSpan.FromDays(90);
}
