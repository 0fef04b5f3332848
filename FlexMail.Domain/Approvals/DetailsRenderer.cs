using System.Net;
using System.Text;
using Ganss.Xss;
using Markdig;

namespace FlexMail.Domain.Approvals;

/// <summary>
/// Turns a request's details into HTML that is safe to show in the portal and in a mail: Markdown without raw HTML
/// (Markdig's <c>DisableHtml</c>), then sanitized (only harmless tags, attributes and link schemes survive); plain
/// text is escaped into paragraphs and line breaks. The integrator's text never reaches a page as markup of its own.
/// </summary>
public static class DetailsRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .Build();

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    /// <summary>The details as sanitized HTML; empty for no details.</summary>
    public static string ToHtml(string? details, DetailsFormat format)
    {
        if (string.IsNullOrWhiteSpace(details))
        {
            return "";
        }
        var html = format == DetailsFormat.Markdown ? Markdown.ToHtml(details, Pipeline) : TextToHtml(details);
        return Sanitizer.Sanitize(html);
    }

    /// <summary>Plain text: HTML-encoded, blank lines start paragraphs, single line breaks stay.</summary>
    private static string TextToHtml(string text)
    {
        var html = new StringBuilder();
        var paragraphs = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n')
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var paragraph in paragraphs)
        {
            html.Append("<p>")
                .AppendJoin("<br>", paragraph.Split('\n').Select(line => WebUtility.HtmlEncode(line.TrimEnd())))
                .Append("</p>");
        }
        return html.ToString();
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.UnionWith(["https", "http", "mailto"]);
        // No inline styles or classes from the integrator: the portal's and the mail's look stay their own.
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedAttributes.Remove("class");
        sanitizer.AllowedTags.Remove("img");
        sanitizer.AllowedTags.Remove("form");
        sanitizer.AllowedTags.Remove("input");
        sanitizer.AllowedTags.Remove("button");
        sanitizer.AllowedTags.Remove("textarea");
        sanitizer.AllowedTags.Remove("select");
        sanitizer.AllowedTags.Remove("option");
        sanitizer.AllowedCssProperties.Clear();
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { TagName: "A" } link)
            {
                link.SetAttribute("rel", "noopener noreferrer nofollow");
            }
        };
        return sanitizer;
    }
}
