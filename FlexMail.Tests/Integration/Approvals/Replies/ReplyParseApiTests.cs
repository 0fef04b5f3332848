using System.Net;
using System.Net.Http.Headers;
using System.Text;
using static FlexMail.Tests.Integration.Approvals.ApprovalsApiPortal;

namespace FlexMail.Tests.Integration.Approvals.Replies;

/// <summary><c>POST /api/v1/replies/parse</c>: text, HTML and whole mails read as the monitor would; the bodies it refuses.</summary>
public sealed class ReplyParseApiTests(ApprovalsApiPortal api) : IClassFixture<ApprovalsApiPortal>
{
    private const string Path = "/api/v1/replies/parse";

    [Fact]
    public async Task Parse_PlainTextApprove_AnswersApproveWithTheComment()
    {
        using var response = await PostAsync("Approve - ship it\r\n\r\n> On Monday FlexMail wrote:\r\n> Deploy release 4.2?", "text/plain");
        var json = await JsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("approve", json.GetProperty("decision").GetString());
        Assert.Contains("ship it", json.GetProperty("comment").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("FlexMail wrote", json.GetProperty("ownText").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(json.GetProperty("reason").GetString()));
    }

    [Fact]
    public async Task Parse_HtmlReject_AnswersReject()
    {
        using var response = await PostAsync("<html><body><p>Reject</p><p>Not this week.</p></body></html>", "text/html");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("reject", (await JsonAsync(response)).GetProperty("decision").GetString());
    }

    [Fact]
    public async Task Parse_WholeMailOutOfOffice_AnswersNoneWithTheReason()
    {
        const string mail = "From: Adele Vance <adele@contoso.test>\r\nTo: approvals@contoso.test\r\nSubject: Automatic reply: Deploy release 4.2\r\n" +
            "Auto-Submitted: auto-replied\r\nMessage-ID: <ooo-1@contoso.test>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nApprove\r\nI am out of the office.\r\n";

        using var response = await PostAsync(mail, "message/rfc822");
        var json = await JsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("none", json.GetProperty("decision").GetString());
        Assert.False(string.IsNullOrWhiteSpace(json.GetProperty("reason").GetString()));
    }

    [Fact]
    public async Task Parse_WholeMailFromAPerson_AnswersItsDecision()
    {
        const string mail = "From: Adele Vance <adele@contoso.test>\r\nSubject: RE: Deploy release 4.2\r\nMessage-ID: <r-1@contoso.test>\r\n" +
            "Content-Type: text/plain; charset=utf-8\r\n\r\nApprove\r\n";

        using var response = await PostAsync(mail, "message/rfc822");

        Assert.Equal("approve", (await JsonAsync(response)).GetProperty("decision").GetString());
    }

    [Fact]
    public async Task Parse_JsonBody_Answers415ProblemDetails()
    {
        using var response = await PostAsync("{\"text\":\"Approve\"}", "application/json");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("UnsupportedReplyType", (await JsonAsync(response)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Parse_EmptyBody_Answers400NamingBody()
    {
        using var response = await PostAsync("", "text/plain");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["body"], await ErrorFieldsAsync(response));
    }

    [Fact]
    public async Task Parse_InvalidUtf8_Answers400NamingBody()
    {
        using var content = new ByteArrayContent([0x41, 0xC3, 0x28, 0xFF]);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("text/plain; charset=utf-8");

        using var response = await api.Api.PostAsync(Path, content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["body"], await ErrorFieldsAsync(response));
    }

    [Fact]
    public async Task Parse_OverOneMiBUnderTwo_IsServed()
    {
        using var response = await PostAsync("Approve\r\n" + new string('x', 1536 * 1024), "text/plain");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Parse_OverTwoMiB_Answers413ProblemDetails()
    {
        using var content = new ByteArrayContent(new byte[(2 * 1024 * 1024) + 1]);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("text/plain");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(api.Portal.HttpsAddress, Path)) { Content = content };
        request.Headers.ExpectContinue = true;
        request.Headers.Authorization = api.Api.DefaultRequestHeaders.Authorization;
        using var patient = PatientClient();

        using var response = await patient.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>
    /// A client that waits for the answer to <c>Expect: 100-continue</c> as long as a test may take, so that a busy
    /// machine does not start sending the oversized body before the 413 arrives. It trusts exactly the portal's certificate.
    /// </summary>
    private HttpClient PatientClient()
    {
        var certificate = api.Portal.Get<Portal.Hosting.LocalHttpsCertificateInfo>().Certificate;
        var handler = new SocketsHttpHandler { Expect100ContinueTimeout = TimeSpan.FromMinutes(2) };
        handler.SslOptions.RemoteCertificateValidationCallback = (_, presented, _, _) =>
            presented is not null && presented.GetCertHashString() == certificate.GetCertHashString();
        return new HttpClient(handler);
    }

    private Task<HttpResponseMessage> PostAsync(string body, string mediaType) =>
        api.Api.PostAsync(Path, new StringContent(body, Encoding.UTF8, mediaType));
}
