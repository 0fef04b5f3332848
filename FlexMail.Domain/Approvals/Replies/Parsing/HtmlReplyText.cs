using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace FlexMail.Domain.Approvals.Replies.Parsing;

/// <summary>
/// Turns an HTML reply into lines with AngleSharp: block elements and <c>&lt;br&gt;</c> break lines, entities are
/// decoded, scripts and styles dropped. Quote containers (Outlook's <c>divRplyFwdMsg</c>, Gmail's <c>gmail_quote</c>,
/// <c>blockquote</c>, Thunderbird's <c>moz-cite-prefix</c> …) mark their lines as quote, the Outlook ones everything
/// after them too; signature containers mark theirs as signature.
/// </summary>
internal static class HtmlReplyText
{
    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "address", "article", "aside", "blockquote", "center", "dd", "div", "dl", "dt", "fieldset", "figure", "footer",
        "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section",
        "table", "tbody", "thead", "tfoot", "tr", "ul", "body",
    };

    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase)
    {
        "head", "script", "style", "template", "title", "noscript", "xml",
    };

    public static List<ReplyLine> Lines(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        var writer = new LineWriter();
        INode? node = document.Body ?? (INode)document.DocumentElement;
        var root = node;
        var rest = ReplyLineKind.Text;
        var kinds = new Stack<(INode Element, ReplyLineKind Previous)>();
        var current = ReplyLineKind.Text;
        var pre = 0;
        while (node is not null)
        {
            var descend = false;
            if (node is IElement element)
            {
                var name = element.LocalName;
                if (!Skipped.Contains(name))
                {
                    if (name == "br")
                    {
                        writer.Break(Max(current, rest));
                    }
                    else
                    {
                        if (Blocks.Contains(name))
                        {
                            writer.SoftBreak(Max(current, rest));
                        }
                        var (kind, restIsQuote) = Classify(element);
                        if (restIsQuote)
                        {
                            rest = ReplyLineKind.Quote;
                        }
                        kinds.Push((element, current));
                        current = Max(current, kind);
                        if (name == "pre")
                        {
                            pre++;
                        }
                        descend = element.HasChildNodes;
                        if (!descend)
                        {
                            Leave(element);
                        }
                    }
                }
            }
            else if (node is IText text)
            {
                writer.Append(text.Data, pre > 0, Max(current, rest));
            }

            if (descend)
            {
                node = node.FirstChild;
                continue;
            }
            while (node is not null && node != root && node.NextSibling is null)
            {
                node = node.Parent;
                if (node is IElement parent && node != root)
                {
                    Leave(parent);
                }
            }
            node = node is null || node == root ? null : node.NextSibling;
        }
        writer.SoftBreak(Max(current, rest));
        return writer.Lines;

        void Leave(IElement element)
        {
            if (kinds.Count > 0 && kinds.Peek().Element == element)
            {
                current = kinds.Pop().Previous;
            }
            if (element.LocalName == "pre")
            {
                pre--;
            }
            if (Blocks.Contains(element.LocalName))
            {
                writer.SoftBreak(Max(current, rest));
            }
        }
    }

    private static ReplyLineKind Max(ReplyLineKind a, ReplyLineKind b) => a >= b ? a : b;

    /// <summary>
    /// What an element's subtree is. Exchange prefixes the ids and classes of received HTML with <c>x_</c> (once per
    /// hop), Yahoo its classes with <c>ydp…</c>: both are looked through.
    /// </summary>
    private static (ReplyLineKind Kind, bool RestIsQuote) Classify(IElement element)
    {
        if (element.LocalName == "blockquote")
        {
            return (ReplyLineKind.Quote, false);
        }
        if (element.Id is { Length: > 0 } rawId)
        {
            var id = Unprefixed(rawId);
            if (Is(id, "divRplyFwdMsg") || Is(id, "appendonsend"))
            {
                return (ReplyLineKind.Quote, true);
            }
            if (Is(id, "mail-editor-reference-message-container"))
            {
                return (ReplyLineKind.Quote, false);
            }
            if (Is(id, "Signature") || Is(id, "ms-outlook-mobile-signature"))
            {
                return (ReplyLineKind.Signature, false);
            }
        }
        foreach (var rawClass in element.ClassList)
        {
            var name = Unprefixed(rawClass);
            if (Is(name, "OutlookMessageHeader"))
            {
                return (ReplyLineKind.Quote, true);
            }
            // Thunderbird's "On … wrote:" line is followed by the blockquote; a bottom post may follow that.
            if (Is(name, "gmail_quote") || Is(name, "moz-cite-prefix") || name.EndsWith("yahoo_quoted", StringComparison.OrdinalIgnoreCase))
            {
                return (ReplyLineKind.Quote, false);
            }
            if (Is(name, "gmail_signature") || Is(name, "moz-signature"))
            {
                return (ReplyLineKind.Signature, false);
            }
        }
        return (ReplyLineKind.Text, false);
    }

    private static string Unprefixed(string name)
    {
        while (name.StartsWith("x_", StringComparison.Ordinal))
        {
            name = name[2..];
        }
        return name;
    }

    private static bool Is(string name, string expected) => string.Equals(name, expected, StringComparison.OrdinalIgnoreCase);

    /// <summary>Collects text into lines: whitespace collapsed outside <c>pre</c>, a line's kind the strongest seen in it.</summary>
    private sealed class LineWriter
    {
        private readonly StringBuilder _line = new();
        private ReplyLineKind _kind;
        private bool _space;

        public List<ReplyLine> Lines { get; } = [];

        public void Append(string text, bool preformatted, ReplyLineKind kind)
        {
            foreach (var c in text)
            {
                if (preformatted && c == '\n')
                {
                    Break(kind);
                    continue;
                }
                if (c is ' ' or '\t' or '\n' or '\r' or '\f' && !preformatted)
                {
                    _space = _line.Length > 0;
                    continue;
                }
                if (c == '\r')
                {
                    continue;
                }
                if (_space)
                {
                    _line.Append(' ');
                    _space = false;
                }
                // A no-break space is a space that keeps an otherwise empty paragraph (Outlook's blank lines) a line.
                _line.Append(c == '\u00a0' ? ' ' : c);
                _kind = Max(_kind, kind);
            }
        }

        /// <summary>Ends the line when it has text (a block boundary).</summary>
        public void SoftBreak(ReplyLineKind kind)
        {
            if (_line.Length > 0)
            {
                Break(kind);
            }
        }

        /// <summary>Ends the line, empty or not (<c>&lt;br&gt;</c>).</summary>
        public void Break(ReplyLineKind kind)
        {
            Lines.Add(new ReplyLine(_line.ToString(), _line.Length > 0 ? _kind : kind));
            _line.Clear();
            _kind = ReplyLineKind.Text;
            _space = false;
        }
    }
}
