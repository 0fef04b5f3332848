using Bunit;
using FlexMail.Portal.Features.Sandbox;
using FlexMail.Portal.Sandbox;
using FlexMail.Portal.Sandbox.Mail;
using FlexMail.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;

namespace FlexMail.Tests.Components.Sandbox;

public sealed class MailClientTests : SandboxComponentTest
{
    private const string ApprovalSubject = "Approval needed: deploy release 42 [FM-7Q2X]";

    private IRenderedComponent<MudDialogProvider> _dialogs = null!;

    private IRenderedComponent<MailClient> RenderClient(string mailbox)
    {
        _dialogs ??= Context.Render<MudDialogProvider>();
        var client = Render<MailClient>(parameters => parameters.Add(c => c.Mailbox, mailbox));
        client.WaitForAssertion(() => Assert.NotNull(client.Find("[data-testid=mail-folders] [aria-pressed=true]")));
        return client;
    }

    [Fact]
    public void Open_FirstMailbox_ListsTheWelcomeMailUnreadInTheInbox()
    {
        var client = RenderClient(SandboxSeed.AdeleVance.Mail!);

        var row = client.Find("tr[data-row='Welcome to the Contoso sandbox tenant']");
        Assert.Equal("true", row.GetAttribute("data-unread"));
        Assert.Contains("Contoso IT", row.TextContent);
        Assert.Contains("Inbox (1)", client.Find("[data-testid=mail-folders] [aria-pressed=true]").TextContent);
    }

    [Fact]
    public async Task OpenMessage_ShowsItsTextBodyAndMarksItRead()
    {
        var client = RenderClient(SandboxSeed.AdeleVance.Mail!);

        await Button(client, "Welcome to the Contoso sandbox tenant").ClickAsync(new());

        client.WaitForAssertion(() => Assert.Contains("This mailbox belongs to the FlexMail sandbox tenant", client.Find("[data-testid=message-body-text]").TextContent));
        Assert.Contains("it@contoso.test", client.Find("[data-testid=message-from]").TextContent);
        Assert.Equal("false", client.Find("tr[data-row='Welcome to the Contoso sandbox tenant']").GetAttribute("data-unread"));
        Assert.DoesNotContain("Inbox (1)", client.Find("[data-testid=mail-folders]").TextContent);
    }

    [Fact]
    public async Task Reply_ToAnApprovalMail_ArrivesInFlexMailRepliesOfTheApprovalsMailboxAsAReply()
    {
        await DeliverApprovalMailAsync();
        var adele = RenderClient(SandboxSeed.AdeleVance.Mail!);
        await Button(adele, ApprovalSubject).ClickAsync(new());
        adele.WaitForAssertion(() => Assert.Equal("false", adele.Find($"tr[data-row='{ApprovalSubject}']").GetAttribute("data-unread")));
        Assert.NotNull(adele.Find("[data-testid=message-body-html]"));

        Button(adele, "Reply").Click();
        _dialogs.WaitForAssertion(() => Assert.Contains("approvals@contoso.test", InputLabelled(_dialogs, "To").GetAttribute("value")));
        InputLabelled(_dialogs, "Message").Input("Approve");
        await Button(_dialogs, "Send").ClickAsync(new());

        var approvals = RenderClient(SandboxSeed.ApprovalsMailbox.Mail!);
        await approvals.Find("[data-testid=mail-folders] [data-folder='FlexMail Replies']").ClickAsync(new());
        var reply = approvals.WaitForElement($"tr[data-row='RE: {ApprovalSubject}']");
        Assert.Contains("Adele Vance", reply.TextContent);
        await using var db = await SandboxContexts.CreateDbContextAsync();
        var stored = await db.Messages.SingleAsync(m => m.MailboxUserId == SandboxSeed.ApprovalsMailbox.Id && m.Subject == $"RE: {ApprovalSubject}");
        Assert.Contains("Approve", stored.Body);
        Assert.NotNull(stored.HeaderValue("In-Reply-To"));
    }

    [Fact]
    public void HtmlBody_IsShownInASandboxedFrame_NeverAsPageMarkup()
    {
        var client = RenderClient(SandboxSeed.AdeleVance.Mail!);
        var message = new SandboxMessage
        {
            Id = "x", ImmutableId = "x", FolderId = "f", InternetMessageId = "<x@contoso.test>", ConversationId = "c",
            From = new SandboxAddress(null, "it@contoso.test"), Sender = new SandboxAddress(null, "it@contoso.test"),
            BodyContentType = "html", Body = "<p>Hello</p><script>alert(1)</script>",
        };

        var pane = Context.Render<ReadingPane>(parameters => parameters.Add(p => p.Message, message));

        var frame = pane.Find("iframe");
        Assert.Equal("", frame.GetAttribute("sandbox"));
        Assert.Equal(SandboxMailBodyEndpoint.Url(message.Id, remoteImages: false), frame.GetAttribute("src")); // its own document
        Assert.DoesNotContain("alert(1)", pane.Markup);
        Assert.Empty(pane.FindAll("script"));
        Assert.NotNull(client);
    }

    [Fact]
    public async Task SentItems_ListsWhoTheMailWentTo_NotWhoSentIt()
    {
        await DeliverApprovalMailAsync();
        var approvals = RenderClient(SandboxSeed.ApprovalsMailbox.Mail!);

        await approvals.Find("[data-testid=mail-folders] [data-folder='Sent Items']").ClickAsync(new());

        approvals.WaitForAssertion(() => Assert.Contains("Adele Vance", approvals.Find($"tr[data-row='{ApprovalSubject}']").TextContent));
        Assert.Equal(["To", "Subject", "Sent"], approvals.FindAll("[data-testid=messages] th").Select(th => th.TextContent.Trim()));
    }

    [Fact]
    public async Task Delete_OpenMessage_MovesItToDeletedItems()
    {
        var client = RenderClient(SandboxSeed.AdeleVance.Mail!);
        await Button(client, "Welcome to the Contoso sandbox tenant").ClickAsync(new());

        await Button(client, "Delete").ClickAsync(new());

        client.WaitForAssertion(() => Assert.NotNull(client.Find("[data-testid=no-messages]")));
        await using var db = await SandboxContexts.CreateDbContextAsync();
        var message = await db.Messages.SingleAsync(m => m.MailboxUserId == SandboxSeed.AdeleVance.Id);
        var folder = await db.MailFolders.SingleAsync(f => f.Id == message.FolderId);
        Assert.Equal(WellKnownFolders.DeletedItems, folder.WellKnownName);
    }

    [Fact]
    public async Task Delete_InDeletedItems_AsksFirst_AndCancelKeepsTheMessage()
    {
        var client = RenderClient(SandboxSeed.AdeleVance.Mail!);
        await Button(client, "Welcome to the Contoso sandbox tenant").ClickAsync(new());
        await Button(client, "Delete").ClickAsync(new());
        await client.Find("[data-testid=mail-folders] [data-folder='Deleted Items']").ClickAsync(new());
        client.WaitForAssertion(() => Assert.NotNull(client.Find("tr[data-row='Welcome to the Contoso sandbox tenant']")));
        await Button(client, "Welcome to the Contoso sandbox tenant").ClickAsync(new());

        Button(client, "Delete").Click();

        _dialogs.WaitForAssertion(() => Assert.Contains("for good", _dialogs.Markup));
        _dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Cancel").Click();

        _dialogs.WaitForAssertion(() => Assert.DoesNotContain("for good", _dialogs.Markup));
        client.WaitForAssertion(() => Assert.NotNull(client.Find("tr[data-row='Welcome to the Contoso sandbox tenant']")));
        await using var db = await SandboxContexts.CreateDbContextAsync();
        Assert.True(await db.Messages.AnyAsync(m => m.MailboxUserId == SandboxSeed.AdeleVance.Id));
    }

    [Fact]
    public async Task Refresh_AfterNewMailArrives_ListsIt()
    {
        var client = RenderClient(SandboxSeed.AdeleVance.Mail!);
        await DeliverApprovalMailAsync();

        await Button(client, "Refresh").ClickAsync(new());

        client.WaitForAssertion(() => Assert.NotNull(client.Find($"tr[data-row='{ApprovalSubject}']")));
    }

    [Fact]
    public async Task MarkAsUnread_OpenMessage_ShowsItUnreadAgain()
    {
        var client = RenderClient(SandboxSeed.AdeleVance.Mail!);
        await Button(client, "Welcome to the Contoso sandbox tenant").ClickAsync(new());
        client.WaitForAssertion(() => Assert.Equal("false", client.Find("tr[data-row='Welcome to the Contoso sandbox tenant']").GetAttribute("data-unread")));

        await Button(client, "Mark as unread").ClickAsync(new());

        client.WaitForAssertion(() => Assert.Equal("true", client.Find("tr[data-row='Welcome to the Contoso sandbox tenant']").GetAttribute("data-unread")));
        Assert.NotNull(client.Find("[data-testid=reading-pane-empty]"));
    }

    [Fact]
    public async Task NewMailArriving_IsListedAtTheNextPoll_WithoutAClick()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        Context.Services.AddSingleton<TimeProvider>(clock);
        var client = RenderClient(SandboxSeed.AdeleVance.Mail!);
        await DeliverApprovalMailAsync();

        clock.Advance(MailClient.PollInterval);

        client.WaitForAssertion(() => Assert.NotNull(client.Find($"tr[data-row='{ApprovalSubject}']")));
    }

    [Fact]
    public async Task PollFailing_SaysSoOnceAndKeepsPolling_NewMailShowsOnceItWorksAgain()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        Context.Services.AddSingleton<TimeProvider>(clock);
        var snackbars = Context.Render<MudSnackbarProvider>();
        var client = RenderClient(SandboxSeed.AdeleVance.Mail!);
        await RenameMessagesTableAsync("Messages", "MessagesAway"); // every poll now fails

        clock.Advance(MailClient.PollInterval);
        snackbars.WaitForAssertion(() => Assert.Contains("Checking for new mail failed", snackbars.Markup));
        clock.Advance(MailClient.PollInterval);
        await RenameMessagesTableAsync("MessagesAway", "Messages");
        await DeliverApprovalMailAsync();
        clock.Advance(MailClient.PollInterval);

        client.WaitForAssertion(() => Assert.NotNull(client.Find($"tr[data-row='{ApprovalSubject}']")));
        Assert.Single(snackbars.FindAll(".mud-snackbar"), snackbar => snackbar.TextContent.Contains("Checking for new mail failed", StringComparison.Ordinal));
    }

    private async Task RenameMessagesTableAsync(string from, string to)
    {
        await using var db = await SandboxContexts.CreateDbContextAsync();
        var rename = "ALTER TABLE \"" + from + "\" RENAME TO \"" + to + "\""; // test-owned names, no input
        await db.Database.ExecuteSqlRawAsync(rename);
    }

    [Fact]
    public async Task NewMessage_ToAnotherMailbox_IsDeliveredToItsInbox()
    {
        var client = RenderClient(SandboxSeed.AdeleVance.Mail!);

        Button(client, "New message").Click();
        _dialogs.WaitForAssertion(() => InputLabelled(_dialogs, "To").Input("alex.wilber@contoso.test"));
        InputLabelled(_dialogs, "Subject").Input("Lunch?");
        InputLabelled(_dialogs, "Message").Input("At noon.");
        await Button(_dialogs, "Send").ClickAsync(new());

        await using var db = await SandboxContexts.CreateDbContextAsync();
        var received = await db.Messages.SingleAsync(m => m.MailboxUserId == SandboxSeed.AlexWilber.Id && m.Subject == "Lunch?");
        Assert.Equal("At noon.", received.Body);
        Assert.Equal(SandboxSeed.AdeleVance.Mail, received.From.Address);
    }

    private Task DeliverApprovalMailAsync() => Sandbox<SandboxMailDelivery>().DeliverAsync(new SandboxOutgoingMail(
        SandboxSeed.ApprovalsMailbox.Id,
        new SandboxAddress("Approvals", SandboxSeed.ApprovalsMailbox.Mail!),
        [new SandboxAddress("Adele Vance", SandboxSeed.AdeleVance.Mail!)],
        ApprovalSubject,
        "html",
        "<html><body><p>Reply Approve or Reject.</p></body></html>"), CancellationToken.None);
}
