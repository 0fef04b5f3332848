using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FlexMail.Portal.Hosting;
using FlexMail.Portal.Hosting.Hardening;
using FlexMail.Portal.Sandbox;
using FlexMail.Tests.Support;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FlexMail.Tests.Integration.Hosting;

/// <summary>Request bodies and forms over the limits get 413 with a plain explanation (ProblemDetails), never a 500.</summary>
public sealed class RequestLimitsTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const int OneMiB = 1024 * 1024;
    private static readonly string TokenPath = $"/sandbox/login/{SandboxTenant.Domain}/oauth2/v2.0/token";

    [Fact]
    public async Task Body_OverTheLimit_Gets413ProblemDetailsNamingTheLimit()
    {
        using var client = Client();

        using var response = await client.PostAsync(TokenPath, Form(("grant_type", "client_credentials"), ("padding", new string('x', OneMiB))));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        using var problem = await ProblemAsync(response);
        Assert.Equal("The request is too large", problem.RootElement.GetProperty("title").GetString());
        Assert.Contains("at most 1 MiB (1,048,576 bytes)", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(OneMiB, problem.RootElement.GetProperty("limit").GetInt64());
        SecurityHeaderAssert.HasSecurityHeaders(response);
    }

    [Fact]
    public async Task Body_OverTheLimitFromAPage_Gets413InPlainText()
    {
        using var client = Client();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = new ByteArrayContent(new byte[OneMiB + 1]) };
        request.Headers.Accept.ParseAdd("text/html");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("The request is too large. FlexMail accepts request bodies of at most 1 MiB", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Form_WithTooManyFields_Gets413ProblemDetails()
    {
        using var client = Client();
        var fields = Enumerable.Range(0, 200).Select(i => ($"field{i}", "x")).Prepend(("grant_type", "client_credentials")).ToArray();

        using var response = await client.PostAsync(TokenPath, Form(fields));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        using var problem = await ProblemAsync(response);
        Assert.Contains("at most 128 fields", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TokenRequest_WithinTheLimits_IsAnsweredByTheTokenEndpoint()
    {
        using var client = Client();

        using var response = await client.PostAsync(TokenPath, Form(("grant_type", "client_credentials"), ("client_id", Guid.NewGuid().ToString())));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("AADSTS", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Body_OverTheLimitWithoutContentLength_IsStoppedByKestrelAndGets413ProblemDetails()
    {
        await using var kestrel = new KestrelPortal();
        await kestrel.InitializeAsync();
        using var client = PinnedClient(kestrel);
        var body = Encoding.ASCII.GetBytes("grant_type=client_credentials&padding=" + new string('x', OneMiB + 1024));
        using var content = new StreamContent(new MemoryStream(body));
        content.Headers.ContentType = new("application/x-www-form-urlencoded");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(kestrel.HttpsAddress, TokenPath)) { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        using var problem = await ProblemAsync(response);
        Assert.Equal("The request is too large", problem.RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public void Limits_AreAppliedToKestrelFormsAndTheCircuit()
    {
        var services = portal.Services;

        var kestrel = services.GetRequiredService<IOptions<KestrelServerOptions>>().Value;
        var form = services.GetRequiredService<IOptions<FormOptions>>().Value;

        Assert.Equal(OneMiB, kestrel.Limits.MaxRequestBodySize);
        Assert.Equal(128, form.ValueCountLimit);
        Assert.Equal(64 * 1024, form.ValueLengthLimit);
        Assert.Equal(1024, form.KeyLengthLimit);
        Assert.Equal(OneMiB, form.MultipartBodyLengthLimit);
        Assert.Equal(32 * 1024, CircuitHubOptions(services).MaximumReceiveMessageSize);
    }

    [Fact]
    public void Limits_FromConfiguration_AreApplied()
    {
        using var configured = new HostingPortal(settings: [("FlexMail:Limits:MaxRequestBodyBytes", "65536"), ("FlexMail:Limits:MaxCircuitMessageBytes", "65536")]);

        Assert.Equal(65536, configured.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.Limits.MaxRequestBodySize);
        Assert.Equal(65536, CircuitHubOptions(configured.Services).MaximumReceiveMessageSize);
    }

    [Fact]
    public void Limits_OutOfRange_StopTheStart()
    {
        using var configured = new HostingPortal(settings: ("FlexMail:Limits:MaxRequestBodyBytes", "100"));

        var error = Assert.ThrowsAny<Exception>(() => configured.Services);

        Assert.Contains("MaxRequestBodyBytes", error.Message, StringComparison.Ordinal);
    }

    /// <summary>The Blazor circuit hub's own options (its hub type is internal to ASP.NET Core).</summary>
    private static HubOptions CircuitHubOptions(IServiceProvider services)
    {
        var hub = Type.GetType("Microsoft.AspNetCore.Components.Server.ComponentHub, Microsoft.AspNetCore.Components.Server", throwOnError: true)!;
        var options = services.GetRequiredService(typeof(IOptions<>).MakeGenericType(typeof(HubOptions<>).MakeGenericType(hub)));
        return (HubOptions)options.GetType().GetProperty("Value")!.GetValue(options)!;
    }

    private static async Task<JsonDocument> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    private static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(field => KeyValuePair.Create(field.Name, field.Value)));

    private HttpClient Client() =>
        portal.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });

    private static HttpClient PinnedClient(KestrelPortal kestrel)
    {
        var pin = kestrel.Get<LocalHttpsCertificateInfo>().Certificate.GetPublicKey();
        var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) =>
            certificate is not null && CryptographicOperations.FixedTimeEquals(certificate.GetPublicKey(), pin);
        return new HttpClient(handler);
    }
}
