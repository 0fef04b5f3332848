namespace FlexMail.Domain.MailboxAccess.Tokens;

/// <summary>
/// What FlexMail sent with the request that failed, so that an explanation can name it (the host it tried to reach,
/// the redirect URI, the certificate it signed with). Every part is optional.
/// </summary>
/// <param name="AuthorityHost">The identity platform's host FlexMail called.</param>
/// <param name="RedirectUri">The redirect URI FlexMail sent (sign-in and code redemption).</param>
/// <param name="CertificateThumbprint">The SHA-1 thumbprint of the certificate FlexMail signed its client assertion with.</param>
public sealed record EntraErrorContext(Uri? AuthorityHost = null, string? RedirectUri = null, string? CertificateThumbprint = null)
{
    public static readonly EntraErrorContext None = new();
}
