using FlexMail.Domain.Approvals.Replies.Parsing;

namespace FlexMail.Tests.Domain.Approvals.Replies.Parsing;

public sealed class ReplyParserDecisionTests
{
    private static ParsedReply Text(string text, ReplyParserOptions? options = null) => ReplyParser.Parse(new ReplyBody(text, null), options);

    [Theory]
    [InlineData("Approve", ReplyDecision.Approve)]
    [InlineData("approved", ReplyDecision.Approve)]
    [InlineData("APPROVE.", ReplyDecision.Approve)]
    [InlineData("Approved!", ReplyDecision.Approve)]
    [InlineData("Approve - looks good", ReplyDecision.Approve)]
    [InlineData("Approve – looks good", ReplyDecision.Approve)]
    [InlineData("Approve — looks good", ReplyDecision.Approve)]
    [InlineData("Approve: looks good", ReplyDecision.Approve)]
    [InlineData("Approve; looks good", ReplyDecision.Approve)]
    [InlineData("Reject", ReplyDecision.Reject)]
    [InlineData("rejected, wrong window", ReplyDecision.Reject)]
    [InlineData("  Reject  ", ReplyDecision.Reject)]
    public void Parse_KeywordAtStartOfFirstLine_Decides(string firstLine, ReplyDecision expected)
    {
        var reply = Text(firstLine + "\n");

        Assert.Equal(expected, reply.Decision);
        Assert.Equal(ReplyAmbiguity.None, reply.Ambiguity);
        Assert.Equal(firstLine.Trim(), reply.DecisiveLine);
        Assert.EndsWith("on the first line.", reply.Reason);
    }

    [Theory]
    [InlineData("Approve? No, reject", ReplyAmbiguity.BothKeywords)]
    [InlineData("Approve or reject", ReplyAmbiguity.BothKeywords)]
    [InlineData("Rejected, then approved", ReplyAmbiguity.BothKeywords)]
    [InlineData("Not approved", ReplyAmbiguity.Negation)]
    [InlineData("Approved? No.", ReplyAmbiguity.Negation)]
    [InlineData("Don't approve", ReplyAmbiguity.Negation)]
    [InlineData("Do not reject yet", ReplyAmbiguity.Negation)]
    [InlineData("Never approve this", ReplyAmbiguity.Negation)]
    [InlineData("Approve nicht", ReplyAmbiguity.Negation)]
    [InlineData("Approve pas", ReplyAmbiguity.Negation)]
    [InlineData("Approve non", ReplyAmbiguity.Negation)]
    [InlineData("Approve niet", ReplyAmbiguity.Negation)]
    [InlineData("Approve não", ReplyAmbiguity.Negation)]
    [InlineData("Approve nie", ReplyAmbiguity.Negation)]
    [InlineData("Kein Approve", ReplyAmbiguity.Negation)]
    [InlineData("I can't approve", ReplyAmbiguity.Negation)]
    [InlineData("I cannot approve", ReplyAmbiguity.Negation)]
    [InlineData("I won't reject it", ReplyAmbiguity.Negation)]
    [InlineData("I approve", ReplyAmbiguity.TextBeforeKeyword)]
    [InlineData("Please approve", ReplyAmbiguity.TextBeforeKeyword)]
    [InlineData("ok approve", ReplyAmbiguity.TextBeforeKeyword)]
    [InlineData("Approvement pending", ReplyAmbiguity.NoKeyword)]
    [InlineData("Rejection", ReplyAmbiguity.NoKeyword)]
    [InlineData("Looks good to me", ReplyAmbiguity.NoKeyword)]
    [InlineData("Approve?", ReplyAmbiguity.NoKeyword)]
    public void Parse_UnclearFirstLine_DecidesNothingAndSaysWhy(string firstLine, ReplyAmbiguity expected)
    {
        var reply = Text(firstLine);

        Assert.Equal(ReplyDecision.None, reply.Decision);
        Assert.Equal(expected, reply.Ambiguity);
        Assert.Null(reply.Comment);
        Assert.Equal(firstLine, reply.DecisiveLine);
    }

    [Fact]
    public void Parse_KeywordOnlyFurtherDown_IsNoKeyword()
    {
        var reply = Text("Looks fine to me.\nApprove");

        Assert.Equal(ReplyDecision.None, reply.Decision);
        Assert.Equal(ReplyAmbiguity.NoKeyword, reply.Ambiguity);
        Assert.Equal("No Approve or Reject on the first line.", reply.Reason);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n  ")]
    [InlineData("> Approve\n> Reject")]
    public void Parse_NoOwnText_IsEmpty(string text)
    {
        var reply = Text(text);

        Assert.Equal(ReplyAmbiguity.Empty, reply.Ambiguity);
        Assert.Equal("", reply.OwnText);
        Assert.Null(reply.DecisiveLine);
    }

    [Fact]
    public void Parse_CommentOnSameLineAndBelow_JoinsThemUpToTheSignOff()
    {
        var reply = Text("Approve - go ahead\n\nBut deploy after 18:00.\nCheck the backup first.\n\nThanks,\nAnna\nAnna Smith | Ops");

        Assert.Equal(ReplyDecision.Approve, reply.Decision);
        Assert.Equal("go ahead\nBut deploy after 18:00.\nCheck the backup first.", reply.Comment);
        Assert.Equal("Approve - go ahead\n\nBut deploy after 18:00.\nCheck the backup first.\n\nThanks,\nAnna\nAnna Smith | Ops", reply.OwnText);
    }

    [Theory]
    [InlineData("Thanks")]
    [InlineData("Thank you!")]
    [InlineData("Regards,")]
    [InlineData("Best,")]
    [InlineData("Best regards,")]
    [InlineData("Kind regards")]
    [InlineData("Cheers,")]
    [InlineData("Danke")]
    [InlineData("Viele Grüße")]
    [InlineData("Mit freundlichen Grüßen")]
    [InlineData("Gruß")]
    [InlineData("Merci")]
    [InlineData("Cordialement,")]
    [InlineData("Bien à vous")]
    [InlineData("Gracias")]
    [InlineData("Saludos")]
    [InlineData("Un saludo,")]
    [InlineData("Grazie")]
    [InlineData("Cordiali saluti")]
    [InlineData("Saluti")]
    [InlineData("Bedankt")]
    [InlineData("Met vriendelijke groet,")]
    [InlineData("Groeten")]
    [InlineData("Obrigado")]
    [InlineData("Obrigada")]
    [InlineData("Atenciosamente,")]
    [InlineData("Cumprimentos")]
    public void Parse_SignOffLine_EndsTheComment(string signOff)
    {
        var reply = Text($"Reject\nWrong target environment.\n{signOff}\nMax");

        Assert.Equal(ReplyDecision.Reject, reply.Decision);
        Assert.Equal("Wrong target environment.", reply.Comment);
    }

    [Fact]
    public void Parse_KeywordAlone_HasNoComment()
    {
        var reply = Text("Approved.\n\nRegards,\nAnna");

        Assert.Equal(ReplyDecision.Approve, reply.Decision);
        Assert.Null(reply.Comment);
    }

    [Fact]
    public void Parse_ExtraKeywords_DecideLikeTheBuiltInOnes()
    {
        var options = new ReplyParserOptions { ExtraApproveKeywords = ["freigegeben", "LGTM"], ExtraRejectKeywords = ["abgelehnt"] };

        Assert.Equal(ReplyDecision.Approve, Text("Freigegeben, danke", options).Decision);
        Assert.Equal(ReplyDecision.Approve, Text("lgtm", options).Decision);
        Assert.Equal(ReplyDecision.Reject, Text("Abgelehnt: zu riskant", options).Decision);
        Assert.Equal(ReplyAmbiguity.BothKeywords, Text("Freigegeben? Abgelehnt.", options).Ambiguity);
        Assert.Equal(ReplyAmbiguity.NoKeyword, Text("Freigegeben").Ambiguity);
    }

    [Fact]
    public void Parse_BodyOverTheBound_IsCutAndStillDecidedOnTheFirstLine()
    {
        var text = "Approve\n" + string.Concat(Enumerable.Repeat("filler line of the reply body\n", 40_000));

        var reply = Text(text);
        var small = Text(text, new ReplyParserOptions { MaxBodyChars = 100 });

        Assert.True(text.Length > 1_048_576);
        Assert.Equal(ReplyDecision.Approve, reply.Decision);
        Assert.True(reply.OwnText.Length <= 1_048_576);
        Assert.Equal(ReplyDecision.Approve, small.Decision);
        Assert.True(small.OwnText.Length <= 100);
    }

    [Fact]
    public void Parse_HugeHtmlBody_IsHandled()
    {
        var html = "<html><body><div>Reject</div><div>too risky</div>"
            + string.Concat(Enumerable.Repeat("<div><span>more text &amp; more</span></div>", 30_000)) + "</body></html>";

        var reply = ReplyParser.Parse(new ReplyBody(null, html));

        Assert.True(html.Length > 1_048_576);
        Assert.Equal(ReplyDecision.Reject, reply.Decision);
        Assert.StartsWith("too risky\nmore text & more", reply.Comment);
    }
}
