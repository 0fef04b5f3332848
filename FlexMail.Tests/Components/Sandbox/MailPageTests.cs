using Bunit;
using FlexMail.Portal.Features.Sandbox;
using FlexMail.Portal.Sandbox;
using FlexMail.Tests.Support;

namespace FlexMail.Tests.Components.Sandbox;

public sealed class MailPageTests : SandboxComponentTest
{
    private IRenderedComponent<MailPage> RenderPage()
    {
        var page = Render<MailPage>();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=mail-folders] [aria-pressed=true]")));
        return page;
    }

    private static string? OpenMailbox(IRenderedComponent<MailPage> page) => InputLabelled(page, "Mailbox").GetAttribute("value");

    [Fact]
    public async Task Open_WithoutMailboxInTheAddress_OpensTheTestRecipientsMailbox()
    {
        var service = SandboxSeed.ServiceUser;
        await SaveSetupAsync(settings =>
        {
            settings.SmtpUser = service.UserPrincipalName;
            settings.SmtpFromAddress = service.Mail!;
        });

        var page = RenderPage();

        Assert.Contains(service.Id.ToString(), OpenMailbox(page));
    }

    [Fact]
    public void Open_WithoutSettings_OpensTheFirstMailbox()
    {
        var page = RenderPage();

        Assert.Contains(SandboxSeed.AdeleVance.Id.ToString(), OpenMailbox(page));
    }
}
