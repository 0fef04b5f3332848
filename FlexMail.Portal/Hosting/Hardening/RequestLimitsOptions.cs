using System.ComponentModel.DataAnnotations;

namespace FlexMail.Portal.Hosting.Hardening;

/// <summary>
/// <c>FlexMail:Limits</c>: how much one request may carry. The portal's forms and endpoints carry a few kilobytes
/// (the largest: an OpenID Connect <c>form_post</c> with an id token, a token request with a client assertion), so the
/// defaults leave ample room and still refuse a flood early. Certificate and key files are limited apart from these
/// (64 KiB each, <c>CredentialUpload.MaxContentBytes</c>); they travel over the circuit, not in a request body.
/// </summary>
public sealed class RequestLimitsOptions
{
    public const string SectionName = "FlexMail:Limits";

    /// <summary>Largest request body, in bytes (default 1 MiB). Larger: 413 with ProblemDetails.</summary>
    [Range(16 * 1024, 100L * 1024 * 1024)]
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Most fields in one form post (default 128).</summary>
    [Range(16, 10_000)]
    public int MaxFormValueCount { get; set; } = 128;

    /// <summary>Longest form field value, in characters (default 64 KiB).</summary>
    [Range(4 * 1024, 4 * 1024 * 1024)]
    public int MaxFormValueLength { get; set; } = 64 * 1024;

    /// <summary>Longest form field name, in characters (default 1 KiB).</summary>
    [Range(256, 64 * 1024)]
    public int MaxFormKeyLength { get; set; } = 1024;

    /// <summary>
    /// Largest message the browser may send over the Blazor circuit, in bytes (default 32 KiB, SignalR's and Blazor's
    /// own default; file uploads are streamed in smaller pieces).
    /// </summary>
    [Range(32 * 1024, 1024 * 1024)]
    public long MaxCircuitMessageBytes { get; set; } = 32 * 1024;
}
