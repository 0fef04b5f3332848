using System.ComponentModel.DataAnnotations;

namespace FlexMail.Portal.Hosting.SignIn;

/// <summary>
/// Portal sign-in (<c>FlexMail:SignIn</c>): the organisation's Entra ID app registration for FlexMail, in
/// Microsoft.Identity.Web's own keys (<c>Instance</c>, <c>TenantId</c>, <c>ClientId</c>, <c>ClientSecret</c> or
/// <c>ClientCertificates</c>), which binds this section itself. Left empty with the sandbox on, people sign in
/// through the sandbox tenant's "FlexMail Portal" app registration.
/// </summary>
public sealed class SignInOptions
{
    public const string SectionName = "FlexMail:SignIn";

    public const string CallbackPath = "/signin-oidc";

    public const string SignedOutCallbackPath = "/signout-callback-oidc";

    /// <summary>The one key FlexMail reads itself (the others are Microsoft.Identity.Web's): set means a real tenant signs people in.</summary>
    public string? ClientId { get; set; }

    /// <summary>How long a session lasts without use; each request within it extends it (sliding expiry).</summary>
    [Range(typeof(TimeSpan), "00:05:00", "7.00:00:00", ErrorMessage = "FlexMail:SignIn:SessionIdleTimeout must be between 5 minutes and 7 days.")]
    public TimeSpan SessionIdleTimeout { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Whether an app registration of a real tenant is configured (else the sandbox signs people in).</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(ClientId);
}
