using FlexMail.Domain.Approvals;

namespace FlexMail.Tests.Domain.Approvals;

public sealed class DetailsRendererTests
{
    [Fact]
    public void Markdown_RendersFormatting()
    {
        var html = DetailsRenderer.ToHtml("Deploy **4.2**:\n\n- billing\n- search\n\n[Release notes](https://contoso.test/notes)", DetailsFormat.Markdown);

        Assert.Contains("<strong>4.2</strong>", html);
        Assert.Contains("<li>billing</li>", html);
        Assert.Contains("href=\"https://contoso.test/notes\"", html);
        Assert.Contains("rel=\"noopener noreferrer nofollow\"", html);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>")]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("<iframe src=\"https://evil.test\"></iframe>")]
    public void Markdown_WithScriptOrRawHtml_ShowsItAsTextWithNoActiveMarkup(string details)
    {
        var html = DetailsRenderer.ToHtml(details, DetailsFormat.Markdown);

        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        Assert.Empty(document.QuerySelectorAll("script, img, iframe"));
        Assert.DoesNotContain(document.All, element => element.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
        Assert.DoesNotContain(document.QuerySelectorAll("a[href]"), link => link.GetAttribute("href")!.Contains("javascript", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Markdown_RawHtml_IsShownLiterally()
    {
        var html = DetailsRenderer.ToHtml("Run <script>alert(1)</script> now", DetailsFormat.Markdown);

        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
    }

    [Fact]
    public void Text_IsEscapedIntoParagraphsAndLineBreaks()
    {
        var html = DetailsRenderer.ToHtml("First line <b>not bold</b>\nsecond line\n\nNext paragraph & more", DetailsFormat.Text);

        Assert.Equal("<p>First line &lt;b&gt;not bold&lt;/b&gt;<br>second line</p><p>Next paragraph &amp; more</p>", html);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void NoDetails_IsEmpty(string? details) => Assert.Equal("", DetailsRenderer.ToHtml(details, DetailsFormat.Markdown));
}
