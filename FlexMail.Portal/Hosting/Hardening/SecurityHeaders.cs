namespace FlexMail.Portal.Hosting.Hardening;

/// <summary>
/// Puts the portal's security headers on a response as it starts, whatever produced it (page, static file, endpoint,
/// error page, status code page, the sandbox): the <see cref="ContentSecurityPolicy"/> and the headers below. HSTS is
/// ASP.NET Core's own middleware (<see cref="SecurityHeadersSetup"/>). A document framed by the portal's pages
/// (<see cref="FramedDocumentPolicy"/>) carries its own policy instead.
/// </summary>
internal sealed class SecurityHeaders(IdentityProviderOrigins identityProviders, SandboxSignInPages sandboxSignIn)
{
    public static readonly IReadOnlyDictionary<string, string> FixedHeaders = new Dictionary<string, string>
    {
        ["X-Content-Type-Options"] = "nosniff",
        ["Referrer-Policy"] = "strict-origin-when-cross-origin",
        ["X-Frame-Options"] = "DENY",
        ["Cross-Origin-Opener-Policy"] = "same-origin",
    };

    public void Apply(HttpContext context)
    {
        var headers = context.Response.Headers;
        foreach (var (name, value) in FixedHeaders)
        {
            headers[name] = value;
        }
        if (context.GetEndpoint()?.Metadata.GetMetadata<FramedDocumentPolicy>() is { } framed)
        {
            headers["X-Frame-Options"] = "SAMEORIGIN";
            headers[ContentSecurityPolicy.HeaderName] = $"{framed.Policy(context)}; frame-ancestors 'self'";
            return;
        }
        headers[ContentSecurityPolicy.HeaderName] = PolicyFor(context);
    }

    /// <summary>The Content-Security-Policy for this response (its endpoint and path are final when it starts).</summary>
    public string PolicyFor(HttpContext context)
    {
        var scriptHashes = new List<string>(2);
        var formTargets = new List<string>(identityProviders.Origins);
        if (ImportMapScriptHash.For(context.GetEndpoint()) is { } importMap)
        {
            scriptHashes.Add(importMap);
        }
        if (context.GetEndpoint()?.Metadata.GetMetadata<InlineScriptNonce>() is { } nonced && context.Items[nonced.ItemKey] is string { Length: > 0 } nonce)
        {
            scriptHashes.Add($"'nonce-{nonce}'");
        }
        if (sandboxSignIn.Applies(context))
        {
            scriptHashes.Add(SandboxSignInPages.FormPostScriptHash);
            if (SandboxSignInPages.RedirectOrigin(context.Request) is { } redirect)
            {
                formTargets.Add(redirect);
            }
        }
        return ContentSecurityPolicy.Render(scriptHashes, formTargets);
    }
}
