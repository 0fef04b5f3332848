namespace FlexMail.Domain.Approvals.Replies.Parsing;

/// <summary>The approver's own lines of a reply and what was cut off as quote or signature.</summary>
internal sealed record OwnLines(IReadOnlyList<string> Lines, string? Quoted);

/// <summary>
/// Cuts a reply's lines at the first quote (original-message separator, header block, "On … wrote:", <c>&gt;</c> lines,
/// an HTML quote container) or signature/footer; when nothing stands above it, takes the bottom-posted lines below the
/// quote instead. Leading gateway banners and one salutation are removed; runs of empty lines collapse to one.
/// </summary>
internal static class QuoteCutter
{
    private enum Boundary
    {
        None,
        Quote,
        Attribution,
        RestIsQuote,
        Signature,
    }

    public static OwnLines Cut(IReadOnlyList<ReplyLine> lines)
    {
        var trimmed = new string[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            trimmed[i] = Normalize(lines[i].Text);
        }
        var first = 0;
        var kind = Boundary.None;
        for (; first < lines.Count; first++)
        {
            kind = BoundaryAt(lines, trimmed, first, out _);
            if (kind != Boundary.None)
            {
                break;
            }
        }

        var above = Clean(trimmed, 0, first);
        if (above.Count > 0 || kind is Boundary.None or Boundary.RestIsQuote or Boundary.Signature)
        {
            return new OwnLines(above, Join(trimmed, first, lines.Count));
        }
        return BottomPosted(lines, trimmed, first);
    }

    private static OwnLines BottomPosted(IReadOnlyList<ReplyLine> lines, string[] trimmed, int start)
    {
        var own = new List<int>();
        var index = start;
        for (; index < lines.Count; index++)
        {
            var kind = BoundaryAt(lines, trimmed, index, out var length);
            if (kind is Boundary.RestIsQuote or Boundary.Signature)
            {
                break;
            }
            if (kind is Boundary.Quote or Boundary.Attribution)
            {
                index += length - 1;
                continue;
            }
            own.Add(index);
        }
        var ownText = new string[own.Count];
        for (var i = 0; i < own.Count; i++)
        {
            ownText[i] = trimmed[own[i]];
        }
        var cleaned = Clean(ownText, 0, ownText.Length);
        var ownSet = new HashSet<int>(own);
        var quoted = new List<string>();
        for (var i = start; i < lines.Count; i++)
        {
            if (!ownSet.Contains(i))
            {
                quoted.Add(trimmed[i]);
            }
        }
        return new OwnLines(cleaned, Join(quoted, 0, quoted.Count));
    }

    private static Boundary BoundaryAt(IReadOnlyList<ReplyLine> lines, string[] trimmed, int index, out int length)
    {
        length = 1;
        switch (lines[index].Kind)
        {
            case ReplyLineKind.Quote:
                return Boundary.Quote;
            case ReplyLineKind.Signature:
                return Boundary.Signature;
        }
        var line = trimmed[index];
        if (line.Length == 0)
        {
            return Boundary.None;
        }
        if (line[0] == '>')
        {
            return Boundary.Quote;
        }
        if (ReplyTextRules.IsOriginalMessageSeparator(line) || ReplyTextRules.StartsHeaderBlock(trimmed, index))
        {
            return Boundary.RestIsQuote;
        }
        if (ReplyTextRules.IsSignatureStart(line))
        {
            return Boundary.Signature;
        }
        length = ReplyTextRules.AttributionLength(trimmed, index);
        if (length > 0)
        {
            return Boundary.Attribution;
        }
        length = 1;
        return Boundary.None;
    }

    /// <summary>The line without zero-width characters (mail clients insert them) and surrounding white space.</summary>
    private static string Normalize(string line)
    {
        if (line.AsSpan().IndexOfAny(ZeroWidth) >= 0)
        {
            line = string.Concat(line.Split(ZeroWidth));
        }
        return line.Trim();
    }

    private static readonly char[] ZeroWidth = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff'];

    /// <summary>Trimmed lines without leading banners and one salutation, empty runs collapsed, no empty ends.</summary>
    private static List<string> Clean(IReadOnlyList<string> trimmed, int start, int end)
    {
        var i = SkipEmpty(trimmed, start, end);
        while (i < end && ReplyTextRules.IsBannerStart(trimmed[i]))
        {
            while (i < end && trimmed[i].Length > 0)
            {
                i++;
            }
            i = SkipEmpty(trimmed, i, end);
        }
        if (i < end && ReplyTextRules.IsSalutation(trimmed[i]))
        {
            i = SkipEmpty(trimmed, i + 1, end);
        }
        var result = new List<string>();
        for (; i < end; i++)
        {
            if (trimmed[i].Length == 0 && (result.Count == 0 || result[^1].Length == 0))
            {
                continue;
            }
            result.Add(trimmed[i]);
        }
        while (result.Count > 0 && result[^1].Length == 0)
        {
            result.RemoveAt(result.Count - 1);
        }
        return result;
    }

    private static int SkipEmpty(IReadOnlyList<string> trimmed, int i, int end)
    {
        while (i < end && trimmed[i].Length == 0)
        {
            i++;
        }
        return i;
    }

    private static string? Join(IReadOnlyList<string> trimmed, int start, int end)
    {
        var text = string.Join('\n', trimmed.Skip(start).Take(end - start)).Trim();
        return text.Length == 0 ? null : text;
    }
}
