using Bunit;
using FlexMail.Portal.Features.Sandbox;
using FlexMail.Portal.Sandbox;
using FlexMail.Tests.Support;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace FlexMail.Tests.Components.Sandbox;

public sealed class ManageRulesDialogTests : SandboxComponentTest
{
    private IRenderedComponent<MudDialogProvider> _dialogs = null!;

    private void OpenRules(string mailbox)
    {
        _dialogs = Context.Render<MudDialogProvider>();
        var client = Render<MailClient>(parameters => parameters.Add(c => c.Mailbox, mailbox));
        client.WaitForAssertion(() => Assert.NotNull(client.Find("[data-testid=mail-folders] [aria-pressed=true]")));
        Button(client, "Manage Rules").Click();
        _dialogs.WaitForAssertion(() => Assert.NotNull(Button(_dialogs, "Add Rule")));
    }

    [Fact]
    public void ManageRules_OnTheApprovalsMailbox_ShowsTheSeededRuleWithItsFolder()
    {
        OpenRules(SandboxSeed.ApprovalsMailbox.Mail!);

        var rule = _dialogs.Find("[data-rule='FlexMail replies']");
        Assert.Contains("Subject contains [FlexMail] or FM-", rule.TextContent);
        Assert.Contains("FlexMail Replies", rule.TextContent);
        Assert.NotNull(InputLabelled(_dialogs, "Rule Name"));
        Assert.NotNull(InputLabelled(_dialogs, "Subject Contains"));
    }

    [Fact]
    public async Task Switch_TheRuleOff_DisablesItInTheMailbox()
    {
        OpenRules(SandboxSeed.ApprovalsMailbox.Mail!);
        var toggle = _dialogs.FindAll("label").Single(l => l.TextContent.Contains("FlexMail replies enabled", StringComparison.Ordinal)).QuerySelector("input")!;

        await toggle.ChangeAsync(new Microsoft.AspNetCore.Components.ChangeEventArgs { Value = false });

        await using var db = await SandboxContexts.CreateDbContextAsync();
        Assert.False((await db.InboxRules.SingleAsync(r => r.MailboxUserId == SandboxSeed.ApprovalsMailbox.Id)).IsEnabled);
    }

    [Fact]
    public async Task Delete_TheRule_RemovesIt()
    {
        OpenRules(SandboxSeed.ApprovalsMailbox.Mail!);

        await Button(_dialogs, "Delete").ClickAsync(new());

        _dialogs.WaitForAssertion(() => Assert.NotNull(_dialogs.Find("[data-testid=no-rules]")));
        await using var db = await SandboxContexts.CreateDbContextAsync();
        Assert.False(await db.InboxRules.AnyAsync(r => r.MailboxUserId == SandboxSeed.ApprovalsMailbox.Id));
    }
}
