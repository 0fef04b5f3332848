using FlexMail.Portal.Sandbox.Mail;

namespace FlexMail.Tests.Sandbox.Mail;

public sealed class SandboxMailtoTests
{
    private const string ApproveLink =
        "mailto:approvals@contoso.test?subject=Re%3A%20%5BFlexMail%5D%20Approval%20required%3A%20Deploy%20%5BFM-7KQ2-ABCDEFGHJKMNPQRS%5D&body=Approve%0D%0AComment%3A%20";

    [Fact]
    public void Parse_AnApprovalLink_DecodesAddressSubjectAndBody()
    {
        var mailto = SandboxMailto.Parse(ApproveLink)!;

        Assert.Equal(["approvals@contoso.test"], mailto.To);
        Assert.Equal("Re: [FlexMail] Approval required: Deploy [FM-7KQ2-ABCDEFGHJKMNPQRS]", mailto.Subject);
        Assert.Equal("Approve\r\nComment: ", mailto.Body);
        Assert.Empty(mailto.Cc);
    }

    [Fact]
    public void Parse_PlusAndSeveralAddresses_KeepsThePlusAndSplitsTheAddresses()
    {
        var mailto = SandboxMailto.Parse("MAILTO:a@contoso.test,b@contoso.test?cc=c%40contoso.test&subject=1+1")!;

        Assert.Equal(["a@contoso.test", "b@contoso.test"], mailto.To);
        Assert.Equal(["c@contoso.test"], mailto.Cc);
        Assert.Equal("1+1", mailto.Subject);
    }

    [Theory]
    [InlineData("https://contoso.test/approve")]
    [InlineData("javascript:alert(1)")]
    [InlineData(null)]
    public void Parse_NotAMailtoLink_IsNull(string? href) => Assert.Null(SandboxMailto.Parse(href));

    [Fact]
    public void Find_ApprovalButtons_AreNamedByTheirTextInOrder()
    {
        var html = $"""
            <p>Deploy needs your approval.</p>
            <a href="https://contoso.test/details">Details</a>
            <a href="{ApproveLink.Replace("&", "&amp;")}" style="background:#2e7d32"><span>Approve</span></a>
            <a href="mailto:approvals@contoso.test?subject=Re%3A%20x&amp;body=Reject">  Reject&nbsp;</a>
            <a href="mailto:help@contoso.test"></a>
            """;

        var links = SandboxMailtoLink.Find(html);

        Assert.Equal(["Approve", "Reject", "help@contoso.test"], links.Select(l => l.Text));
        Assert.Equal("Approve\r\nComment: ", links[0].Mailto.Body);
        Assert.Equal("Reject", links[1].Mailto.Body);
    }
}
