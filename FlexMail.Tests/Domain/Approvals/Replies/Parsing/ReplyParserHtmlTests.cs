using FlexMail.Domain.Approvals.Replies.Parsing;

namespace FlexMail.Tests.Domain.Approvals.Replies.Parsing;

public sealed class ReplyParserHtmlTests
{
    private const string OriginalHtml = "<p>Please reply with Approve or Reject.</p><p><a href=\"mailto:x\">Approve</a> <a href=\"mailto:y\">Reject</a></p>";

    private static ParsedReply Html(string body) => ReplyParser.Parse(new ReplyBody(null, $"<html><head><style>p {{ color: red }}</style></head><body>{body}</body></html>"));

    public static TheoryData<string> QuoteContainers => new()
    {
        $"<div id=\"divRplyFwdMsg\"><b>From:</b> Bot</div><div>{OriginalHtml}</div>",
        $"<div id=\"appendonsend\"></div><hr><div>{OriginalHtml}</div>",
        $"<div class=\"gmail_quote\"><div class=\"gmail_attr\">On Tue, Bot wrote:</div><blockquote class=\"gmail_quote\">{OriginalHtml}</blockquote></div>",
        $"<blockquote type=\"cite\">{OriginalHtml}</blockquote>",
        $"<div class=\"moz-cite-prefix\">On 01.12.26 10:00, Bot wrote:</div><blockquote type=\"cite\" cite=\"mid:x\">{OriginalHtml}</blockquote>",
        $"<blockquote>{OriginalHtml}</blockquote>",
        $"<hr><p><b>From:</b> Bot<br><b>Sent:</b> Tuesday<br><b>Subject:</b> x</p>{OriginalHtml}",
        $"<div id=\"mail-editor-reference-message-container\">{OriginalHtml}</div>",
        $"<div class=\"yahoo_quoted\">{OriginalHtml}</div>",
    };

    public static TheoryData<string> SignatureContainers => new()
    {
        "<div class=\"gmail_signature\">Approve Reject GmbH</div>",
        "<div class=\"moz-signature\">-- <br>Approve Reject GmbH</div>",
        "<div id=\"Signature\"><p>Approve Reject GmbH</p></div>",
        "<div id=\"ms-outlook-mobile-signature\">Get Outlook for iOS</div>",
    };

    [Theory]
    [MemberData(nameof(QuoteContainers))]
    public void Parse_QuoteContainer_CutsTheQuote(string quote)
    {
        var reply = Html($"<div>Reject</div><div>wrong&nbsp;version &amp; wrong day</div><div><br></div>{quote}");

        Assert.Equal(ReplyDecision.Reject, reply.Decision);
        Assert.Equal("wrong version & wrong day", reply.Comment);
        Assert.Contains("Please reply with Approve or Reject.", reply.QuotedText);
    }

    [Theory]
    [MemberData(nameof(QuoteContainers))]
    public void Parse_OnlyAQuote_IsEmpty(string quote)
    {
        var reply = Html($"<div><br></div>{quote}");

        Assert.Equal(ReplyAmbiguity.Empty, reply.Ambiguity);
    }

    [Theory]
    [MemberData(nameof(SignatureContainers))]
    public void Parse_SignatureContainer_CutsTheSignature(string signature)
    {
        var reply = Html($"<div dir=\"ltr\">Approve<div>go</div></div>{signature}");

        Assert.Equal(ReplyDecision.Approve, reply.Decision);
        Assert.Equal("go", reply.Comment);
        Assert.Equal("Approve\ngo", reply.OwnText);
    }

    [Fact]
    public void Parse_OutlookDesktopReply_ReadsTheFirstParagraph()
    {
        var reply = Html("<div class=\"WordSection1\"><p class=\"MsoNormal\">Approved<o:p></o:p></p><p class=\"MsoNormal\"><o:p>&nbsp;</o:p></p>"
            + "<p class=\"MsoNormal\">Deploy tonight.<o:p></o:p></p><p class=\"MsoNormal\"><o:p>&nbsp;</o:p></p>"
            + "<div style=\"border:none;border-top:solid #E1E1E1 1.0pt\"><p class=\"MsoNormal\"><b>From:</b> Build Bot &lt;bot@contoso.com&gt;<br><b>Sent:</b> Tuesday<br><b>To:</b> Anna</p></div>"
            + $"{OriginalHtml}</div>");

        Assert.Equal(ReplyDecision.Approve, reply.Decision);
        Assert.Equal("Deploy tonight.", reply.Comment);
        Assert.Equal("Approved\n\nDeploy tonight.", reply.OwnText);
    }

    [Fact]
    public void Parse_BrLines_BreakLines()
    {
        var reply = Html("Reject<br>first reason<br><br>second reason<br>Regards,<br>Max");

        Assert.Equal("first reason\nsecond reason", reply.Comment);
    }

    [Fact]
    public void Parse_ScriptsAndStyles_AreNotText()
    {
        var reply = Html("<script>var approve = 1;</script><style>.a{}</style><div>Approve</div>");

        Assert.Equal(ReplyDecision.Approve, reply.Decision);
        Assert.Equal("Approve", reply.OwnText);
    }

    [Fact]
    public void Parse_ThunderbirdBottomPost_ReadsTheTextBelowTheBlockquote()
    {
        var reply = Html($"<blockquote type=\"cite\">{OriginalHtml}</blockquote><p>Approve</p><p>fine</p><div class=\"moz-signature\">-- <br>Anna</div>");

        Assert.Equal(ReplyDecision.Approve, reply.Decision);
        Assert.Equal("fine", reply.Comment);
    }

    [Fact]
    public void Parse_GatewayBannerInHtml_IsRemoved()
    {
        var reply = Html("<table><tr><td>CAUTION: This email originated from outside of the organization.</td></tr></table><p></p><div><br></div><div>Hi team,</div><div>Reject</div>");

        Assert.Equal(ReplyDecision.Reject, reply.Decision);
        Assert.Equal("Reject", reply.OwnText);
    }

    [Fact]
    public void Parse_HtmlAndText_PrefersHtml()
    {
        var reply = ReplyParser.Parse(new ReplyBody("Reject", "<p>Approve</p>"));

        Assert.Equal(ReplyDecision.Approve, reply.Decision);
    }

    [Fact]
    public void Parse_DeeplyNestedHtml_DoesNotOverflow()
    {
        var html = string.Concat(Enumerable.Repeat("<div>", 20_000)) + "Approve" + string.Concat(Enumerable.Repeat("</div>", 20_000));

        var reply = ReplyParser.Parse(new ReplyBody(null, html));

        Assert.Equal("Approve", reply.DecisiveLine);
    }

    [Fact]
    public void Parse_ThunderbirdCitePrefixBottomPost_ReadsTheTextBelow()
    {
        var reply = Html($"<div class=\"moz-cite-prefix\">On 01.12.26 10:00, Bot wrote:<br></div><blockquote type=\"cite\">{OriginalHtml}</blockquote><p>Reject</p>");

        Assert.Equal(ReplyDecision.Reject, reply.Decision);
        Assert.Equal("Reject", reply.OwnText);
    }

    [Fact]
    public void Parse_TextAfterOutlookReplyHeader_IsQuote()
    {
        var reply = Html($"<div id=\"divRplyFwdMsg\"><b>From:</b> Bot</div><div>{OriginalHtml}</div><div>Approve</div>");

        Assert.Equal(ReplyAmbiguity.Empty, reply.Ambiguity);
    }

    [Fact]
    public void Parse_ZeroWidthCharacters_AreIgnored()
    {
        var reply = Html("<div>\u200bApprove\u200b</div><div>\u200b</div><div>ok</div>");

        Assert.Equal(ReplyDecision.Approve, reply.Decision);
        Assert.Equal("Approve\n\nok", reply.OwnText);
    }

    [Theory]
    [InlineData("<div id=\"x_divRplyFwdMsg\"><b>From:</b> Bot</div>")]
    [InlineData("<div class=\"x_gmail_quote\">On Tue, Bot wrote:</div>")]
    [InlineData("<div class=\"ydp5c1f2a3byahoo_quoted\">Bot wrote:</div>")]
    [InlineData("<div id=\"x_x_Signature\">Anna</div>")]
    public void Parse_PrefixedContainerIds_AreRecognised(string container)
    {
        var reply = Html($"<div>Approve</div>{container}<div>Reject</div>");

        Assert.Equal(ReplyDecision.Approve, reply.Decision);
        Assert.Equal("Approve", reply.OwnText);
    }
}
