using Bunit;
using FlexMail.Portal.Features.Sandbox;
using FlexMail.Portal.Sandbox;
using FlexMail.Portal.Sandbox.Mail;
using FlexMail.Tests.Support;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace FlexMail.Tests.Components.Sandbox;

/// <summary>An approval mail's Approve / Reject mailto: buttons, answered in the sandbox's mail client.</summary>
public sealed class MailClientMailtoTests : SandboxComponentTest
{
    private const string Subject = "[FlexMail] Approval required: Deploy [FM-7KQ2-ABCDEFGHJKMNPQRS]";
    private const string ReplySubject = "Re: " + Subject;

    private IRenderedComponent<MudDialogProvider> _dialogs = null!;

    [Fact]
    public async Task ApproveButton_Clicked_OpensNewMessageFilledFromTheLinkFromTheMailboxBeingRead()
    {
        var adele = await OpenApprovalAsAdeleAsync();

        Button(adele, "Approve").Click();

        _dialogs.WaitForAssertion(() => Assert.Equal("approvals@contoso.test", InputLabelled(_dialogs, "To").GetAttribute("value")));
        Assert.Equal(ReplySubject, InputLabelled(_dialogs, "Subject").GetAttribute("value"));
        Assert.Equal("Approve\nComment: ", InputLabelled(_dialogs, "Message").GetAttribute("value")?.ReplaceLineEndings("\n"));
        Assert.Contains($"From: Adele Vance <{SandboxSeed.AdeleVance.Mail}>", _dialogs.Find(".mud-dialog-content").TextContent);
    }

    [Fact]
    public async Task RejectButton_SentFromTheForm_ArrivesInTheApprovalsInboxFromTheApprover()
    {
        var adele = await OpenApprovalAsAdeleAsync();

        Button(adele, "Reject").Click();
        _dialogs.WaitForAssertion(() => Assert.Equal(ReplySubject, InputLabelled(_dialogs, "Subject").GetAttribute("value")));
        await Button(_dialogs, "Send").ClickAsync(new());

        await using var db = await SandboxContexts.CreateDbContextAsync();
        var answer = await db.Messages.SingleAsync(m => m.MailboxUserId == SandboxSeed.ApprovalsMailbox.Id && m.Subject == ReplySubject);
        Assert.Equal(SandboxSeed.AdeleVance.Mail, answer.From.Address);
        Assert.StartsWith("Reject", answer.Body);
    }

    [Fact]
    public async Task Reply_OnAnApprovalMail_StillAnswersTheOriginal()
    {
        var adele = await OpenApprovalAsAdeleAsync();

        Button(adele, "Reply").Click();

        _dialogs.WaitForAssertion(() => Assert.Equal($"RE: {Subject}", InputLabelled(_dialogs, "Subject").GetAttribute("value")));
        Assert.NotNull(InputLabelled(_dialogs, "To").GetAttribute("readonly"));
    }

    private async Task<IRenderedComponent<MailClient>> OpenApprovalAsAdeleAsync()
    {
        await Sandbox<SandboxMailDelivery>().DeliverAsync(new SandboxOutgoingMail(
            SandboxSeed.ApprovalsMailbox.Id,
            new SandboxAddress("Approvals", SandboxSeed.ApprovalsMailbox.Mail!),
            [new SandboxAddress("Adele Vance", SandboxSeed.AdeleVance.Mail!)],
            Subject,
            "html",
            $"""
            <html><body><p>Deploy needs your approval.</p>
            <a href="{Link("Approve")}">Approve</a> <a href="{Link("Reject")}">Reject</a></body></html>
            """), CancellationToken.None);
        _dialogs = Context.Render<MudDialogProvider>();
        var client = Render<MailClient>(parameters => parameters.Add(c => c.Mailbox, SandboxSeed.AdeleVance.Mail));
        client.WaitForAssertion(() => Assert.NotNull(client.Find($"tr[data-row='{Subject}']")));
        await Button(client, Subject).ClickAsync(new());
        client.WaitForAssertion(() => Assert.NotNull(client.Find("[data-testid=mailto-links]")));
        return client;
    }

    private static string Link(string verdict) =>
        $"mailto:approvals@contoso.test?subject={Uri.EscapeDataString(ReplySubject)}&amp;body={verdict}%0D%0AComment%3A%20";
}
