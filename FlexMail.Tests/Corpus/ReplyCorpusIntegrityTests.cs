using Xunit.Abstractions;

namespace FlexMail.Tests.Corpus;

public sealed class ReplyCorpusIntegrityTests(ITestOutputHelper output)
{
    public static TheoryData<string> CaseFiles => [.. ReplyCorpus.Cases.Select(c => c.File)];

    [Fact]
    public void Manifest_EveryEntry_HasItsFile()
    {
        var missing = ReplyCorpus.Cases.Where(c => !File.Exists(ReplyCorpus.PathOf(c))).Select(c => c.File).ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void Corpus_EveryEmlFile_IsListedOnce()
    {
        var listed = ReplyCorpus.Cases.Select(c => c.File).ToList();

        Assert.Equal(listed.Count, listed.Distinct(StringComparer.Ordinal).Count());
        Assert.Empty(ReplyCorpus.Files().Except(listed, StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(CaseFiles))]
    public void Case_AfterFill_ParsesWithTheRequiredHeaders(string file)
    {
        var replyCase = ReplyCorpus.Cases.Single(c => c.File == file);
        var values = CorpusValues.Sample;

        var filled = ReplyCorpus.Fill(replyCase, values);
        var message = ReplyCorpus.Message(replyCase, values);

        Assert.DoesNotContain("{{", filled, StringComparison.Ordinal);
        Assert.NotEmpty(message.From.Mailboxes);
        Assert.Contains(message.To.Mailboxes, m => m.Address == values.ReplyAddress);
        Assert.False(string.IsNullOrWhiteSpace(message.Subject));
        Assert.Equal($"{Path.GetFileNameWithoutExtension(file)}@{replyCase.Client}.example", message.MessageId);
        Assert.Equal(values.Date, message.Date);
        Assert.NotNull(message.TextBody ?? message.HtmlBody);
    }

    [Fact]
    public void Manifest_Cases_CoverLanguagesClientsAndOutcomes()
    {
        var cases = ReplyCorpus.Cases;

        foreach (var group in cases.GroupBy(c => c.Outcome).OrderBy(g => g.Key))
        {
            output.WriteLine($"{group.Key}: {group.Count()}");
        }
        output.WriteLine($"total: {cases.Count}, clients: {cases.Select(c => c.Client).Distinct().Count()}, languages: {cases.Select(c => c.Language).Distinct().Count()}");
        Assert.True(cases.Count >= 220, $"{cases.Count} cases");
        Assert.True(cases.Select(c => c.Language).Distinct().Count() >= 7);
        Assert.True(cases.Select(c => c.Client).Distinct().Count() >= 12);
        Assert.All(Enum.GetValues<CorpusOutcome>(), outcome => Assert.Contains(cases, c => c.Outcome == outcome));
    }

    [Fact]
    public void Manifest_Comments_OnlyOnDecisions()
    {
        var wrong = ReplyCorpus.Cases
            .Where(c => c.Comment is not null && c.Outcome is not (CorpusOutcome.Approved or CorpusOutcome.Rejected))
            .Select(c => c.File).ToList();

        Assert.Empty(wrong);
    }

    [Fact]
    public void Fill_Base64Part_ReplacesPlaceholdersInTheDecodedText()
    {
        var replyCase = ReplyCorpus.Cases.First(c => ReplyCorpus.Raw(c).Contains("Content-Transfer-Encoding: base64", StringComparison.Ordinal));

        var message = ReplyCorpus.Message(replyCase, CorpusValues.Sample);

        Assert.Contains(CorpusValues.Sample.Token, (message.HtmlBody ?? "") + message.TextBody, StringComparison.Ordinal);
    }
}
