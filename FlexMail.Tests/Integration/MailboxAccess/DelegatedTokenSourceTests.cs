using FlexMail.Domain.MailboxAccess;
using FlexMail.Domain.MailboxAccess.Tokens;
using FlexMail.Portal.Sandbox;
using FlexMail.Portal.Sandbox.Apps;
using FlexMail.Portal.Sandbox.Directory;
using FlexMail.Tests.Support;
using Microsoft.IdentityModel.JsonWebTokens;

namespace FlexMail.Tests.Integration.MailboxAccess;

public sealed class DelegatedTokenSourceTests(KestrelPortal portal) : IClassFixture<KestrelPortal>
{
    private readonly AuthorizeScenario _scenario = new(portal);

    private DelegatedTokenSource Source => portal.Get<DelegatedTokenSources>().For(MailboxRole.Outgoing);

    [Fact]
    public async Task GetAccessToken_AfterAuthorize_ReturnsADelegatedGraphTokenForTheServiceUser()
    {
        await _scenario.SetUpAuthorizedAsync();

        var token = new JsonWebToken(await Source.GetAccessTokenAsync(CancellationToken.None));

        Assert.Equal("svc-flexmail@contoso.test", token.GetClaim("upn").Value);
        Assert.Contains("Mail.Send", token.GetClaim("scp").Value.Split(' '));
    }

    [Fact]
    public async Task GetAccessToken_ForcedRefresh_SavesTheNewCacheAndLastRefreshedAt()
    {
        var application = await _scenario.SetUpAuthorizedAsync();
        var before = await _scenario.FindAsync(application);

        await Source.GetAccessTokenAsync(forceRefresh: true, CancellationToken.None);

        var after = await _scenario.FindAsync(application);
        Assert.NotEqual(before!.ConcurrencyStamp, after!.ConcurrencyStamp);
        Assert.NotEqual(before.ProtectedTokenCache, after.ProtectedTokenCache);
        Assert.True(after.LastRefreshedAt >= before.LastRefreshedAt);
    }

    [Fact]
    public async Task GetAccessToken_AfterSessionsRevoked_MarksNeedsReauthorizationWith50173()
    {
        var application = await _scenario.SetUpAuthorizedAsync();
        await portal.Get<SandboxDirectory>().RevokeSessionsAsync(SandboxSeed.ServiceUser.Id, CancellationToken.None);

        var error = await Assert.ThrowsAsync<TokenAcquisitionException>(() => Source.GetAccessTokenAsync(forceRefresh: true, CancellationToken.None));

        Assert.Equal(50173, error.Failure.Code);
        var saved = await _scenario.FindAsync(application);
        Assert.Equal(AuthorizationStatus.NeedsReauthorization, saved!.Status);
        Assert.Contains("50173", saved.StatusReason);
        Assert.Contains("revoked", saved.StatusReason);
        var next = await Assert.ThrowsAsync<TokenAcquisitionException>(() => Source.GetAccessTokenAsync(CancellationToken.None));
        Assert.True(next.Failure.NeedsReauthorization);
    }

    [Fact]
    public async Task GetAccessToken_ClientSecretExpired_MarksNeedsReauthorizationWith7000222()
    {
        var application = await _scenario.SetUpAuthorizedAsync();
        var registrations = portal.Get<SandboxAppRegistrations>();
        var app = await registrations.FindByClientIdAsync(Guid.Parse(application.ClientId), CancellationToken.None);
        await registrations.ExpireSecretAsync(Assert.Single(app!.Secrets).Id, CancellationToken.None);

        var error = await Assert.ThrowsAsync<TokenAcquisitionException>(() => Source.GetAccessTokenAsync(forceRefresh: true, CancellationToken.None));

        Assert.Equal(7000222, error.Failure.Code);
        var saved = await _scenario.FindAsync(application);
        Assert.Equal(AuthorizationStatus.NeedsReauthorization, saved!.Status);
        Assert.Contains("AADSTS7000222", saved.StatusReason);
    }

    [Fact]
    public async Task GetAccessToken_RefreshTokenExpired_MarksNeedsReauthorizationWith700082()
    {
        var application = await _scenario.SetUpAuthorizedAsync();
        await portal.Get<SandboxDirectory>().ExpireRefreshTokensAsync(SandboxSeed.ServiceUser.Id, CancellationToken.None);

        var error = await Assert.ThrowsAsync<TokenAcquisitionException>(() => Source.GetAccessTokenAsync(forceRefresh: true, CancellationToken.None));

        Assert.Equal(700082, error.Failure.Code);
        var saved = await _scenario.FindAsync(application);
        Assert.Equal(AuthorizationStatus.NeedsReauthorization, saved!.Status);
        Assert.Contains("AADSTS700082", saved.StatusReason);
    }

    [Fact]
    public async Task GetAccessToken_TwoConcurrentForcedRefreshes_BothSucceedAndTheSavedCacheStillWorks()
    {
        var application = await _scenario.SetUpAuthorizedAsync();

        var tokens = await Task.WhenAll(
            Source.GetAccessTokenAsync(forceRefresh: true, CancellationToken.None),
            Source.GetAccessTokenAsync(forceRefresh: true, CancellationToken.None));

        Assert.All(tokens, token => Assert.Equal("svc-flexmail@contoso.test", new JsonWebToken(token).GetClaim("upn").Value));
        var afterwards = await Source.GetAccessTokenAsync(forceRefresh: true, CancellationToken.None);
        Assert.False(string.IsNullOrEmpty(afterwards));
        Assert.Equal(AuthorizationStatus.Authorized, (await _scenario.FindAsync(application))!.Status);
    }
}
