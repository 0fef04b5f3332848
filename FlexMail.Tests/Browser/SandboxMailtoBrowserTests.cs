using FlexMail.Portal.Sandbox;
using FlexMail.Portal.Sandbox.Mail;
using FlexMail.Tests.Browser.PageModels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace FlexMail.Tests.Browser;

public sealed class SandboxMailtoBrowserTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task MailClient_ApproveButtonOfAnApprovalMail_SendsTheLinksAnswerToFlexMailRepliesOfTheApprovalsMailbox()
    {
        var subject = $"[FlexMail] Approval required: Deploy [FM-{Guid.NewGuid():N}]"[..60];
        var answer = $"Re: {subject}";
        var link = $"mailto:approvals@contoso.test?subject={Uri.EscapeDataString(answer)}&amp;body=Approve%0D%0A";
        await portal.Services.GetRequiredService<SandboxMailDelivery>().DeliverAsync(new SandboxOutgoingMail(
            SandboxSeed.ApprovalsMailbox.Id,
            new SandboxAddress("Approvals", SandboxSeed.ApprovalsMailbox.Mail!),
            [new SandboxAddress("Megan Bowen", SandboxSeed.MeganBowen.Mail!)],
            subject, "html", $"""<p>Deploy needs your approval.</p><a href="{link}">Approve</a>"""), CancellationToken.None);
        var page = await portal.OpenPageAsync();
        var mail = new SandboxMailPageModel(page);
        await mail.GotoAsync(SandboxSeed.MeganBowen.Mail!);

        await mail.OpenAsync(subject);
        await Assertions.Expect(mail.HtmlBody.GetByText("Deploy needs your approval.")).ToBeVisibleAsync();
        await mail.AnswerByLinkAsync("Approve");
        await Assertions.Expect(mail.Dialog).ToHaveCountAsync(0);
        await mail.SwitchToAsync("Approvals (approvals@contoso.test), shared");
        // The approvals mailbox's inbox rule files answers to approval mails in Inbox/FlexMail Replies.
        await mail.OpenFolderAsync("FlexMail Replies");

        await Assertions.Expect(mail.MessageRow(answer)).ToContainTextAsync("Megan Bowen");
    }
}
