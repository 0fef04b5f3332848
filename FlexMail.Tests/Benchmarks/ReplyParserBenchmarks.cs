using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using FlexMail.Domain.Approvals.Replies.Parsing;

namespace FlexMail.Benchmarks;

/// <summary>Parsing realistic replies to an approval mail: plain text (Outlook, Gmail) and HTML (Outlook, Gmail).</summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class ReplyParserBenchmarks
{
    private ReplyBody _outlookText = null!;
    private ReplyBody _gmailText = null!;
    private ReplyBody _outlookHtml = null!;
    private ReplyBody _gmailHtml = null!;

    [GlobalSetup]
    public void Setup()
    {
        _outlookText = new ReplyBody(ReplySamples.OutlookText, null);
        _gmailText = new ReplyBody(ReplySamples.GmailText, null);
        _outlookHtml = new ReplyBody(null, ReplySamples.OutlookHtml);
        _gmailHtml = new ReplyBody(null, ReplySamples.GmailHtml);
        if (ReplyParser.Parse(_outlookHtml).Decision != ReplyDecision.Approve || ReplyParser.Parse(_gmailHtml).Decision != ReplyDecision.Reject
            || ReplyParser.Parse(_outlookText).Decision != ReplyDecision.Approve || ReplyParser.Parse(_gmailText).Decision != ReplyDecision.Reject)
        {
            throw new InvalidOperationException("A sample reply does not parse to its decision.");
        }
    }

    [Benchmark]
    public ParsedReply TextOutlook() => ReplyParser.Parse(_outlookText);

    [Benchmark]
    public ParsedReply TextGmail() => ReplyParser.Parse(_gmailText);

    [Benchmark]
    public ParsedReply HtmlOutlook() => ReplyParser.Parse(_outlookHtml);

    [Benchmark]
    public ParsedReply HtmlGmail() => ReplyParser.Parse(_gmailHtml);

    private sealed class Config : ManualConfig
    {
        public Config() => AddColumn(new RepliesPerSecondColumn());
    }
}
