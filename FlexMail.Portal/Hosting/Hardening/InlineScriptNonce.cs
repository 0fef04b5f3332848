namespace FlexMail.Portal.Hosting.Hardening;

/// <summary>
/// Endpoint metadata: the page's inline scripts carry a nonce made for this request (the API reference's page), stored
/// in <see cref="HttpContext.Items"/> under <paramref name="ItemKey"/>; the page's <c>script-src</c> allows that nonce.
/// </summary>
public sealed record InlineScriptNonce(object ItemKey);
