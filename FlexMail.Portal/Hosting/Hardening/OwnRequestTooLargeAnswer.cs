namespace FlexMail.Portal.Hosting.Hardening;

/// <summary>
/// Endpoint metadata: the endpoint answers a request over its body limit in its own wire format (the sandbox's Graph
/// answers as Graph does) instead of the portal's 413 ProblemDetails. The status stays 413 and the connection is closed.
/// </summary>
/// <param name="WriteAsync">Writes the answer; gets the context and the body limit in bytes (null for a form limit).</param>
public sealed record OwnRequestTooLargeAnswer(Func<HttpContext, long?, Task> WriteAsync);
