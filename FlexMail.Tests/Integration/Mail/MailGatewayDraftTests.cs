using FlexMail.Domain.Mail;
using FlexMail.Portal.Sandbox;
using FlexMail.Tests.Support;

namespace FlexMail.Tests.Integration.Mail;

/// <summary>Drafts through the gateway (MIME create, send, find by internetMessageId), against the sandbox's Graph over HTTPS.</summary>
public sealed class MailGatewayDraftTests(KestrelPortal portal) : IClassFixture<KestrelPortal>
{
    private readonly MailGatewayKit _kit = new(portal);

    [Fact]
    public async Task CreateDraft_TextAndHtml_IsFoundInDraftsAsADraftWithTheHtmlBody()
    {
        using var gateway = _kit.ServiceUserGateway();
        var mail = Approval($"Draft {Guid.NewGuid():N}", SandboxSeed.AdeleVance.Mail!);

        var draft = await gateway.CreateDraftAsync(MailGatewayKit.Approvals, mail, CancellationToken.None);

        Assert.True(draft.Succeeded, draft.Problem?.ToString());
        var found = await gateway.FindByInternetMessageIdAsync(MailGatewayKit.Approvals, "drafts", draft.Value.InternetMessageId, CancellationToken.None);
        Assert.True(found.Succeeded, found.Problem?.ToString());
        var listed = Assert.Single(found.Value);
        Assert.Equal(draft.Value.Id, listed.Id);
        Assert.True(listed.IsDraft);
        var read = await gateway.GetMessageAsync(MailGatewayKit.Approvals, draft.Value.Id, includeHeaders: false, CancellationToken.None);
        Assert.True(read.Succeeded, read.Problem?.ToString());
        Assert.Equal("html", read.Value.BodyContentType);
        Assert.Contains("<b>Approve</b>", read.Value.Body);
    }

    [Fact]
    public async Task SendDraft_Created_ArrivesWithTheSameInternetMessageIdAndIsInSentItems()
    {
        using var gateway = _kit.ServiceUserGateway();
        var subject = $"Approval required {Guid.NewGuid():N}";
        var draft = await gateway.CreateDraftAsync(MailGatewayKit.Approvals, Approval(subject, SandboxSeed.AdeleVance.Mail!), CancellationToken.None);
        Assert.True(draft.Succeeded, draft.Problem?.ToString());

        var sent = await gateway.SendDraftAsync(MailGatewayKit.Approvals, draft.Value.Id, CancellationToken.None);

        Assert.True(sent.Succeeded, sent.Problem?.ToString());
        var inSent = await gateway.FindByInternetMessageIdAsync(MailGatewayKit.Approvals, "sentitems", draft.Value.InternetMessageId, CancellationToken.None);
        Assert.True(inSent.Succeeded, inSent.Problem?.ToString());
        Assert.False(Assert.Single(inSent.Value).IsDraft);
        var inDrafts = await gateway.FindByInternetMessageIdAsync(MailGatewayKit.Approvals, "drafts", draft.Value.InternetMessageId, CancellationToken.None);
        Assert.Empty(inDrafts.Value!);
        using var adele = _kit.Delegated(SandboxSeed.AdeleVance, "Mail.Read");
        var received = await adele.FindByInternetMessageIdAsync(SandboxSeed.AdeleVance.Mail!, "inbox", draft.Value.InternetMessageId, CancellationToken.None);
        var message = await adele.GetMessageAsync(SandboxSeed.AdeleVance.Mail!, Assert.Single(received.Value!).Id, includeHeaders: true, CancellationToken.None);
        Assert.Equal(subject, message.Value!.Subject);
        Assert.Equal("FM-7KQ2", message.Value.Header("X-FlexMail-Approval"));
        Assert.Equal(MailGatewayKit.Approvals, message.Value.From?.Address);
    }

    [Fact]
    public async Task SendDraft_AlreadySent_IsItemNotFound()
    {
        using var gateway = _kit.ServiceUserGateway();
        var draft = await gateway.CreateDraftAsync(MailGatewayKit.Approvals, Approval($"Twice {Guid.NewGuid():N}", SandboxSeed.MeganBowen.Mail!),
            CancellationToken.None);
        Assert.True((await gateway.SendDraftAsync(MailGatewayKit.Approvals, draft.Value!.Id, CancellationToken.None)).Succeeded);

        var again = await gateway.SendDraftAsync(MailGatewayKit.Approvals, draft.Value.Id, CancellationToken.None);

        var failure = Assert.IsType<MailFailure>(again.Problem);
        Assert.Equal(MailFailureKind.ItemNotFound, failure.Kind);
        Assert.Equal("ErrorItemNotFound", failure.GraphCode);
        Assert.Contains("sent already", failure.Cause);
        Assert.Contains("Sent Items", failure.Fix);
    }

    [Fact]
    public async Task SendDraft_FromAMailboxWithoutSendAs_IsSendAsDeniedNamingThatMailbox()
    {
        using var gateway = _kit.ServiceUserGateway();
        var mail = Approval($"Pretending {Guid.NewGuid():N}", SandboxSeed.AlexWilber.Mail!) with { From = new MailAddress(SandboxSeed.AdeleVance.Mail!) };
        var draft = await gateway.CreateDraftAsync(MailGatewayKit.ServiceUser, mail, CancellationToken.None);
        Assert.True(draft.Succeeded, draft.Problem?.ToString());

        var sent = await gateway.SendDraftAsync(MailGatewayKit.ServiceUser, draft.Value.Id, CancellationToken.None);

        var failure = Assert.IsType<MailFailure>(sent.Problem);
        Assert.Equal(MailFailureKind.SendAsDenied, failure.Kind);
        Assert.Contains($"send as {SandboxSeed.AdeleVance.Mail}", failure.Cause);
        Assert.Contains("Add-RecipientPermission", failure.Fix);
    }

    [Fact]
    public async Task CreateDraft_WithANonXHeader_IsRefusedBeforeCallingGraph()
    {
        using var gateway = _kit.ServiceUserGateway();
        var mail = Approval("Bad header", SandboxSeed.AdeleVance.Mail!) with { Headers = [new MailHeader("Priority", "urgent")] };

        var draft = await gateway.CreateDraftAsync(MailGatewayKit.Approvals, mail, CancellationToken.None);

        var failure = Assert.IsType<MailFailure>(draft.Problem);
        Assert.Equal(MailFailureKind.InvalidRequest, failure.Kind);
        Assert.Contains("'Priority'", failure.Cause);
        Assert.Contains("X-Priority", failure.Fix);
    }

    [Fact]
    public async Task FindByInternetMessageId_Unknown_IsEmpty()
    {
        using var gateway = _kit.ServiceUserGateway();

        var found = await gateway.FindByInternetMessageIdAsync(MailGatewayKit.Approvals, "sentitems", "<nobody's@contoso.test>", CancellationToken.None);

        Assert.True(found.Succeeded, found.Problem?.ToString());
        Assert.Empty(found.Value);
    }

    private static OutgoingMail Approval(string subject, string to) => new()
    {
        From = new MailAddress(MailGatewayKit.Approvals, "Approvals"),
        To = [new MailAddress(to)],
        ReplyTo = [new MailAddress(MailGatewayKit.Approvals)],
        Subject = subject,
        TextBody = "Approve or reject.",
        HtmlBody = "<p><b>Approve</b> or reject.</p>",
        Headers = [new MailHeader("X-FlexMail-Approval", "FM-7KQ2")],
    };
}
