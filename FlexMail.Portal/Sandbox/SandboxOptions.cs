using System.ComponentModel.DataAnnotations;
using FlexMail.Portal.Sandbox.QuickSetup;

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

    /// <summary>
    /// Sets FlexMail up against the sandbox at start (Delegated or Application), as "Try with the sandbox" does; None
    /// (the default) does not. A real setup is never replaced at start.
    /// </summary>
    public QuickSetupMode QuickSetup { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(BaseUrl)
            && (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttps || url.AbsolutePath != "/"))
        {
            yield return new ValidationResult(
                $"FlexMail:Sandbox:BaseUrl '{BaseUrl}' must be an https address without a path (e.g. https://localhost:7443), or empty.",
                [nameof(BaseUrl)]);
        }
        if (!Enum.IsDefined(QuickSetup))
        {
            yield return new ValidationResult(
                $"FlexMail:Sandbox:QuickSetup '{QuickSetup}' is not a quick setup mode: use None, Delegated or Application.", [nameof(QuickSetup)]);
        }
        else if (QuickSetup != QuickSetupMode.None && !Enabled)
        {
            yield return new ValidationResult(
                $"FlexMail:Sandbox:QuickSetup is {QuickSetup}, but the sandbox tenant is off (FlexMail:Sandbox:Enabled is false), so there is " +
                "nothing to set up against: set FlexMail:Sandbox:QuickSetup to None, or turn the sandbox on.", [nameof(QuickSetup)]);
        }
    }
}
