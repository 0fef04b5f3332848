using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace FlexMail.Tests.Integration.Hosting;

/// <summary>Checks of the portal's security headers on an HTTP response, and a Content-Security-Policy read into its directives.</summary>
internal static partial class SecurityHeaderAssert
{
    /// <summary>The headers every response carries, with the policy's fixed directives; returns the policy's directives.</summary>
    public static IReadOnlyDictionary<string, string[]> HasSecurityHeaders(HttpResponseMessage response)
    {
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("same-origin", Header(response, "Cross-Origin-Opener-Policy"));
        var policy = Directives(Header(response, "Content-Security-Policy"));
        Assert.Equal(["'self'"], policy["default-src"]);
        Assert.Equal("'self'", policy["script-src"][0]);
        Assert.All(policy["script-src"].Skip(1), source => Assert.StartsWith("'sha256-", source, StringComparison.Ordinal));
        Assert.Equal(["'self'", "'unsafe-inline'"], policy["style-src"]);
        Assert.Equal(["'self'", "data:"], policy["img-src"]);
        Assert.Equal(["'self'"], policy["connect-src"]);
        Assert.Equal(["'none'"], policy["object-src"]);
        Assert.Equal(["'self'"], policy["base-uri"]);
        Assert.Equal(["'none'"], policy["frame-ancestors"]);
        Assert.Equal("'self'", policy["form-action"][0]);
        Assert.DoesNotContain(policy.Values.SelectMany(sources => sources), source => source is "'unsafe-eval'" or "*");
        Assert.DoesNotContain("'unsafe-inline'", policy["script-src"]);
        return policy;
    }

    public static string Header(HttpResponseMessage response, string name)
    {
        var values = response.Headers.TryGetValues(name, out var found) ? found
            : response.Content.Headers.TryGetValues(name, out var content) ? content : [];
        return Assert.Single(values);
    }

    public static IReadOnlyDictionary<string, string[]> Directives(string policy) => policy
        .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(directive => directive.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        .ToDictionary(parts => parts[0], parts => parts[1..]);

    /// <summary>The <c>'sha256-…'</c> source of each inline script in the HTML (scripts without <c>src</c>).</summary>
    public static IReadOnlyList<string> InlineScriptHashes(string html) =>
        [.. InlineScript().Matches(html).Select(match =>
            $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(match.Groups["body"].Value)))}'")];

    [GeneratedRegex("<script(?![^>]*\\ssrc=)[^>]*>(?<body>.*?)</script>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();
}
