using System.ComponentModel.DataAnnotations;

namespace FlexMail.Portal.Hosting.Hardening;

/// <summary>
/// <c>FlexMail:Circuit</c>: which pages may open the Blazor circuit (<c>/_blazor</c>). The portal's own origin always
/// may: the scheme and host the request was made to (behind a trusted reverse proxy, its forwarded scheme and host).
/// </summary>
public sealed class CircuitOriginOptions : IValidatableObject
{
    public const string SectionName = "FlexMail:Circuit";

    /// <summary>
    /// Further origins the portal is opened at, e.g. <c>https://flexmail.example.com</c> when a proxy does not forward
    /// the public host name. Scheme, host and port only.
    /// </summary>
    public string[] AllowedOrigins { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var origin in AllowedOrigins.Where(origin => !WebOrigin.TryParse(origin, out _)))
        {
            yield return new ValidationResult(
                $"{SectionName}:AllowedOrigins holds '{origin}', which is not an origin: use the form https://flexmail.example.com (scheme, host, optional port, no path).",
                [nameof(AllowedOrigins)]);
        }
    }
}
