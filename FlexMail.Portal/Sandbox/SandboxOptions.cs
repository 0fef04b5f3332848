using System.ComponentModel.DataAnnotations;

namespace FlexMail.Portal.Sandbox;

/// <summary>
/// The sandbox tenant: an in-process emulation of the Microsoft identity platform and Microsoft Graph mail,
/// served by the portal itself. On in the embedded default; production configuration turns it off.
/// </summary>
public sealed class SandboxOptions : IValidatableObject
{
    public const string SectionName = "FlexMail:Sandbox";

    public bool Enabled { get; set; }

    /// <summary>
    /// The HTTPS address at which FlexMail's own clients reach the sandbox (scheme, host, port; no path).
    /// Empty: the portal's own HTTPS address, with <c>localhost</c> as host.
    /// </summary>
    public string? BaseUrl { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(BaseUrl)
            && (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttps || url.AbsolutePath != "/"))
        {
            yield return new ValidationResult(
                $"FlexMail:Sandbox:BaseUrl '{BaseUrl}' must be an https address without a path (e.g. https://localhost:7443), or empty.",
                [nameof(BaseUrl)]);
        }
    }
}
