using System.Text;
using FlexMail.Domain.Approvals.Replies.Parsing;

namespace FlexMail.Tests.Domain.Approvals.Replies.Parsing;

public sealed class ReplyMimeTests
{
    private static ReplyMail Read(string mime) => ReplyMime.Read(new MemoryStream(Encoding.UTF8.GetBytes(mime.Replace("\n", "\r\n", StringComparison.Ordinal))));

    [Fact]
    public void Read_QuotedPrintableHtml_DecodesItAndPrefersHtml()
    {
        var mail = Read("""
            From: Anna Smith <anna@contoso.com>
            Subject: Re: Approval required
            Message-ID: <reply-1@contoso.com>
            In-Reply-To: <request-1@flexmail.local>
            References: <root@flexmail.local> <request-1@flexmail.local>
            MIME-Version: 1.0
            Content-Type: multipart/alternative; boundary="b1"

            --b1
            Content-Type: text/plain; charset=utf-8
            Content-Transfer-Encoding: quoted-printable

            Reject
            --b1
            Content-Type: text/html; charset=utf-8
            Content-Transfer-Encoding: quoted-printable

            <p>Approve =E2=80=93 gr=C3=BC=C3=9Fe</p>
            --b1--
            """);

        Assert.Equal("anna@contoso.com", mail.From);
        Assert.Equal("Re: Approval required", mail.Subject);
        Assert.Equal("<reply-1@contoso.com>", mail.InternetMessageId);
        Assert.Equal("<request-1@flexmail.local>", mail.InReplyTo);
        Assert.Equal(["<root@flexmail.local>", "<request-1@flexmail.local>"], mail.References);
        Assert.Null(mail.Body.Text);
        Assert.Contains("Approve – grüße", mail.Body.Html);
        Assert.Equal(ReplyDecision.Approve, ReplyParser.Parse(mail.Body).Decision);
    }

    [Fact]
    public void Read_Base64Html_DecodesIt()
    {
        var html = Convert.ToBase64String(Encoding.UTF8.GetBytes("<div>Reject</div><div>zu früh</div>"));
        var mail = Read($"""
            From: anna@contoso.com
            Subject: Re: x
            MIME-Version: 1.0
            Content-Type: text/html; charset=utf-8
            Content-Transfer-Encoding: base64

            {html}
            """);

        var reply = ReplyParser.Parse(mail.Body);

        Assert.Equal(ReplyDecision.Reject, reply.Decision);
        Assert.Equal("zu früh", reply.Comment);
    }

    [Fact]
    public void Read_PlainText_GivesTheText()
    {
        var mail = Read("""
            From: anna@contoso.com
            Subject: Re: x
            Content-Type: text/plain; charset=iso-8859-1
            Content-Transfer-Encoding: quoted-printable

            Approve
            Gr=FC=DFe
            """);

        Assert.Null(mail.Body.Html);
        Assert.Equal("Approve\nGrüße", mail.Body.Text?.Replace("\r\n", "\n", StringComparison.Ordinal).Trim());
    }

    [Fact]
    public void Read_MultipartReport_KeepsContentTypeAmongTheHeaders()
    {
        var mail = Read("""
            From: MAILER-DAEMON@mail.contoso.com
            Subject: Returned mail
            Auto-Submitted: auto-replied
            MIME-Version: 1.0
            Content-Type: multipart/report; report-type=delivery-status; boundary="r1"

            --r1
            Content-Type: text/plain

            The mail could not be delivered.
            --r1
            Content-Type: message/delivery-status

            Reporting-MTA: dns; mail.contoso.com
            --r1--
            """);

        var contentType = Assert.Single(mail.Headers, h => h.Name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase));
        Assert.StartsWith("multipart/report", contentType.Value.Trim());
        Assert.Contains(mail.Headers, h => h.Name == "Auto-Submitted");
        Assert.Equal(AutomaticMailKind.Bounce, AutomaticMailDetector.Detect(mail.Headers, mail.Subject, mail.From)?.Kind);
    }
}
