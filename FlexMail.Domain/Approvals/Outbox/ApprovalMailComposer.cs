using System.Globalization;
using System.Net;
using System.Text;
using FlexMail.Domain.Mail;

namespace FlexMail.Domain.Approvals.Outbox;

/// <summary>
/// Writes approval mails: the subject with the reply token, what is asked (details, context, expiry), the reply
/// instruction, Approve and Reject buttons that are <c>mailto:</c> links (a new mail to the Approval Reply Address with
/// subject and first line filled in — never web links, which mail scanners follow), and the reference block under the
/// "do not modify below this line" marker. HTML and a text alternative say the same.
/// </summary>
public static class ApprovalMailComposer
{
    public const string SubjectPrefix = "[FlexMail]";
    public const string Marker = "---- Please do not modify below this line ----";
    public const string Instruction = "Reply with Approve or Reject on the first line; a comment may follow.";

    /// <summary>Tells Exchange to send no automatic replies (out of office ...) to this mail.</summary>
    public static readonly MailHeader SuppressAutoResponses = new("X-Auto-Response-Suppress", "All");

    public static ComposedMail Compose(ApprovalMailContext context) => context.Mail.Kind switch
    {
        ApprovalMailKind.ExpiryNotice => ExpiryNotice(context),
        ApprovalMailKind.ReplyAnswer => ReplyAnswer(context),
        _ => ApprovalMail(context),
    };

    public static string SubjectOf(ApprovalRequest request, ApprovalMailKind kind, ReplyToken? token) => kind switch
    {
        ApprovalMailKind.Request => $"{SubjectPrefix} Approval required: {request.Title} [{token}]",
        ApprovalMailKind.Reminder => $"{SubjectPrefix} Reminder: approval required: {request.Title} [{token}]",
        _ => $"{SubjectPrefix} Approval request expired: {request.Title}",
    };

    /// <summary>A <c>mailto:</c> link (RFC 6068) that opens a mail to the reply address with the subject and first line filled in.</summary>
    public static string MailtoLink(string replyAddress, string subject, DecisionKind decision, ReplyToken token)
    {
        var body = $"{(decision == DecisionKind.Approve ? "Approve" : "Reject")}\r\n\r\n\r\n{Marker}\r\n{ReferenceText(token)}";
        return $"mailto:{Uri.EscapeDataString(replyAddress).Replace("%40", "@", StringComparison.Ordinal)}"
            + $"?subject={Uri.EscapeDataString("Re: " + subject)}&body={Uri.EscapeDataString(body)}";
    }

    private static ComposedMail ApprovalMail(ApprovalMailContext context)
    {
        var (request, mail, token) = (context.Request, context.Mail, context.Token!);
        var subject = SubjectOf(request, mail.Kind, token);
        var approve = MailtoLink(context.ReplyAddress, subject, DecisionKind.Approve, token);
        var reject = MailtoLink(context.ReplyAddress, subject, DecisionKind.Reject, token);
        var expires = Expiry(request);

        var text = new StringBuilder();
        if (mail.Kind == ApprovalMailKind.Reminder)
        {
            text.AppendLine("Reminder: your decision is still needed.").AppendLine();
        }
        text.AppendLine(CultureInfo.InvariantCulture, $"{request.RequestedBy} asks for your approval: {request.Title}").AppendLine();
        if (request.Details is { } details)
        {
            text.AppendLine(details.Trim()).AppendLine();
        }
        foreach (var entry in request.Metadata)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{entry.Key}: {entry.Value}");
        }
        if (request.Metadata.Count > 0)
        {
            text.AppendLine();
        }
        text.AppendLine(CultureInfo.InvariantCulture, $"Expires: {expires}").AppendLine();
        text.AppendLine(Instruction).AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Approve: {approve}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Reject: {reject}").AppendLine().AppendLine();
        text.AppendLine(Marker).AppendLine(ReferenceText(token));

        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body style=\"font-family:Segoe UI,Arial,sans-serif;font-size:14px;color:#1f1f1f\">");
        if (mail.Kind == ApprovalMailKind.Reminder)
        {
            html.Append("<p><strong>Reminder:</strong> your decision is still needed.</p>");
        }
        html.Append(CultureInfo.InvariantCulture, $"<p>{Encode(request.RequestedBy)} asks for your approval:</p><h2 style=\"font-size:18px\">{Encode(request.Title)}</h2>");
        if (request.Details is not null)
        {
            html.Append("<div>").Append(DetailsHtml(request)).Append("</div>");
        }
        if (request.Metadata.Count > 0)
        {
            html.Append("<table style=\"border-collapse:collapse;margin:12px 0\">");
            foreach (var entry in request.Metadata)
            {
                html.Append(CultureInfo.InvariantCulture,
                    $"<tr><th style=\"text-align:left;padding:2px 12px 2px 0\">{Encode(entry.Key)}</th><td style=\"padding:2px 0\">{Encode(entry.Value)}</td></tr>");
            }
            html.Append("</table>");
        }
        html.Append(CultureInfo.InvariantCulture, $"<p>Expires: {Encode(expires)}</p>");
        html.Append(CultureInfo.InvariantCulture, $"<p><strong>{Encode(Instruction)}</strong></p>");
        html.Append("<p>")
            .Append(Button(approve, "Approve", "#107c10"))
            .Append("&nbsp;&nbsp;")
            .Append(Button(reject, "Reject", "#a4262c"))
            .Append("</p>");
        html.Append("<p style=\"color:#605e5c;font-size:12px\">The buttons open a reply in your mail program; send it to record your decision.</p>");
        html.Append(CultureInfo.InvariantCulture, $"<p style=\"color:#605e5c;font-size:12px;margin-top:32px\">{Encode(Marker)}<br>{Encode(ReferenceText(token)).Replace("\r\n", "<br>", StringComparison.Ordinal)}</p>");
        html.Append("</body></html>");
        return new ComposedMail(subject, html.ToString(), text.ToString(), Headers(context));
    }

    private static ComposedMail ExpiryNotice(ApprovalMailContext context)
    {
        var request = context.Request;
        var subject = SubjectOf(request, ApprovalMailKind.ExpiryNotice, null);
        var decided = request.Decisions.Count == 0 ? "No approver answered." : $"{request.Decisions.Count} decision(s) came, not enough to decide it.";
        var text = $"Your approval request \"{request.Title}\" expired at {Expiry(request)} without a decision. {decided}\r\n\r\n"
            + $"Approvers: {string.Join(", ", request.Approvers.OrderBy(a => a.Position).Select(a => a.Address))}\r\n"
            + $"Request: {request.Id}\r\n";
        var html = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body style=\"font-family:Segoe UI,Arial,sans-serif;font-size:14px\">"
            + $"<p>Your approval request <strong>{Encode(request.Title)}</strong> expired at {Encode(Expiry(request))} without a decision. {Encode(decided)}</p>"
            + $"<p>Approvers: {Encode(string.Join(", ", request.Approvers.OrderBy(a => a.Position).Select(a => a.Address)))}<br>Request: {request.Id}</p></body></html>";
        return new ComposedMail(subject, html, text, Headers(context));
    }

    private static ComposedMail ReplyAnswer(ApprovalMailContext context)
    {
        var text = context.Mail.AnswerText ?? "";
        var html = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body style=\"font-family:Segoe UI,Arial,sans-serif;font-size:14px\">"
            + string.Concat(text.Split("\n").Select(line => line.Length == 0 ? "<br>" : $"<p style=\"margin:0 0 8px\">{Encode(line)}</p>"))
            + "</body></html>";
        return new ComposedMail(context.Mail.AnswerSubject ?? $"{SubjectPrefix} Your reply", html, text.Replace("\n", "\r\n", StringComparison.Ordinal),
            Headers(context));
    }

    private static IReadOnlyList<MailHeader> Headers(ApprovalMailContext context) =>
    [
        SuppressAutoResponses,
        new("X-FlexMail-Approval", context.Request.Id.ToString()),
        new("X-FlexMail-Installation", context.InstallationCode),
        new("X-FlexMail-Kind", context.Mail.Kind.ToString()),
    ];

    private static string ReferenceText(ReplyToken token) => $"Reference: {token}";

    private static string Expiry(ApprovalRequest request) =>
        request.ExpiresAt.ToUniversalTime().ToString("dddd d MMMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static string DetailsHtml(ApprovalRequest request) => DetailsRenderer.ToHtml(request.Details, request.DetailsFormat);

    private static string Button(string href, string text, string colour) =>
        $"<a href=\"{WebUtility.HtmlEncode(href)}\" style=\"display:inline-block;padding:8px 20px;background:{colour};color:#ffffff;text-decoration:none;border-radius:4px;font-weight:600\">{text}</a>";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
