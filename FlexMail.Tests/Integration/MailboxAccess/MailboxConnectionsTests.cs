using FlexMail.Domain.Audit;
using FlexMail.Domain.MailboxAccess;
using FlexMail.Domain.MailboxAccess.Connections;
using FlexMail.Domain.Settings;
using FlexMail.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.JsonWebTokens;

namespace FlexMail.Tests.Integration.MailboxAccess;

public sealed class MailboxConnectionsTests(KestrelPortal portal) : IClassFixture<KestrelPortal>
{
    private readonly AuthorizeScenario _scenario = new(portal);

    private MailboxConnections Connections => portal.Get<MailboxConnections>();

    private async Task ChangeSettingsAsync(Action<EmailSettingsDraft> change)
    {
        var settings = portal.Get<EmailSettingsService>();
        var draft = await settings.GetDraftAsync(CancellationToken.None);
        change(draft);
        Assert.True((await settings.SaveAsync(draft, AuthorizeScenario.Actor, CancellationToken.None)).Succeeded);
    }

    [Fact]
    public async Task ForRole_IncomingSameAsOutgoing_UsesTheSmtpUsersAuthorization()
    {
        await _scenario.SetUpAuthorizedAsync();

        var (connection, problem) = await Connections.ForRoleAsync(MailboxRole.Incoming, CancellationToken.None);

        Assert.Null(problem);
        using (connection)
        {
            Assert.Equal("svc-flexmail@contoso.test", connection!.User);
            var token = new JsonWebToken(await connection.Tokens.GetAccessTokenAsync(CancellationToken.None));
            Assert.Equal("svc-flexmail@contoso.test", token.GetClaim("upn").Value);
        }
    }

    [Fact]
    public async Task ForRole_NeverAuthorized_SaysToAuthorize()
    {
        await _scenario.SetUpAsync();
        await using (var db = await _scenario.Contexts.CreateDbContextAsync())
        {
            await db.MailboxAuthorizations.ExecuteDeleteAsync(); // an earlier test of this class authorized
        }

        var (connection, problem) = await Connections.ForRoleAsync(MailboxRole.Outgoing, CancellationToken.None);

        Assert.Null(connection);
        Assert.Equal("The SMTP User svc-flexmail@contoso.test is not authorized yet: FlexMail has no sign-in to use.", problem!.Cause);
        Assert.Equal("Authorize the SMTP User first: click Authorize in the Outgoing (SMTP) section and sign in as svc-flexmail@contoso.test.", problem.Fix);
    }

    [Fact]
    public async Task ForRole_SmtpUserChangedAfterAuthorize_NamesBothUsersAndAsksToReAuthorize()
    {
        await _scenario.SetUpAuthorizedAsync();
        await ChangeSettingsAsync(draft => draft.SmtpUser = "adele.vance@contoso.test");

        var (connection, problem) = await Connections.ForRoleAsync(MailboxRole.Outgoing, CancellationToken.None);

        Assert.Null(connection);
        Assert.Equal("The saved sign-in is svc-flexmail@contoso.test's, but the SMTP User is now adele.vance@contoso.test.", problem!.Cause);
        Assert.Contains("Re-Authorize", problem.Fix);
    }

    [Fact]
    public async Task ForRole_SeparateIncomingUserNotAuthorized_SaysTheImapUserNeedsAuthorize()
    {
        await _scenario.SetUpAuthorizedAsync();
        await ChangeSettingsAsync(draft =>
        {
            draft.IncomingSameAsOutgoing = false;
            draft.ImapUser = "alex.wilber@contoso.test";
            draft.ImapOAuthApplicationId = draft.SmtpOAuthApplicationId;
        });

        var (connection, problem) = await Connections.ForRoleAsync(MailboxRole.Incoming, CancellationToken.None);

        Assert.Null(connection);
        Assert.Equal("The IMAP User alex.wilber@contoso.test is not authorized yet: FlexMail has no sign-in to use.", problem!.Cause);
    }
}
