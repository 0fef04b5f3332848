namespace FlexMail.Portal.Features.Inbox;

/// <summary>What support can do about a processed reply from the Live Inbox.</summary>
public enum ReplySupportAction
{
    RecordDecision,
    Reprocess,
    Dismiss,
}
