using FlexMail.Domain.Mail;
using FlexMail.Domain.MailboxAccess.Tokens;
using FlexMail.Portal.Sandbox;
using FlexMail.Tests.Support;

namespace FlexMail.Tests.Integration.Mail;

/// <summary>Who am I and sending through the gateway, against the sandbox's Graph over HTTPS.</summary>
public sealed class MailGatewaySendTests(KestrelPortal portal) : IClassFixture<KestrelPortal>
{
    private readonly MailGatewayKit _kit = new(portal);

    [Fact]
    public async Task WhoAmI_DelegatedToken_AnswersSignedInUser()
    {
        using var gateway = _kit.ServiceUserGateway();

        var me = await gateway.WhoAmIAsync(CancellationToken.None);

        Assert.True(me.Succeeded, me.Problem?.ToString());
        Assert.Equal(SandboxSeed.ServiceUser.DisplayName, me.Value.DisplayName);
        Assert.Equal(SandboxSeed.ServiceUser.UserPrincipalName, me.Value.UserPrincipalName);
        Assert.Equal(SandboxSeed.ServiceUser.Mail, me.Value.Mail);
    }

    [Fact]
    public async Task Send_FromServiceUser_ArrivesInRecipientInboxAndSentItems()
    {
        using var gateway = _kit.ServiceUserGateway();
        var subject = $"Deployment 42 needs approval {Guid.NewGuid():N}";

        var sent = await gateway.SendAsync(MailGatewayKit.ServiceUser, new OutgoingMail
        {
            To = [new MailAddress(SandboxSeed.AdeleVance.Mail!, "Adele Vance")],
            Subject = subject,
            HtmlBody = "<p>Approve deployment 42?</p>",
        }, CancellationToken.None);

        Assert.True(sent.Succeeded, sent.Problem?.ToString());
        using var adele = _kit.Delegated(SandboxSeed.AdeleVance, "Mail.Read");
        var inbox = await MailGatewayKit.FolderAsync(adele, SandboxSeed.AdeleVance.Mail!, "Inbox");
        var received = Assert.Single(await MailGatewayKit.AllMessagesAsync(adele, SandboxSeed.AdeleVance.Mail!, inbox.Id), m => m.Subject == subject);
        Assert.Equal(SandboxSeed.ServiceUser.Mail, received.From?.Address);
        var sentItems = await MailGatewayKit.FolderAsync(gateway, MailGatewayKit.ServiceUser, "sentitems");
        Assert.Contains(await MailGatewayKit.AllMessagesAsync(gateway, MailGatewayKit.ServiceUser, sentItems.Id), m => m.Subject == subject);
    }

    [Fact]
    public async Task Send_AsSharedMailboxWithSendAs_ArrivesFromSharedMailbox()
    {
        using var gateway = _kit.ServiceUserGateway();
        var subject = $"Approval request {Guid.NewGuid():N}";

        var sent = await gateway.SendAsync(MailGatewayKit.ServiceUser, new OutgoingMail
        {
            From = new MailAddress(MailGatewayKit.Approvals, "Approvals"),
            To = [new MailAddress(SandboxSeed.AlexWilber.Mail!)],
            ReplyTo = [new MailAddress(MailGatewayKit.Approvals)],
            Subject = subject,
            TextBody = "Reply Approve or Reject.",
            SaveToSentItems = false,
        }, CancellationToken.None);

        Assert.True(sent.Succeeded, sent.Problem?.ToString());
        using var alex = _kit.Delegated(SandboxSeed.AlexWilber, "Mail.Read");
        var inbox = await MailGatewayKit.FolderAsync(alex, SandboxSeed.AlexWilber.Mail!, "Inbox");
        var received = Assert.Single(await MailGatewayKit.AllMessagesAsync(alex, SandboxSeed.AlexWilber.Mail!, inbox.Id), m => m.Subject == subject);
        Assert.Equal(MailGatewayKit.Approvals, received.From?.Address);
        var opened = await alex.GetMessageAsync(SandboxSeed.AlexWilber.Mail!, received.Id, includeHeaders: false, CancellationToken.None);
        Assert.True(opened.Succeeded, opened.Problem?.ToString());
        Assert.Equal("text", opened.Value.BodyContentType);
        Assert.Contains("Reply Approve or Reject.", opened.Value.Body);
    }

    [Fact]
    public async Task Send_AsSharedMailboxWithoutSendAs_FailsSendAsDeniedNamingTheRight()
    {
        using var gateway = _kit.Delegated(SandboxSeed.AdeleVance, "Mail.Send", "Mail.Send.Shared");

        var sent = await gateway.SendAsync(SandboxSeed.AdeleVance.Mail!, new OutgoingMail
        {
            From = new MailAddress(MailGatewayKit.Approvals),
            To = [new MailAddress(SandboxSeed.MeganBowen.Mail!)],
            Subject = "Not allowed",
            TextBody = "Should not arrive.",
        }, CancellationToken.None);

        Assert.False(sent.Succeeded);
        Assert.Equal(MailFailureKind.SendAsDenied, sent.MailFailure().Kind);
        Assert.Equal("ErrorSendAsDenied", sent.MailFailure().GraphCode);
        Assert.Equal(403, sent.MailFailure().Status);
        Assert.Contains($"Give {SandboxSeed.AdeleVance.UserPrincipalName} Send As on {MailGatewayKit.Approvals}", sent.MailFailure().Fix);
    }

    [Fact]
    public async Task Send_TokenSourceRefuses_FailureCarriesEntraFailure()
    {
        var entra = new EntraFailure(700082, "The refresh token has expired due to inactivity (AADSTS700082).",
            "Re-Authorize the mailbox connection.", NeedsReauthorization: true);
        var tokens = new RefusingTokenSource(entra);
        using var gateway = _kit.Create(tokens);

        var sent = await gateway.SendAsync(MailGatewayKit.ServiceUser, new OutgoingMail
        {
            To = [new MailAddress(SandboxSeed.AdeleVance.Mail!)],
            Subject = "Never sent",
            TextBody = "No token.",
        }, CancellationToken.None);

        Assert.False(sent.Succeeded);
        Assert.Equal(MailFailureKind.TokenUnavailable, sent.MailFailure().Kind);
        Assert.Same(entra, sent.MailFailure().Entra);
        Assert.Equal(entra.Fix, sent.MailFailure().Fix);
        Assert.Contains(entra.Cause, sent.MailFailure().Cause);
        Assert.Null(sent.MailFailure().Status);
        Assert.True(tokens.Calls >= 1);
    }

    [Fact]
    public async Task Send_WithACustomHeader_ArrivesWithIt()
    {
        using var gateway = _kit.ServiceUserGateway();
        var subject = $"Tagged {Guid.NewGuid():N}";

        var sent = await gateway.SendAsync(MailGatewayKit.ServiceUser, new OutgoingMail
        {
            To = [new MailAddress(SandboxSeed.MeganBowen.Mail!)],
            Subject = subject,
            TextBody = "Tagged mail.",
            Headers = [new MailHeader("X-FlexMail-Approval", "FM-7KQ2")],
        }, CancellationToken.None);

        Assert.True(sent.Succeeded, sent.Problem?.ToString());
        using var megan = _kit.Delegated(SandboxSeed.MeganBowen, "Mail.Read");
        var inbox = await MailGatewayKit.FolderAsync(megan, SandboxSeed.MeganBowen.Mail!, "Inbox");
        var listed = Assert.Single(await MailGatewayKit.AllMessagesAsync(megan, SandboxSeed.MeganBowen.Mail!, inbox.Id), m => m.Subject == subject);
        var received = await megan.GetMessageAsync(SandboxSeed.MeganBowen.Mail!, listed.Id, includeHeaders: true, CancellationToken.None);
        Assert.Equal("FM-7KQ2", received.Value!.Header("X-FlexMail-Approval"));
    }
}
