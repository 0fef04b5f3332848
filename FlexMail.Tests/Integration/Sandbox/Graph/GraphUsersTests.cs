using System.Net;
using System.Text.Json;
using FlexMail.Portal.Sandbox;
using FlexMail.Tests.Support;
using Microsoft.Graph.Models.ODataErrors;

namespace FlexMail.Tests.Integration.Sandbox.Graph;

public sealed class GraphUsersTests(KestrelPortal portal) : IClassFixture<KestrelPortal>
{
    private readonly SandboxGraph _graph = new(portal);

    [Fact]
    public async Task Me_DelegatedToken_ReturnsTheSignedInUser()
    {
        var client = await _graph.DelegatedAsync(SandboxSeed.ServiceUser, "User.Read");

        var me = await client.Me.GetAsync();

        Assert.NotNull(me);
        Assert.Equal(SandboxSeed.ServiceUser.Id.ToString(), me.Id);
        Assert.Equal("svc-flexmail@contoso.test", me.UserPrincipalName);
        Assert.Equal("svc-flexmail@contoso.test", me.Mail);
        Assert.Equal("FlexMail Service", me.DisplayName);
        Assert.NotNull(me.BusinessPhones);
    }

    [Fact]
    public async Task Me_WithSelect_ReturnsOnlyTheSelectedProperties()
    {
        var token = await _graph.DelegatedTokenAsync(SandboxSeed.ServiceUser, "User.Read");

        var json = await _graph.Http(token).GetStringAsync(_graph.Url("me?$select=displayName,mail"));

        using var document = JsonDocument.Parse(json);
        var names = document.RootElement.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(["@odata.context", "displayName", "mail"], names);
        Assert.EndsWith("$metadata#users(displayName,mail)/$entity", document.RootElement.GetProperty("@odata.context").GetString());
    }

    [Fact]
    public async Task Users_ByUserPrincipalNameAndById_ReturnTheSameUser()
    {
        var client = await _graph.ApplicationAsync("User.Read.All");

        var byUpn = await client.Users["adele.vance@contoso.test"].GetAsync();
        var byId = await client.Users[SandboxSeed.AdeleVance.Id.ToString()].GetAsync();

        Assert.Equal("Adele Vance", byUpn!.DisplayName);
        Assert.Equal("Release Manager", byUpn.JobTitle);
        Assert.Equal(byUpn.Id, byId!.Id);
        Assert.Equal(byUpn.UserPrincipalName, byId.UserPrincipalName);
    }

    [Fact]
    public async Task Me_ApplicationToken_IsBadRequest()
    {
        var client = await _graph.ApplicationAsync("User.Read.All", "Mail.Read");

        var error = await Assert.ThrowsAsync<ODataError>(() => client.Me.GetAsync());

        Assert.Equal(400, error.ResponseStatusCode);
        Assert.Equal("BadRequest", error.Error!.Code);
        Assert.Equal("/me request is only valid with delegated authentication flow.", error.Error.Message);
    }

    [Fact]
    public async Task Users_ApplicationTokenWithoutUserReadAll_IsAuthorizationRequestDenied()
    {
        var client = await _graph.ApplicationAsync("Mail.Read");

        var error = await Assert.ThrowsAsync<ODataError>(() => client.Users["adele.vance@contoso.test"].GetAsync());

        Assert.Equal(403, error.ResponseStatusCode);
        Assert.Equal("Authorization_RequestDenied", error.Error!.Code);
        Assert.Equal("Insufficient privileges to complete the operation.", error.Error.Message);
    }

    [Fact]
    public async Task Users_DelegatedUserReadOnly_MayReadSelfButNotOthers()
    {
        var client = await _graph.DelegatedAsync(SandboxSeed.ServiceUser, "User.Read");

        var self = await client.Users["svc-flexmail@contoso.test"].GetAsync();
        var error = await Assert.ThrowsAsync<ODataError>(() => client.Users["adele.vance@contoso.test"].GetAsync());

        Assert.Equal(SandboxSeed.ServiceUser.Id.ToString(), self!.Id);
        Assert.Equal("Authorization_RequestDenied", error.Error!.Code);
    }

    [Fact]
    public async Task Users_Unknown_IsResourceNotFound()
    {
        var client = await _graph.ApplicationAsync("User.Read.All");

        var error = await Assert.ThrowsAsync<ODataError>(() => client.Users["nobody@contoso.test"].GetAsync());

        Assert.Equal(404, error.ResponseStatusCode);
        Assert.Equal("Request_ResourceNotFound", error.Error!.Code);
    }

    [Fact]
    public async Task AnyRequest_WithAnInvalidToken_IsUnauthorizedWithGraphsErrorBody()
    {
        var token = await _graph.DelegatedTokenAsync(SandboxSeed.ServiceUser, "User.Read");
        var client = _graph.Client(token[..^4] + "AAAA");

        var error = await Assert.ThrowsAsync<ODataError>(() => client.Me.GetAsync());

        Assert.Equal(401, error.ResponseStatusCode);
        Assert.Equal("InvalidAuthenticationToken", error.Error!.Code);
        Assert.False(string.IsNullOrEmpty(error.Error.InnerError?.RequestId));
    }

    [Fact]
    public async Task AnyRequest_WithoutToken_IsUnauthorizedWithRequestIdHeaders()
    {
        using var http = portal.Cloud.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, _graph.Url("me/messages"));
        request.Headers.Add("client-request-id", "5b7a3c1e-0000-4000-8000-000000000042");

        using var response = await http.SendAsync(request);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var error = document.RootElement.GetProperty("error");
        Assert.Equal("InvalidAuthenticationToken", error.GetProperty("code").GetString());
        var inner = error.GetProperty("innerError");
        Assert.Equal("5b7a3c1e-0000-4000-8000-000000000042", inner.GetProperty("client-request-id").GetString());
        Assert.Equal(inner.GetProperty("request-id").GetString(), response.Headers.GetValues("request-id").Single());
        Assert.Equal("5b7a3c1e-0000-4000-8000-000000000042", response.Headers.GetValues("client-request-id").Single());
    }
}
