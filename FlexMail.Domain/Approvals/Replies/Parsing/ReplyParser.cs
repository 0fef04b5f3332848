namespace FlexMail.Domain.Approvals.Replies.Parsing;

/// <summary>
/// Reads an approval reply: the approver's own text (HTML through AngleSharp, quotes, banners, salutation and
/// signature cut off) and the decision on its first line. Never guesses: anything but a clear keyword at the start of
/// the first line is no decision, with the reason.
/// </summary>
public static class ReplyParser
{
    /// <summary>Parses a reply body; the HTML part wins when both are given.</summary>
    public static ParsedReply Parse(ReplyBody body, ReplyParserOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        options ??= ReplyParserOptions.Default;
        var max = Math.Max(0, options.MaxBodyChars);
        var lines = !string.IsNullOrWhiteSpace(body.Html)
            ? HtmlReplyText.Lines(Bounded(body.Html, max))
            : TextLines(Bounded(body.Text ?? "", max));
        var own = QuoteCutter.Cut(lines);
        return FirstLineJudge.Judge(own.Lines, own.Quoted, options);
    }

    private static string Bounded(string text, int max) => text.Length > max ? text[..max] : text;

    private static List<ReplyLine> TextLines(string text)
    {
        var lines = new List<ReplyLine>();
        var start = 0;
        while (start <= text.Length)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0)
            {
                end = text.Length;
            }
            var length = end > start && text[end - 1] == '\r' ? end - start - 1 : end - start;
            lines.Add(new ReplyLine(text.Substring(start, length), ReplyLineKind.Text));
            start = end + 1;
        }
        return lines;
    }
}
