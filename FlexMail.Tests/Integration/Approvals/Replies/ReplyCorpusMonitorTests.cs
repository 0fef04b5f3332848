using FlexMail.Domain.Approvals.Replies;
using FlexMail.Portal.Sandbox;
using FlexMail.Tests.Corpus;
using FlexMail.Tests.Integration.Mail;
using Xunit.Abstractions;

namespace FlexMail.Tests.Integration.Approvals.Replies;

/// <summary>
/// The whole corpus through the whole path: each case bound to an approval mail of its own, delivered raw to the
/// approvals mailbox (every header kept; the inbox rule files it), read by the monitor through Graph, and its stored
/// outcome and comment compared with what the case expects.
/// </summary>
[Collection(ReplyMonitorCollection.Name)]
public sealed class ReplyCorpusMonitorTests(RepliesPortal portal, ITestOutputHelper output) : IAsyncLifetime
{
    private readonly ReplyScenario _scenario = new(portal);

    public async Task InitializeAsync()
    {
        await _scenario.ConnectAsync(answers: false);
        await _scenario.ClearFolderAsync(ReplyScenario.ReplyFolder);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Corpus_DeliveredAndMonitored_StoresTheExpectedOutcomes()
    {
        var approver = SandboxSeed.AdeleVance;
        var bound = new List<(ReplyCase Case, string MessageId)>();
        var messages = new List<MimeKit.MimeMessage>();
        foreach (var replyCase in ReplyCorpus.Cases)
        {
            var sent = (await _scenario.RequestAsync($"Corpus {Path.GetFileNameWithoutExtension(replyCase.File)}", approvers: approver)).Single();
            var values = new CorpusValues(sent.Token.ToString(), sent.MessageId, approver.Mail!, MailGatewayKit.Approvals, DateTimeOffset.UtcNow);
            var message = ReplyCorpus.Message(replyCase, values);
            messages.Add(message);
            bound.Add((replyCase, $"<{message.MessageId}>"));
        }
        await _scenario.DeliverAsync([.. messages]);

        await ReplyScenario.DrainAsync(() => _scenario.Cycle());

        // The collection's other tests share this database (a duplicate's row has its original's Message-ID): only this test's mails.
        var ours = bound.Select(b => b.MessageId).ToHashSet();
        var rows = (await _scenario.RowsAsync()).Where(r => r.InternetMessageId is { } id && ours.Contains(id))
            .GroupBy(r => r.InternetMessageId!).ToDictionary(g => g.Key, g => g.Single());
        var (outcomes, comments, decided, falseDecisions) = (0, 0, 0, 0);
        foreach (var (replyCase, messageId) in bound)
        {
            var row = rows.GetValueOrDefault(messageId);
            var got = row?.Outcome;
            var expected = Expected(replyCase.Outcome);
            if (got == expected)
            {
                outcomes++;
            }
            else
            {
                output.WriteLine($"{replyCase.File}: expected {expected}, stored {got?.ToString() ?? "nothing"} ({row?.Reason})");
            }
            if (got is ReplyOutcome.Approved or ReplyOutcome.Rejected && got != expected)
            {
                falseDecisions++;
            }
            if (expected is ReplyOutcome.Approved or ReplyOutcome.Rejected && got == expected)
            {
                decided++;
                if (Normalize(row!.Comment) == Normalize(replyCase.Comment))
                {
                    comments++;
                }
                else
                {
                    output.WriteLine($"{replyCase.File}: comment expected [{replyCase.Comment}], stored [{row.Comment}]");
                }
            }
        }
        var cases = bound.Count;
        output.WriteLine($"{cases} cases: outcome right {outcomes} ({100.0 * outcomes / cases:F1} %), comment right {comments} of {decided}, false decisions {falseDecisions}");
        Assert.Equal(0, falseDecisions);
        Assert.True(outcomes >= cases * 0.99, $"outcome right in {outcomes} of {cases}");
        Assert.True(comments >= decided * 0.95, $"comment right in {comments} of {decided}");
    }

    private static ReplyOutcome Expected(CorpusOutcome outcome) => outcome switch
    {
        CorpusOutcome.Approved => ReplyOutcome.Approved,
        CorpusOutcome.Rejected => ReplyOutcome.Rejected,
        CorpusOutcome.Ignored => ReplyOutcome.Ignored,
        _ => ReplyOutcome.NoDecision,
    };

    private static string? Normalize(string? text) => text?.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
}
