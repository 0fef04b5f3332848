using System.Net;
using System.Security.Cryptography;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using FlexMail.Portal.Hosting;
using FlexMail.Portal.Sandbox.Directory;

namespace FlexMail.Tests.Support.Sandbox;

/// <summary>A page the sandbox's sign-in answered with.</summary>
public sealed record SandboxPage(HttpStatusCode Status, Uri Address, IHtmlDocument Document)
{
    public string Text => Document.Body?.TextContent ?? "";

    public string? Heading => Document.QuerySelector("h1")?.TextContent;

    public IReadOnlyList<string> Labels => [.. Document.QuerySelectorAll("label").Select(label => label.TextContent.Trim())];

    /// <summary>The value of the checked radio button named <c>user</c>, if any.</summary>
    public string? CheckedUser => Document.QuerySelectorAll<IHtmlInputElement>("input[type=radio][name=user]").FirstOrDefault(r => r.IsChecked)?.Value;

    public bool HasButton(string text) => Document.QuerySelectorAll("button").Any(b => b.TextContent.Trim() == text);
}

/// <summary>What a form submission led to: another page, or a redirect (whose target is not followed).</summary>
public sealed record SandboxStep(SandboxPage? Page, Uri? Location, HttpStatusCode Status);

/// <summary>
/// Drives the sandbox's sign-in pages the way a person in a browser would, with a plain HTTP client: keeps cookies,
/// trusts exactly the portal's certificate, never follows a redirect so that the redirect to the client can be read.
/// </summary>
public sealed class SandboxSignIn : IDisposable
{
    private static readonly HtmlParser Parser = new();
    private readonly HttpClient _client;

    public SandboxSignIn(KestrelPortal portal)
    {
        var pin = portal.Get<LocalHttpsCertificateInfo>().Certificate.GetPublicKey();
        var handler = new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer(), UseCookies = true };
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) =>
            certificate is not null && CryptographicOperations.FixedTimeEquals(certificate.GetPublicKey(), pin);
        _client = new HttpClient(handler);
    }

    public HttpClient Client => _client;

    /// <summary>Where the last redirect answered pointed (not followed).</summary>
    public Uri? LastRedirect { get; private set; }

    public async Task<SandboxStep> GetAsync(Uri address) => await ReadAsync(address, await _client.GetAsync(address));

    public async Task<SandboxPage> OpenAsync(Uri address) =>
        (await GetAsync(address)).Page ?? throw new InvalidOperationException($"{address} answered with a redirect, not a page.");

    /// <summary>Submits the form that holds the button named <paramref name="button"/>, optionally choosing a user.</summary>
    public async Task<SandboxStep> SubmitAsync(SandboxPage page, string button, Guid? user = null, bool withAntiforgeryToken = true)
    {
        var submit = page.Document.QuerySelectorAll<IHtmlButtonElement>("button").FirstOrDefault(b => b.TextContent.Trim() == button)
            ?? throw new InvalidOperationException($"The page has no button '{button}': {page.Text}");
        var form = submit.Form ?? throw new InvalidOperationException($"The button '{button}' is not in a form.");
        var fields = form.QuerySelectorAll<IHtmlInputElement>("input")
            .Where(input => input.Type == "hidden" || (input.Type == "radio" && input.IsChecked))
            .Where(input => withAntiforgeryToken || input.Name != "__RequestVerificationToken")
            .Select(input => KeyValuePair.Create(input.Name!, input.Value))
            .Where(field => user is null || field.Key != "user")
            .ToList();
        if (user is not null)
        {
            fields.Add(KeyValuePair.Create("user", user.Value.ToString()));
        }
        if (!string.IsNullOrEmpty(submit.Name))
        {
            fields.Add(KeyValuePair.Create(submit.Name, submit.Value));
        }
        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? page.Address : new Uri(page.Address, form.GetAttribute("action"));
        using var content = new FormUrlEncodedContent(fields);
        return await ReadAsync(action, await _client.PostAsync(action, content));
    }

    /// <summary>
    /// Opens the authorization URL, signs in as <paramref name="user"/>, accepts the consent page when it comes, and
    /// returns the redirect to the client (not followed).
    /// </summary>
    public async Task<Uri> SignInAsync(Uri authorizeUrl, SandboxUser user)
    {
        var step = await SubmitAsync(await OpenAsync(authorizeUrl), "Sign in", user.Id);
        if (step.Page is { } consent && consent.HasButton("Accept"))
        {
            step = await SubmitAsync(consent, "Accept");
        }
        return step.Location ?? throw new InvalidOperationException($"Sign-in did not redirect to the client: {step.Status} {step.Page?.Text}");
    }

    public void Dispose() => _client.Dispose();

    private async Task<SandboxStep> ReadAsync(Uri address, HttpResponseMessage response)
    {
        using (response)
        {
            if (response.Headers.Location is { } location)
            {
                LastRedirect = location.IsAbsoluteUri ? location : new Uri(address, location);
                return new SandboxStep(null, LastRedirect, response.StatusCode);
            }
            var document = await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
            return new SandboxStep(new SandboxPage(response.StatusCode, address, document), null, response.StatusCode);
        }
    }
}
