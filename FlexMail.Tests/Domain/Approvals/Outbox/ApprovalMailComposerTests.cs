using FlexMail.Domain.Approvals;
using FlexMail.Domain.Approvals.Outbox;

namespace FlexMail.Tests.Domain.Approvals.Outbox;

/// <summary>The approval mail: its subject, the mailto buttons (RFC 6068), HTML that carries no injected markup, and the same text alternative.</summary>
public sealed class ApprovalMailComposerTests
{
    private const string ReplyAddress = "approvals@contoso.test";
    private static readonly ReplyToken Token = new("7KQ2", "3M9X4T8RZP1V6WQH");

    private static ApprovalRequest Request(string title = "Deploy release 4.2 to production") => new()
    {
        Title = title,
        Details = "Release notes:\n<b>faster</b> search & fewer bugs.\n\nSecond paragraph.",
        RequestedBy = "Release <pipeline>",
        Metadata = [new("environment", "<i>production</i>"), new("release", "4.2")],
        ExpiresAt = new DateTimeOffset(2026, 12, 4, 9, 0, 0, TimeSpan.Zero),
        Approvers = [new ApprovalApprover { Address = "adele.vance@contoso.test", NormalizedAddress = "adele.vance@contoso.test" }],
    };

    private static ComposedMail Compose(ApprovalRequest request, ApprovalMailKind kind = ApprovalMailKind.Request) =>
        ApprovalMailComposer.Compose(new ApprovalMailContext(request,
            new ApprovalMail { ApprovalRequestId = request.Id, Kind = kind, Recipient = "adele.vance@contoso.test" },
            kind == ApprovalMailKind.ExpiryNotice ? null : Token, ReplyAddress, "7KQ2"));

    private static Dictionary<string, string> MailtoFields(string link, out string address)
    {
        var uri = link["mailto:".Length..];
        var parts = uri.Split('?', 2);
        address = Uri.UnescapeDataString(parts[0]);
        return parts[1].Split('&').Select(pair => pair.Split('=', 2)).ToDictionary(pair => pair[0], pair => Uri.UnescapeDataString(pair[1]));
    }

    [Fact]
    public void Compose_Request_SubjectNamesTheTitleAndTheToken()
    {
        Assert.Equal("[FlexMail] Approval required: Deploy release 4.2 to production [FM-7KQ2-3M9X4T8RZP1V6WQH]", Compose(Request()).Subject);
        Assert.Equal("[FlexMail] Reminder: approval required: Deploy release 4.2 to production [FM-7KQ2-3M9X4T8RZP1V6WQH]",
            Compose(Request(), ApprovalMailKind.Reminder).Subject);
    }

    [Theory]
    [InlineData(DecisionKind.Approve, "Approve")]
    [InlineData(DecisionKind.Reject, "Reject")]
    public void MailtoLink_DecodesBackToTheReplySubjectAndBody(DecisionKind decision, string firstLine)
    {
        var subject = ApprovalMailComposer.SubjectOf(Request("Q&A: 50% off? #1 = yes"), ApprovalMailKind.Request, Token);

        var link = ApprovalMailComposer.MailtoLink(ReplyAddress, subject, decision, Token);

        Assert.StartsWith("mailto:approvals@contoso.test?subject=", link);
        Assert.DoesNotContain(' ', link);
        Assert.DoesNotContain('+', link);
        var fields = MailtoFields(link, out var address);
        Assert.Equal(ReplyAddress, address);
        Assert.Equal(["subject", "body"], fields.Keys);
        Assert.Equal("Re: " + subject, fields["subject"]);
        Assert.Equal($"{firstLine}\r\n\r\n\r\n{ApprovalMailComposer.Marker}\r\nReference: FM-7KQ2-3M9X4T8RZP1V6WQH", fields["body"]);
        Assert.Contains("%0D%0A", link);
        Assert.Equal([Token], ReplyTokens.FindAll(fields["body"]));
    }

    [Fact]
    public void Compose_TitleWithScript_NoRawMarkupInTheHtml()
    {
        var mail = Compose(Request("<script>alert('x')</script> \"quoted\""));

        Assert.DoesNotContain("<script", mail.HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &quot;quoted&quot;", mail.HtmlBody);
        Assert.DoesNotContain("<b>faster</b>", mail.HtmlBody);
        Assert.Contains("&lt;b&gt;faster&lt;/b&gt; search &amp; fewer bugs.", mail.HtmlBody);
        Assert.DoesNotContain("<i>production</i>", mail.HtmlBody);
        Assert.Contains("&lt;i&gt;production&lt;/i&gt;", mail.HtmlBody);
        Assert.Contains("Release &lt;pipeline&gt; asks for your approval", mail.HtmlBody);
    }

    [Fact]
    public void Compose_ButtonsAreTheMailtoLinks_HtmlEncodedInTheHref()
    {
        var request = Request();
        var mail = Compose(request);
        var subject = ApprovalMailComposer.SubjectOf(request, ApprovalMailKind.Request, Token);

        var approve = ApprovalMailComposer.MailtoLink(ReplyAddress, subject, DecisionKind.Approve, Token);
        var reject = ApprovalMailComposer.MailtoLink(ReplyAddress, subject, DecisionKind.Reject, Token);

        Assert.Contains($"href=\"{approve.Replace("&", "&amp;", StringComparison.Ordinal)}\"", mail.HtmlBody);
        Assert.Contains($"href=\"{reject.Replace("&", "&amp;", StringComparison.Ordinal)}\"", mail.HtmlBody);
        Assert.DoesNotContain("http://", mail.HtmlBody);
        Assert.DoesNotContain("https://", mail.HtmlBody);
    }

    [Fact]
    public void Compose_TextAlternative_SaysWhatTheHtmlSays()
    {
        var request = Request();
        var mail = Compose(request);
        var subject = ApprovalMailComposer.SubjectOf(request, ApprovalMailKind.Request, Token);

        foreach (var shared in new[] { request.Title, "Second paragraph.", "release", "4.2", "Expires: Friday 4 December 2026, 09:00 UTC",
            ApprovalMailComposer.Instruction, ApprovalMailComposer.Marker, "Reference: FM-7KQ2-3M9X4T8RZP1V6WQH" })
        {
            Assert.Contains(shared, mail.TextBody);
            Assert.Contains(System.Net.WebUtility.HtmlEncode(shared), mail.HtmlBody);
        }
        Assert.Contains("Release <pipeline> asks for your approval: Deploy release 4.2 to production", mail.TextBody);
        Assert.Contains("environment: <i>production</i>", mail.TextBody);
        Assert.Contains("<b>faster</b> search & fewer bugs.", mail.TextBody);
        Assert.Contains($"Approve: {ApprovalMailComposer.MailtoLink(ReplyAddress, subject, DecisionKind.Approve, Token)}", mail.TextBody);
        Assert.Contains($"Reject: {ApprovalMailComposer.MailtoLink(ReplyAddress, subject, DecisionKind.Reject, Token)}", mail.TextBody);
        Assert.True(mail.TextBody.IndexOf(ApprovalMailComposer.Marker, StringComparison.Ordinal)
            < mail.TextBody.IndexOf("Reference: FM-", StringComparison.Ordinal));
    }

    [Fact]
    public void Compose_Reminder_SaysItIsAReminder()
    {
        var mail = Compose(Request(), ApprovalMailKind.Reminder);

        Assert.StartsWith("Reminder: your decision is still needed.", mail.TextBody);
        Assert.Contains("<strong>Reminder:</strong>", mail.HtmlBody);
    }

    [Fact]
    public void Compose_Headers_SuppressAutoRepliesAndNameTheRequest()
    {
        var request = Request();

        var headers = Compose(request).Headers.ToDictionary(h => h.Name, h => h.Value);

        Assert.Equal("All", headers["X-Auto-Response-Suppress"]);
        Assert.Equal(request.Id.ToString(), headers["X-FlexMail-Approval"]);
        Assert.Equal("7KQ2", headers["X-FlexMail-Installation"]);
        Assert.Equal("Request", headers["X-FlexMail-Kind"]);
    }

    [Fact]
    public void Compose_ExpiryNotice_NoTokenAndEncodedTitle()
    {
        var mail = Compose(Request("<script>x</script>"), ApprovalMailKind.ExpiryNotice);

        Assert.Equal("[FlexMail] Approval request expired: <script>x</script>", mail.Subject);
        Assert.Empty(ReplyTokens.FindAll(mail.TextBody + mail.HtmlBody));
        Assert.DoesNotContain("<script", mail.HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("No approver answered.", mail.TextBody);
        Assert.Contains("adele.vance@contoso.test", mail.TextBody);
    }
}
