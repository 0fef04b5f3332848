using FlexMail.Domain.Approvals;
using FlexMail.Domain.Approvals.Outbox;
using FlexMail.Domain.Approvals.Webhooks;
using MudBlazor;

namespace FlexMail.Portal.Features.Approvals;

/// <summary>How the approval pages name and colour the domain's states: always a word, the colour only repeats it.</summary>
public static class ApprovalTexts
{
    public static string Of(ApprovalStatus status) => status switch
    {
        ApprovalStatus.Pending => "Pending",
        ApprovalStatus.Approved => "Approved",
        ApprovalStatus.Rejected => "Rejected",
        ApprovalStatus.Expired => "Expired",
        _ => "Cancelled",
    };

    public static Color ColorOf(ApprovalStatus status) => status switch
    {
        ApprovalStatus.Pending => Color.Info,
        ApprovalStatus.Approved => Color.Success,
        ApprovalStatus.Rejected => Color.Error,
        _ => Color.Default,
    };

    public static string IconOf(ApprovalStatus status) => status switch
    {
        ApprovalStatus.Pending => Icons.Material.Filled.HourglassTop,
        ApprovalStatus.Approved => Icons.Material.Filled.CheckCircle,
        ApprovalStatus.Rejected => Icons.Material.Filled.Cancel,
        ApprovalStatus.Expired => Icons.Material.Filled.TimerOff,
        _ => Icons.Material.Filled.Block,
    };

    public static string Of(ApprovalMailStatus status) => status switch
    {
        ApprovalMailStatus.Queued => "Queued",
        ApprovalMailStatus.Sending => "Sending",
        ApprovalMailStatus.Sent => "Sent",
        _ => "Failed",
    };

    public static Color ColorOf(ApprovalMailStatus status) => status switch
    {
        ApprovalMailStatus.Sent => Color.Success,
        ApprovalMailStatus.Failed => Color.Error,
        _ => Color.Info,
    };

    public static string Of(ApprovalMailKind kind) => kind switch
    {
        ApprovalMailKind.Request => "Approval mail",
        ApprovalMailKind.Reminder => "Reminder",
        ApprovalMailKind.ReplyAnswer => "Answer to a reply",
        _ => "Expiry notice",
    };

    public static string Of(DecisionKind? decision) => decision switch
    {
        DecisionKind.Approve => "Approved",
        DecisionKind.Reject => "Rejected",
        _ => "Not decided yet",
    };

    public static string Of(DecisionVia via) => via switch
    {
        DecisionVia.Email => "Email reply",
        DecisionVia.Portal => "Portal",
        _ => "API",
    };

    public static string Of(WebhookDeliveryStatus status) => status switch
    {
        WebhookDeliveryStatus.Pending => "Pending",
        WebhookDeliveryStatus.Delivered => "Delivered",
        _ => "Failed",
    };

    public static Color ColorOf(WebhookDeliveryStatus status) => status switch
    {
        WebhookDeliveryStatus.Delivered => Color.Success,
        WebhookDeliveryStatus.Failed => Color.Error,
        _ => Color.Info,
    };

    public static string PolicyOf(ApprovalPolicy policy, int requiredApprovals, int approvers) => policy == ApprovalPolicy.Quorum
        ? $"{requiredApprovals} of {approvers} approvals needed; any reject rejects"
        : "Any one approver decides";

    /// <summary>A moment as the pages show it: UTC, to the minute.</summary>
    public static string When(DateTimeOffset? moment) => moment is { } value ? value.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'") : "";
}
