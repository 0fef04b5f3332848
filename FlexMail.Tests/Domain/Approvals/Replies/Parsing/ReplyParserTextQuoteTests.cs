using FlexMail.Domain.Approvals.Replies.Parsing;

namespace FlexMail.Tests.Domain.Approvals.Replies.Parsing;

public sealed class ReplyParserTextQuoteTests
{
    private const string Original = "Please reply with Approve or Reject.\nApprove: mailto:approvals@contoso.com\nReject: mailto:approvals@contoso.com";

    private static ParsedReply Text(string text) => ReplyParser.Parse(new ReplyBody(text, null));

    public static TheoryData<string> OriginalMessageSeparators => new()
    {
        "-----Original Message-----", "-----Ursprüngliche Nachricht-----", "-----Message d'origine-----",
        "-----Mensaje original-----", "-----Messaggio originale-----", "-----Oorspronkelijk bericht-----",
        "-----Mensagem original-----",
    };

    public static TheoryData<string, string> HeaderBlocks => new()
    {
        { "From: Build Bot <bot@contoso.com>", "Sent: Tuesday, December 1, 2026 10:00 AM" },
        { "Von: Build Bot <bot@contoso.com>", "Gesendet: Dienstag, 1. Dezember 2026 10:00" },
        { "De : Build Bot <bot@contoso.com>", "Envoyé : mardi 1 décembre 2026 10:00" },
        { "De: Build Bot <bot@contoso.com>", "Enviado: martes, 1 de diciembre de 2026 10:00" },
        { "Da: Build Bot <bot@contoso.com>", "Inviato: martedì 1 dicembre 2026 10:00" },
        { "Van: Build Bot <bot@contoso.com>", "Verzonden: dinsdag 1 december 2026 10:00" },
        { "De: Build Bot <bot@contoso.com>", "Data: terça-feira, 1 de dezembro de 2026 10:00" },
        { "From: Build Bot <bot@contoso.com>", "Date: Tue, 1 Dec 2026 10:00:00 +0000" },
        { "Von: Build Bot <bot@contoso.com>", "Datum: 1. Dezember 2026 um 10:00:00 MEZ" },
    };

    public static TheoryData<string> Attributions => new()
    {
        "On Tue, Dec 1, 2026 at 10:00 AM Build Bot <bot@contoso.com> wrote:",
        "Am Di., 1. Dez. 2026 um 10:00 Uhr schrieb Build Bot <bot@contoso.com>:",
        "Le mar. 1 déc. 2026 à 10:00, Build Bot <bot@contoso.com> a écrit :",
        "El mar, 1 dic 2026 a las 10:00, Build Bot (<bot@contoso.com>) escribió:",
        "Il giorno mar 1 dic 2026 alle ore 10:00 Build Bot <bot@contoso.com> ha scritto:",
        "Op di 1 dec. 2026 om 10:00 schreef Build Bot <bot@contoso.com>:",
        "Em ter., 1 de dez. de 2026 às 10:00, Build Bot <bot@contoso.com> escreveu:",
    };

    public static TheoryData<string> Footers => new()
    {
        "Sent from my iPhone", "Sent from my iPad", "Get Outlook for iOS", "Get Outlook for Android", "Sent from Outlook",
        "Von meinem iPhone gesendet", "Envoyé de mon iPhone", "Enviado desde mi iPhone", "Inviato da iPhone",
        "Verzonden vanaf mijn iPhone", "Enviado do meu iPhone", "Sent from Mail for Windows",
    };

    [Theory]
    [MemberData(nameof(OriginalMessageSeparators))]
    public void Parse_OriginalMessageSeparator_CutsTheQuote(string separator)
    {
        var reply = Text($"Reject\nNot this week.\n\n{separator}\nFrom: bot@contoso.com\nApprove\n{Original}");

        Assert.Equal(ReplyDecision.Reject, reply.Decision);
        Assert.Equal("Not this week.", reply.Comment);
        Assert.StartsWith(separator, reply.QuotedText);
    }

    [Theory]
    [MemberData(nameof(HeaderBlocks))]
    public void Parse_HeaderBlock_CutsTheQuote(string from, string sent)
    {
        var reply = Text($"Approve\nok from my side\n\n{from}\n{sent}\nTo: Anna\nSubject: Approval required\n\n{Original}");

        Assert.Equal(ReplyDecision.Approve, reply.Decision);
        Assert.Equal("ok from my side", reply.Comment);
        Assert.Equal("Approve\nok from my side", reply.OwnText);
    }

    [Fact]
    public void Parse_FromLineWithoutDateLine_IsOwnText()
    {
        var reply = Text("Approve\nFrom: the ops side this is fine\nWe checked it.");

        Assert.Equal("From: the ops side this is fine\nWe checked it.", reply.Comment);
    }

    [Theory]
    [MemberData(nameof(Attributions))]
    public void Parse_Attribution_CutsTheQuote(string attribution)
    {
        var reply = Text($"Approve\n\n{attribution}\n> {Original.Replace("\n", "\n> ", StringComparison.Ordinal)}");

        Assert.Equal(ReplyDecision.Approve, reply.Decision);
        Assert.Null(reply.Comment);
        Assert.StartsWith(attribution, reply.QuotedText);
    }

    [Fact]
    public void Parse_AttributionWrappedOverTwoLines_CutsTheQuote()
    {
        var reply = Text("Reject\ntoo late\n\nOn Tue, Dec 1, 2026 at 10:00 AM Build Bot <\nbot@contoso.com> wrote:\n\n> Approve or Reject");

        Assert.Equal(ReplyDecision.Reject, reply.Decision);
        Assert.Equal("too late", reply.Comment);
    }

    [Theory]
    [MemberData(nameof(Attributions))]
    public void Parse_BottomPostedBelowAttribution_ReadsTheTextBelow(string attribution)
    {
        var reply = Text($"{attribution}\n> Please reply with Approve or Reject.\n> Reject: mailto:x\n\nApprove\nfine by me\n\n-- \nAnna");

        Assert.Equal(ReplyDecision.Approve, reply.Decision);
        Assert.Equal("Approve\nfine by me", reply.OwnText);
        Assert.Equal("fine by me", reply.Comment);
    }

    [Fact]
    public void Parse_InterleavedBottomPost_TakesTheUnquotedLines()
    {
        var reply = Text("> Approve or Reject?\nReject\n> Details:\nthe window is wrong\nSent from my iPhone\nApprove");

        Assert.Equal(ReplyDecision.Reject, reply.Decision);
        Assert.Equal("the window is wrong", reply.Comment);
    }

    [Fact]
    public void Parse_NothingAboveAnOutlookHeaderBlock_IsEmptyNotTheOriginal()
    {
        var reply = Text($"\n\nFrom: Build Bot <bot@contoso.com>\nSent: Tuesday\nSubject: x\n\nApprove: mailto:approvals@contoso.com\n{Original}");

        Assert.Equal(ReplyAmbiguity.Empty, reply.Ambiguity);
    }

    [Fact]
    public void Parse_OutlookUnderscoreSeparator_CutsTheQuote()
    {
        var reply = Text("Rejected\n________________________________\nFrom: Build Bot\nApprove");

        Assert.Equal(ReplyDecision.Reject, reply.Decision);
        Assert.Null(reply.Comment);
    }

    [Theory]
    [InlineData("-- ")]
    [InlineData("--")]
    public void Parse_SignatureDelimiter_CutsTheSignature(string delimiter)
    {
        var reply = Text($"Approve\nship it\n{delimiter}\nAnna Smith\nApprove Reject Inc.");

        Assert.Equal("ship it", reply.Comment);
        Assert.Equal("Approve\nship it", reply.OwnText);
        Assert.Contains("Anna Smith", reply.QuotedText);
    }

    [Theory]
    [MemberData(nameof(Footers))]
    public void Parse_MobileFooter_CutsTheFooter(string footer)
    {
        var reply = Text($"Reject\nnot before the freeze ends\n\n{footer}\n\nOn Tue wrote:\n> Approve");

        Assert.Equal(ReplyDecision.Reject, reply.Decision);
        Assert.Equal("not before the freeze ends", reply.Comment);
    }

    [Fact]
    public void Parse_OnlyAFooterAboveTheQuote_IsEmpty()
    {
        var reply = Text("Sent from my iPhone\n\nOn Tue, Dec 1, 2026, Build Bot wrote:\n> Approve");

        Assert.Equal(ReplyAmbiguity.Empty, reply.Ambiguity);
    }

    [Fact]
    public void Parse_FlexMailMarkerOfTheMailtoLink_CutsTheReference()
    {
        var reply = Text("Approve\r\n\r\n\r\n---- Please do not modify below this line ----\r\nReference: FM-7KQ2-3M9X4T8RZP1V6WQH");

        Assert.Equal(ReplyDecision.Approve, reply.Decision);
        Assert.Null(reply.Comment);
    }

    [Theory]
    [InlineData("CAUTION: This email originated from outside of the organization. Do not click links.\nBe careful.")]
    [InlineData("[EXTERNAL]")]
    [InlineData("EXTERNAL EMAIL - use caution")]
    [InlineData("WARNING: This email originated from outside the company.")]
    public void Parse_GatewayBanner_IsRemoved(string banner)
    {
        var reply = Text($"{banner}\n\nReject\nwrong build");

        Assert.Equal(ReplyDecision.Reject, reply.Decision);
        Assert.Equal("Reject\nwrong build", reply.OwnText);
    }

    [Theory]
    [InlineData("Hi,")]
    [InlineData("Hello team,")]
    [InlineData("Hallo,")]
    [InlineData("Bonjour,")]
    [InlineData("Hola,")]
    [InlineData("Ciao,")]
    [InlineData("Hoi,")]
    [InlineData("Olá,")]
    [InlineData("Dear Build Team,")]
    public void Parse_LoneSalutation_IsRemoved(string salutation)
    {
        var reply = Text($"{salutation}\n\nApprove");

        Assert.Equal(ReplyDecision.Approve, reply.Decision);
        Assert.Equal("Approve", reply.DecisiveLine);
    }

    [Fact]
    public void Parse_BannerThenSalutation_RemovesBoth()
    {
        var reply = Text("[EXTERNAL] Sender outside\n\nHi Anna,\nReject - no");

        Assert.Equal(ReplyAmbiguity.Negation, reply.Ambiguity);
        Assert.Equal("Reject - no", reply.DecisiveLine);
    }

    [Fact]
    public void Parse_OnlyOneSalutation_IsRemoved()
    {
        var reply = Text("Hi,\nHello team,\nApprove");

        Assert.Equal(ReplyAmbiguity.NoKeyword, reply.Ambiguity);
        Assert.Equal("Hello team,", reply.DecisiveLine);
    }

    [Fact]
    public void Parse_SalutationWithText_IsTheFirstLine()
    {
        var reply = Text("Hi, approve");

        Assert.Equal(ReplyAmbiguity.TextBeforeKeyword, reply.Ambiguity);
    }

    [Fact]
    public void Parse_EmptyRuns_CollapseToOneEmptyLine()
    {
        var reply = Text("\n\n  Approve  \n\n\n\n  later today  \n\n");

        Assert.Equal("Approve\n\nlater today", reply.OwnText);
        Assert.Equal("later today", reply.Comment);
    }

    [Fact]
    public void Parse_KeywordsInQuoteAndSignature_NeverDecide()
    {
        var reply = Text("Let me check with the team.\n-- \nApprove\n\nOn Tue, Build Bot wrote:\n> Approve");

        Assert.Equal(ReplyDecision.None, reply.Decision);
        Assert.Equal(ReplyAmbiguity.NoKeyword, reply.Ambiguity);
    }
}
