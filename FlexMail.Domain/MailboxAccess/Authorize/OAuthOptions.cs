using System.ComponentModel.DataAnnotations;

namespace FlexMail.Domain.MailboxAccess.Authorize;

/// <summary><c>FlexMail:OAuth</c>: where Entra ID sends the admin back after Authorize.</summary>
public sealed class OAuthOptions
{
    public const string SectionName = "FlexMail:OAuth";

    /// <summary>
    /// The redirect path registered in Entra ID. The default is the reference product's, so app registrations
    /// made for it work unchanged.
    /// </summary>
    [Required]
    [RegularExpression("^/[A-Za-z0-9._~/-]*$", ErrorMessage = "FlexMail:OAuth:CallbackPath must be a path that starts with '/', e.g. /flexdeploy/rest/v2/oauth.")]
    public string CallbackPath { get; set; } = "/flexdeploy/rest/v2/oauth";
}
