using FlexMail.Domain.MailboxAccess.Tokens;
using FlexMail.Portal.Sandbox.Apps;
using FlexMail.Tests.Support;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Identity.Client;
using Microsoft.IdentityModel.JsonWebTokens;

namespace FlexMail.Tests.Integration.MailboxAccess;

public sealed class MsalClientFactoryTests(KestrelPortal portal) : IClassFixture<KestrelPortal>
{
    private static readonly Uri RedirectUri = new("https://flexmail.contoso.test/authorization/callback");

    private readonly TokenSourceScenario _scenario = new(portal);

    private MsalClientFactory Factory => portal.Get<MsalClientFactory>();

    [Fact]
    public async Task Create_ClientSecret_AcquiresAnAppTokenFromTheSandbox()
    {
        var app = await _scenario.RegisterAppAsync();
        var secret = await _scenario.AddSecretAsync(app);
        var application = await _scenario.SaveWithSecretAsync(TokenSourceScenario.TenantId, app.AppId.ToString(), secret.Value);
        using var client = await Factory.CreateAsync(application, RedirectUri, CancellationToken.None);

        var result = await client.Application.AcquireTokenForClient([portal.Endpoints.GraphDefaultScope]).ExecuteAsync();

        var token = new JsonWebToken(result.AccessToken);
        Assert.Equal(app.AppId.ToString(), token.GetClaim("appid").Value);
        Assert.Contains(token.Claims, c => c.Type == "roles" && c.Value == "Mail.ReadWrite");
    }

    [Fact]
    public async Task Create_Certificate_AcquiresAnAppTokenFromTheSandbox()
    {
        var app = await _scenario.RegisterAppAsync();
        var (application, certificate) = await _scenario.SaveWithCertificateAsync(TokenSourceScenario.TenantId, app.AppId.ToString());
        using (certificate)
        {
            await portal.Get<SandboxAppRegistrations>().AddCertificateAsync(app.AppId, certificate, CancellationToken.None);
        }
        using var client = await Factory.CreateAsync(application, RedirectUri, CancellationToken.None);

        var result = await client.Application.AcquireTokenForClient([portal.Endpoints.GraphDefaultScope]).ExecuteAsync();

        Assert.Contains(new JsonWebToken(result.AccessToken).Claims, c => c.Type == "roles" && c.Value == "Mail.Send");
    }

    [Fact]
    public async Task Create_AuthorizationUrl_GoesToTheTenantsAuthorityWithTheCallersRedirectUri()
    {
        var app = await _scenario.RegisterAppAsync();
        var secret = await _scenario.AddSecretAsync(app);
        var application = await _scenario.SaveWithSecretAsync(TokenSourceScenario.TenantId, app.AppId.ToString(), secret.Value);
        using var client = await Factory.CreateAsync(application, RedirectUri, CancellationToken.None);

        var url = await client.Application.GetAuthorizationRequestUrl([portal.Endpoints.GraphScope("Mail.Send")]).ExecuteAsync();

        Assert.StartsWith(portal.Endpoints.Authority(TokenSourceScenario.TenantId).ToString(), url.ToString(), StringComparison.Ordinal);
        var query = QueryHelpers.ParseQuery(url.Query);
        Assert.Equal(RedirectUri.ToString(), query["redirect_uri"].ToString());
        Assert.Equal(app.AppId.ToString(), query["client_id"].ToString());
        Assert.Equal(RedirectUri.ToString(), client.ErrorContext.RedirectUri);
    }

    [Fact]
    public async Task Create_WrongSecret_FailureExplainsAs7000215()
    {
        var app = await _scenario.RegisterAppAsync();
        var application = await _scenario.SaveWithSecretAsync(TokenSourceScenario.TenantId, app.AppId.ToString(), "Xy78Q~NotTheValueOfAnySecretOfThisApp000");
        using var client = await Factory.CreateAsync(application, RedirectUri, CancellationToken.None);

        var error = await Assert.ThrowsAsync<MsalServiceException>(
            () => client.Application.AcquireTokenForClient([portal.Endpoints.GraphDefaultScope]).ExecuteAsync());

        var failure = EntraErrors.From(error, client.ErrorContext);
        Assert.Equal(7000215, failure.Code);
        Assert.Contains("you probably pasted the secret ID, not its value", failure.Cause);
    }
}
