namespace FlexMail.Portal.Hosting.Hardening;

/// <summary>
/// Endpoint metadata: the response is a document the portal's own pages show in a frame (the sandbox mail client's
/// message body), with a Content-Security-Policy of its own instead of the portal's. It may be framed by the portal only
/// (<c>frame-ancestors 'self'</c>, <c>X-Frame-Options: SAMEORIGIN</c>).
/// </summary>
/// <param name="Policy">The document's policy for this request, without <c>frame-ancestors</c>.</param>
public sealed record FramedDocumentPolicy(Func<HttpContext, string> Policy);
