using FlexMail.Domain.Approvals.Replies.Parsing;
using Xunit.Abstractions;

namespace FlexMail.Tests.Corpus;

/// <summary>
/// Runs every corpus case through the reply pipeline (MIME reading, automatic-mail detection, parsing) and measures
/// it against the manifest: no false decisions at all, at least 99 % right decisions and 95 % right comments.
/// </summary>
public sealed class ReplyCorpusAccuracyTests(ITestOutputHelper output)
{
    [Fact]
    public void Corpus_AllCases_MeetTheAccuracyTargets()
    {
        var results = ReplyCorpus.Cases.Select(Judge).ToList();

        var falseDecisions = results.Count(r => r.IsFalseDecision);
        var decisionRight = results.Count(r => r.Got == r.Case.Outcome);
        var decided = results.Where(r => r.Got == r.Case.Outcome && r.Case.Outcome is CorpusOutcome.Approved or CorpusOutcome.Rejected).ToList();
        var commentRight = decided.Count(r => r.CommentMatches);
        var decisionAccuracy = (double)decisionRight / results.Count;
        var commentAccuracy = decided.Count == 0 ? 1 : (double)commentRight / decided.Count;

        output.WriteLine($"cases: {results.Count}; false decisions: {falseDecisions}");
        output.WriteLine($"decision accuracy: {decisionRight}/{results.Count} = {decisionAccuracy:P2}");
        output.WriteLine($"comment accuracy: {commentRight}/{decided.Count} = {commentAccuracy:P2}");
        output.WriteLine($"ambiguity differences (informational): {results.Count(r => r.AmbiguityDiffers)}");
        foreach (var failure in results.Where(r => r.Got != r.Case.Outcome || (r.Got == r.Case.Outcome && !r.CommentMatches)))
        {
            output.WriteLine($"FAIL {failure.Case.File} | expected {failure.Case.Outcome} [{Show(failure.Expected)}] | got {failure.Got} [{Show(failure.Comment)}] | {failure.Reason}");
        }

        Assert.Equal(0, falseDecisions);
        Assert.True(decisionAccuracy >= 0.99, $"decision accuracy {decisionAccuracy:P2}");
        Assert.True(commentAccuracy >= 0.95, $"comment accuracy {commentAccuracy:P2}");
    }

    private static CaseResult Judge(ReplyCase replyCase)
    {
        var values = CorpusValues.Sample;
        var mail = ReplyMime.Read(ReplyCorpus.Message(replyCase, values));
        var expected = replyCase.Comment is null ? null : Normalize(ReplyCorpus.FillText(replyCase.Comment, values));
        if (AutomaticMailDetector.Detect(mail.Headers, mail.Subject, mail.From) is { } automatic)
        {
            return new CaseResult(replyCase, CorpusOutcome.Ignored, null, expected, automatic.Reason, null);
        }
        var parsed = ReplyParser.Parse(mail.Body);
        var got = parsed.Decision switch
        {
            ReplyDecision.Approve => CorpusOutcome.Approved,
            ReplyDecision.Reject => CorpusOutcome.Rejected,
            _ => CorpusOutcome.NoDecision,
        };
        return new CaseResult(replyCase, got, parsed.Comment is null ? null : Normalize(parsed.Comment), expected, parsed.Reason,
            parsed.Decision == ReplyDecision.None ? parsed.Ambiguity.ToString() : null);
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');

    private static string Show(string? comment) => comment is null ? "null" : comment.Replace("\n", "\\n", StringComparison.Ordinal);

    private sealed record CaseResult(ReplyCase Case, CorpusOutcome Got, string? Comment, string? Expected, string Reason, string? Ambiguity)
    {
        public bool IsDecision(CorpusOutcome outcome) => outcome is CorpusOutcome.Approved or CorpusOutcome.Rejected;

        public bool IsFalseDecision => IsDecision(Got) && Got != Case.Outcome;

        public bool CommentMatches => string.Equals(Comment, Expected, StringComparison.Ordinal);

        public bool AmbiguityDiffers => Case.Outcome == CorpusOutcome.NoDecision && Got == CorpusOutcome.NoDecision
            && Case.Ambiguity is not null && Ambiguity != Case.Ambiguity;
    }
}
