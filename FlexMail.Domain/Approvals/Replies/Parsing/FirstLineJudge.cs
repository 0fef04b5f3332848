namespace FlexMail.Domain.Approvals.Replies.Parsing;

/// <summary>
/// Judges the first line of the approver's own text: a decision only when the line starts with exactly one kind of
/// keyword followed by the end of the line or a separator, and carries no negation. Everything else is no decision,
/// with the reason; nothing is guessed.
/// </summary>
internal static class FirstLineJudge
{
    private static readonly string[] ApproveWords = ["approve", "approved"];
    private static readonly string[] RejectWords = ["reject", "rejected"];
    private static readonly string[] Negations =
        ["not", "don't", "don’t", "do not", "never", "no", "nicht", "pas", "non", "niet", "não", "nie", "kein", "keine",
            "can't", "can’t", "cannot", "won't", "won’t"];

    private const string Separators = "-–—:,.!;";

    public static ParsedReply Judge(IReadOnlyList<string> own, string? quoted, ReplyParserOptions options)
    {
        var ownText = string.Join('\n', own);
        if (own.Count == 0)
        {
            return new ParsedReply(ReplyDecision.None, null, ownText, null, quoted, ReplyAmbiguity.Empty,
                "No text of the approver's own: only quote, signature or nothing.");
        }
        var line = own[0];
        var approve = First(line, ApproveWords, options.ExtraApproveKeywords);
        var reject = First(line, RejectWords, options.ExtraRejectKeywords);
        if (approve is null && reject is null)
        {
            return None(ReplyAmbiguity.NoKeyword, "No Approve or Reject on the first line.");
        }
        if (approve is not null && reject is not null)
        {
            return None(ReplyAmbiguity.BothKeywords, "Both Approve and Reject on the first line.");
        }
        if (First(line, Negations, []) is { } negation)
        {
            return None(ReplyAmbiguity.Negation, $"A negation (\"{line.Substring(negation.Index, negation.Length)}\") on the first line.");
        }
        var keyword = (approve ?? reject)!.Value;
        var word = line.Substring(keyword.Index, keyword.Length);
        if (keyword.Index > 0)
        {
            return None(ReplyAmbiguity.TextBeforeKeyword, $"Text before \"{word}\" on the first line.");
        }
        var end = keyword.Length;
        if (end < line.Length && !char.IsWhiteSpace(line[end]) && !Separators.Contains(line[end]))
        {
            return None(ReplyAmbiguity.NoKeyword, $"\"{word}\" on the first line is followed by \"{line[end]}\", not by a separator.");
        }
        var decision = approve is not null ? ReplyDecision.Approve : ReplyDecision.Reject;
        var comment = Comment(line[end..].TrimStart(' ', '\t', '\u00a0', '-', '–', '—', ':', ',', '.', '!', ';'), own);
        return new ParsedReply(decision, comment, ownText, line, quoted, ReplyAmbiguity.None,
            $"{(decision == ReplyDecision.Approve ? "Approve" : "Reject")} on the first line.");

        ParsedReply None(ReplyAmbiguity ambiguity, string reason) =>
            new(ReplyDecision.None, null, ownText, line, quoted, ambiguity, reason);
    }

    private static string? Comment(string rest, IReadOnlyList<string> own)
    {
        var parts = new List<string>();
        if (rest.Trim().Length > 0)
        {
            parts.Add(rest.Trim());
        }
        for (var i = 1; i < own.Count; i++)
        {
            if (ReplyTextRules.IsSignOff(own[i]))
            {
                break;
            }
            if (own[i].Length > 0)
            {
                parts.Add(own[i]);
            }
        }
        return parts.Count == 0 ? null : string.Join('\n', parts);
    }

    /// <summary>The first whole-word, case-insensitive occurrence of any of the words in the line.</summary>
    private static (int Index, int Length)? First(string line, string[] words, IReadOnlyList<string> extras)
    {
        (int Index, int Length)? best = null;
        foreach (var word in words)
        {
            best = Earlier(best, Find(line, word));
        }
        foreach (var extra in extras)
        {
            if (!string.IsNullOrWhiteSpace(extra))
            {
                best = Earlier(best, Find(line, extra.Trim()));
            }
        }
        return best;
    }

    private static (int Index, int Length)? Earlier((int Index, int Length)? a, (int Index, int Length)? b) =>
        a is null ? b : b is null ? a : a.Value.Index <= b.Value.Index ? a : b;

    private static (int Index, int Length)? Find(string line, string word)
    {
        var from = 0;
        while (from <= line.Length - word.Length)
        {
            var at = line.IndexOf(word, from, StringComparison.OrdinalIgnoreCase);
            if (at < 0)
            {
                return null;
            }
            var end = at + word.Length;
            if ((at == 0 || !char.IsLetterOrDigit(line[at - 1])) && (end == line.Length || !char.IsLetterOrDigit(line[end])))
            {
                return (at, word.Length);
            }
            from = at + 1;
        }
        return null;
    }
}
