using Bunit;
using FlexMail.Portal.Features.Sandbox;
using FlexMail.Portal.Sandbox.Mail;
using FlexMail.Tests.Support;

namespace FlexMail.Tests.Components.Sandbox;

public sealed class ReadingPaneTests : SandboxComponentTest
{
    private const string TrackedHtml = """<p>Hello</p><img src="https://tracker.example/pixel.gif"><div style="background:url(https://tracker.example/bg.png)"></div>""";

    [Fact]
    public void HtmlMail_Opened_FrameLoadsTheBodyWithRemoteImagesBlockedAndSaysSo()
    {
        var pane = Render<ReadingPane>(p => p.Add(c => c.Message, Html("AAMkAD-one")));

        var frame = pane.Find("[data-testid=message-body-html]");
        Assert.Equal(SandboxMailBodyEndpoint.Url("AAMkAD-one", remoteImages: false), frame.GetAttribute("src"));
        Assert.Equal("", frame.GetAttribute("sandbox"));
        Assert.Null(frame.GetAttribute("srcdoc")); // the body is never inlined into the portal's page
        Assert.Contains("Remote images are blocked", pane.Find("[data-testid=remote-images]").TextContent);
        Assert.NotNull(Button(pane, "Show remote images"));
    }

    [Fact]
    public void ShowRemoteImages_Clicked_FrameReloadsAllowingHttpsImagesAndSaysSo()
    {
        var pane = Render<ReadingPane>(p => p.Add(c => c.Message, Html("AAMkAD-one")));

        Button(pane, "Show remote images").Click();

        Assert.Equal(SandboxMailBodyEndpoint.Url("AAMkAD-one", remoteImages: true), pane.Find("[data-testid=message-body-html]").GetAttribute("src"));
        Assert.Contains("Remote images are shown.", pane.Find("[data-testid=remote-images]").TextContent);
        Assert.DoesNotContain("Show remote images", pane.Markup);
    }

    [Fact]
    public void AnotherMessage_OpenedAfterShowingRemoteImages_StartsBlockedAgain()
    {
        var pane = Render<ReadingPane>(p => p.Add(c => c.Message, Html("AAMkAD-one")));
        Button(pane, "Show remote images").Click();

        pane.Render(p => p.Add(c => c.Message, Html("AAMkAD-two")));

        Assert.Equal(SandboxMailBodyEndpoint.Url("AAMkAD-two", remoteImages: false), pane.Find("[data-testid=message-body-html]").GetAttribute("src"));
        Assert.Contains("Remote images are blocked", pane.Find("[data-testid=remote-images]").TextContent);
    }

    [Fact]
    public void ApprovalMail_WithMailtoButtons_OffersThemNamedByTheirTextAndReportsTheChosenLink()
    {
        SandboxMailto? chosen = null;
        var message = Html("AAMkAD-approval");
        message.Body = """<p>Approve?</p><a href="mailto:approvals@contoso.test?subject=Re%3A%20Deploy&amp;body=Approve">Approve</a> <a href="mailto:approvals@contoso.test?subject=Re%3A%20Deploy&amp;body=Reject">Reject</a>""";
        var pane = Render<ReadingPane>(p => p.Add(c => c.Message, message).Add(c => c.OnMailto, (SandboxMailto m) => chosen = m));

        Button(pane, "Reject").Click();

        Assert.NotNull(Button(pane, "Approve"));
        Assert.Equal("Reject", chosen?.Body);
        Assert.Equal("Re: Deploy", chosen?.Subject);
        Assert.Equal(["approvals@contoso.test"], chosen?.To);
    }

    [Fact]
    public void HtmlMail_WithoutMailtoLinks_OffersNoLinkButtons()
    {
        var pane = Render<ReadingPane>(p => p.Add(c => c.Message, Html("AAMkAD-one")));

        Assert.Empty(pane.FindAll("[data-testid=mailto-links]"));
    }

    private static SandboxMessage Html(string id) => new()
    {
        Id = id,
        ImmutableId = "AAkALg-" + id,
        FolderId = "inbox",
        InternetMessageId = $"<{id}@fabrikam.test>",
        ConversationId = "AAQkAD-conversation",
        Subject = "Newsletter",
        BodyContentType = "html",
        Body = TrackedHtml,
        From = new SandboxAddress("Fabrikam News", "news@fabrikam.test"),
        Sender = new SandboxAddress("Fabrikam News", "news@fabrikam.test"),
    };
}
