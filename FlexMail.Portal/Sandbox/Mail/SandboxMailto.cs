using System.Text;
using MimeKit.Text;

namespace FlexMail.Portal.Sandbox.Mail;

/// <summary>
/// A <c>mailto:</c> link (RFC 6068): the addresses before <c>?</c>, and the <c>to</c>, <c>cc</c>, <c>subject</c> and
/// <c>body</c> fields after it, percent-decoded (<c>+</c> stays a plus, as RFC 6068 says).
/// </summary>
public sealed record SandboxMailto(IReadOnlyList<string> To, IReadOnlyList<string> Cc, string Subject, string Body)
{
    /// <summary>The link, or null when it is not a <c>mailto:</c> link.</summary>
    public static SandboxMailto? Parse(string? href)
    {
        if (href?.Trim() is not { } link || !link.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var rest = link["mailto:".Length..];
        var query = rest.IndexOf('?');
        var to = Addresses(query < 0 ? rest : rest[..query]);
        var cc = new List<string>();
        string subject = "", body = "";
        foreach (var pair in (query < 0 ? "" : rest[(query + 1)..]).Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var separator = pair.IndexOf('=');
            var name = Decode(separator < 0 ? pair : pair[..separator]).ToLowerInvariant();
            var value = separator < 0 ? "" : Decode(pair[(separator + 1)..]);
            switch (name)
            {
                case "to": to.AddRange(Addresses(value)); break;
                case "cc": cc.AddRange(Addresses(value)); break;
                case "subject": subject = value; break;
                case "body": body = value; break;
            }
        }
        return new SandboxMailto(to, cc, subject, body);
    }

    private static List<string> Addresses(string value) =>
        [.. Decode(value).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static string Decode(string value)
    {
        try
        {
            return Uri.UnescapeDataString(value);
        }
        catch (UriFormatException)
        {
            return value;
        }
    }
}

/// <summary>A <c>mailto:</c> link of a message, with the words it shows (<c>Approve</c>, <c>Reject</c> ...).</summary>
public sealed record SandboxMailtoLink(string Text, SandboxMailto Mailto)
{
    /// <summary>The <c>mailto:</c> links of an HTML body, in order; links without text are named by their first address.</summary>
    public static IReadOnlyList<SandboxMailtoLink> Find(string html)
    {
        var links = new List<SandboxMailtoLink>();
        var tokenizer = new HtmlTokenizer(new StringReader(html));
        SandboxMailto? open = null;
        var text = new StringBuilder();
        while (tokenizer.ReadNextToken(out var token))
        {
            if (token is HtmlTagToken { Id: HtmlTagId.A } tag)
            {
                if (open is not null)
                {
                    links.Add(Link(open, text));
                    open = null;
                }
                if (!tag.IsEndTag)
                {
                    open = SandboxMailto.Parse(tag.Attributes.FirstOrDefault(a => a.Id == HtmlAttributeId.Href)?.Value);
                    text.Clear();
                }
            }
            else if (open is not null && token is HtmlDataToken data)
            {
                text.Append(data.Data);
            }
        }
        if (open is not null)
        {
            links.Add(Link(open, text));
        }
        return links;
    }

    private static SandboxMailtoLink Link(SandboxMailto mailto, StringBuilder text)
    {
        var words = string.Join(' ', text.ToString().Split((char[])[' ', '\r', '\n', '\t', '\u00a0'], StringSplitOptions.RemoveEmptyEntries));
        return new SandboxMailtoLink(words.Length > 0 ? words : mailto.To.FirstOrDefault() ?? "Write an e-mail", mailto);
    }
}
