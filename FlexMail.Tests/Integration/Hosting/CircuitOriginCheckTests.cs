using System.Net;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text.Json;
using FlexMail.Portal.Hosting;
using FlexMail.Portal.Hosting.Hardening;
using FlexMail.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FlexMail.Tests.Integration.Hosting;

/// <summary>
/// The Blazor circuit (<c>/_blazor</c>) opens only from the portal's own pages. With sign-in required, a request of
/// the portal's own origin may be asked to sign in; "not refused for its origin" is then "not 403".
/// </summary>
public sealed class CircuitOriginCheckTests
{
    private const string Negotiate = "/_blazor/negotiate?negotiateVersion=1";

    [Fact]
    public async Task Negotiate_FromAForeignOrigin_IsRefusedWith403ProblemDetailsAndLogged()
    {
        await using var portal = new HostingPortal();
        using var client = Client(portal);

        using var response = await client.SendAsync(NegotiateFrom("https://evil.example"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Connection refused", problem.RootElement.GetProperty("title").GetString());
        SecurityHeaderAssert.HasSecurityHeaders(response);
        Assert.Contains(portal.Warnings, warning => warning.Contains("Origin https://evil.example is not the portal's own (https://localhost)", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("null")]
    [InlineData("https://localhost.evil.example")]
    [InlineData("http://localhost")]
    [InlineData("https://localhost:8443")]
    public async Task Negotiate_FromAnotherSchemeHostOrPort_IsRefused(string origin)
    {
        await using var portal = new HostingPortal();
        using var client = Client(portal);

        using var response = await client.SendAsync(NegotiateFrom(origin));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Negotiate_FromThePortalsOwnOrigin_IsNotRefused()
    {
        await using var portal = new HostingPortal();
        using var client = Client(portal);

        using var response = await client.SendAsync(NegotiateFrom("https://localhost"));

        Assert.NotEqual(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain(portal.Warnings, warning => warning.Contains("is not the portal's own", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Negotiate_WithoutOrigin_IsNotRefused()
    {
        await using var portal = new HostingPortal();
        using var client = Client(portal);

        using var response = await client.PostAsync(Negotiate, null);

        Assert.NotEqual(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Negotiate_FromAConfiguredAllowedOrigin_IsNotRefused()
    {
        await using var portal = new HostingPortal(settings: ("FlexMail:Circuit:AllowedOrigins:0", "https://flexmail.example.com"));
        using var client = Client(portal);

        using var response = await client.SendAsync(NegotiateFrom("https://FlexMail.example.com"));

        Assert.NotEqual(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public void AllowedOrigin_WithAPath_StopsTheStartNamingTheSetting()
    {
        using var portal = new HostingPortal(settings: ("FlexMail:Circuit:AllowedOrigins:0", "https://flexmail.example.com/portal"));

        var error = Assert.ThrowsAny<Exception>(() => portal.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<CircuitOriginOptions>>().Value);

        Assert.Contains("FlexMail:Circuit:AllowedOrigins holds 'https://flexmail.example.com/portal'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WebSocketUpgrade_FromAForeignOrigin_IsRefusedWith403()
    {
        await using var portal = new KestrelPortal();
        await portal.InitializeAsync();

        var foreign = await UpgradeStatusAsync(portal, "https://evil.example");
        var own = await UpgradeStatusAsync(portal, portal.HttpsAddress.GetLeftPart(UriPartial.Authority));

        Assert.Equal(HttpStatusCode.Forbidden, foreign);
        Assert.NotEqual(HttpStatusCode.Forbidden, own);
    }

    /// <summary>
    /// The status of the circuit's WebSocket upgrade with this Origin. No connection id: an upgrade the origin check
    /// lets through is refused afterwards by SignalR itself, with another status.
    /// </summary>
    private static async Task<HttpStatusCode> UpgradeStatusAsync(KestrelPortal portal, string origin)
    {
        var pin = portal.Get<LocalHttpsCertificateInfo>().Certificate.GetPublicKey();
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        socket.Options.SetRequestHeader("Origin", origin);
        socket.Options.RemoteCertificateValidationCallback = (_, certificate, _, _) =>
            certificate is not null && CryptographicOperations.FixedTimeEquals(certificate.GetPublicKey(), pin);
        var address = new UriBuilder(portal.HttpsAddress) { Scheme = "wss", Path = "/_blazor", Query = "id=none" }.Uri;
        try
        {
            await socket.ConnectAsync(address, CancellationToken.None);
        }
        catch (WebSocketException)
        {
            // Refused: the status says by whom.
        }
        return socket.HttpStatusCode;
    }

    private static HttpRequestMessage NegotiateFrom(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Negotiate);
        request.Headers.Add("Origin", origin);
        return request;
    }

    private static HttpClient Client(PortalFactory portal) =>
        portal.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
}
