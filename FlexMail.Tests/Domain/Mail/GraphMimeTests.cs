using FlexMail.Domain.Mail;
using MimeKit;

namespace FlexMail.Tests.Domain.Mail;

public sealed class GraphMimeTests
{
    private static readonly OutgoingMail Approval = new()
    {
        From = new MailAddress("approvals@contoso.test", "Approvals"),
        To = [new MailAddress("adele.vance@contoso.test", "Adele Vance")],
        ReplyTo = [new MailAddress("approvals@contoso.test")],
        Subject = "[FlexMail] Approval required: Deploy",
        TextBody = "Approve or reject.",
        HtmlBody = "<p><b>Approve</b> or reject.</p>",
        Headers = [new MailHeader("X-FlexMail-Approval", "FM-7KQ2")],
    };

    [Fact]
    public void Base64_TextAndHtml_IsMultipartAlternativeWithAddressesHeadersAndNoMessageId()
    {
        var base64 = GraphMime.Base64("svc-flexmail@contoso.test", Approval);

        using var message = MimeMessage.Load(new MemoryStream(Convert.FromBase64String(System.Text.Encoding.ASCII.GetString(base64))));
        var alternative = Assert.IsType<MultipartAlternative>(message.Body);
        Assert.Equal(["text/plain", "text/html"], alternative.Select(p => p.ContentType.MimeType));
        Assert.Equal("Approve or reject.", message.TextBody?.Trim());
        Assert.Equal("<p><b>Approve</b> or reject.</p>", message.HtmlBody?.Trim());
        Assert.Equal("approvals@contoso.test", message.From.Mailboxes.Single().Address);
        Assert.Equal("approvals@contoso.test", message.ReplyTo.Mailboxes.Single().Address);
        Assert.Equal("Adele Vance", message.To.Mailboxes.Single().Name);
        Assert.Equal("FM-7KQ2", message.Headers["X-FlexMail-Approval"]);
        Assert.Null(message.MessageId); // Exchange assigns the draft's internetMessageId
    }

    [Fact]
    public void Build_NoFrom_IsFromTheMailboxWithATextBodyOnly()
    {
        using var message = GraphMime.Build("svc-flexmail@contoso.test", Approval with { From = null, HtmlBody = null });

        Assert.Equal("svc-flexmail@contoso.test", message.From.Mailboxes.Single().Address);
        Assert.IsType<TextPart>(message.Body);
    }

    [Fact]
    public void InvalidHeaderNames_NonXHeaders_AreNamed()
    {
        var mail = Approval with { Headers = [new MailHeader("x-ok", "1"), new MailHeader("Auto-Submitted", "auto-generated")] };

        Assert.Equal(["Auto-Submitted"], GraphMime.InvalidHeaderNames(mail));
    }
}
