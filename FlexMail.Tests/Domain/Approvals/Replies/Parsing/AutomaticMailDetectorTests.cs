using FlexMail.Domain.Approvals.Replies.Parsing;
using FlexMail.Domain.Mail;

namespace FlexMail.Tests.Domain.Approvals.Replies.Parsing;

public sealed class AutomaticMailDetectorTests
{
    private static AutomaticMail? Detect(string? subject, string from = "anna@contoso.com", params MailHeader[] headers) =>
        AutomaticMailDetector.Detect(headers, subject, from);

    [Theory]
    [InlineData("Auto-Submitted", "auto-replied")]
    [InlineData("auto-submitted", "auto-generated")]
    [InlineData("X-Autoreply", "yes")]
    [InlineData("X-Autorespond", "Out of office")]
    [InlineData("Precedence", "auto_reply")]
    [InlineData("Precedence", "bulk")]
    [InlineData("Precedence", "Junk")]
    public void Detect_AutoReplyHeader_IsAutoReply(string name, string value)
    {
        var mail = Detect("Re: Approval required", "anna@contoso.com", new MailHeader(name, value));

        Assert.Equal(AutomaticMailKind.AutoReply, mail?.Kind);
        Assert.Contains(name, mail!.Reason, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("Auto-Submitted", "no")]
    [InlineData("X-Auto-Response-Suppress", "All")]
    [InlineData("Precedence", "list")]
    public void Detect_HeaderThatDoesNotCount_IsNull(string name, string value)
    {
        Assert.Null(Detect("Re: Approval required", "anna@contoso.com", new MailHeader(name, value)));
    }

    [Theory]
    [InlineData("Automatic reply: Approval required")]
    [InlineData("RE: Automatic reply: Approval required")]
    [InlineData("Autosvar: Approval required")]
    [InlineData("AW: Automatische Antwort: Approval required")]
    [InlineData("Réponse automatique : Approval required")]
    [InlineData("Respuesta automática: Approval required")]
    [InlineData("Risposta automatica: Approval required")]
    [InlineData("Automatisch antwoord: Approval required")]
    [InlineData("Resposta automática: Approval required")]
    [InlineData("Out of Office until Monday")]
    [InlineData("Abwesenheitsnotiz: Approval required")]
    public void Detect_AutoReplySubject_IsAutoReply(string subject)
    {
        Assert.Equal(AutomaticMailKind.AutoReply, Detect(subject)?.Kind);
    }

    [Theory]
    [InlineData("Undeliverable: Approval required")]
    [InlineData("Delivery Status Notification (Failure)")]
    [InlineData("Mail delivery failed: returning message to sender")]
    [InlineData("Unzustellbar: Approval required")]
    [InlineData("Non remis : Approval required")]
    [InlineData("No se puede entregar: Approval required")]
    [InlineData("Non recapitabile: Approval required")]
    [InlineData("Onbestelbaar: Approval required")]
    [InlineData("Não é possível entregar: Approval required")]
    public void Detect_BounceSubject_IsBounce(string subject)
    {
        Assert.Equal(AutomaticMailKind.Bounce, Detect(subject)?.Kind);
    }

    [Theory]
    [InlineData("MAILER-DAEMON@mail.contoso.com")]
    [InlineData("postmaster@contoso.com")]
    public void Detect_MailServerSender_IsBounce(string from)
    {
        Assert.Equal(AutomaticMailKind.Bounce, Detect("Returned mail", from)?.Kind);
    }

    [Fact]
    public void Detect_MultipartReport_IsBounce()
    {
        var mail = Detect("Returned mail", "anna@contoso.com", new MailHeader("Content-Type", "multipart/report; report-type=delivery-status; boundary=x"));

        Assert.Equal(AutomaticMailKind.Bounce, mail?.Kind);
        Assert.Contains("multipart/report", mail!.Reason);
    }

    [Fact]
    public void Detect_BounceAndAutoReply_BounceWins()
    {
        var mail = Detect("Undeliverable: Automatic reply: x", "anna@contoso.com", new MailHeader("Auto-Submitted", "auto-replied"));

        Assert.Equal(AutomaticMailKind.Bounce, mail?.Kind);
    }

    [Theory]
    [InlineData("Re: [FlexMail] Approval required: Deploy 1.2 [FM-7KQ2-3M9X4T8RZP1V6WQH]")]
    [InlineData(null)]
    [InlineData("Re: Delivery of the release notes")]
    public void Detect_PersonsReply_IsNull(string? subject)
    {
        Assert.Null(Detect(subject, "anna@contoso.com", new MailHeader("Content-Type", "multipart/alternative; boundary=x")));
    }
}
