using System.Text.RegularExpressions;

namespace FlexMail.Domain.MailboxAccess.Tokens;

/// <summary>
/// The AADSTS codes FlexMail explains, each with its plain-language cause and fix. Values Entra quotes in its message
/// (the redirect URI, the thumbprint, the tenant, the client id) are named back; unknown codes keep Entra's text.
/// </summary>
internal static partial class EntraErrorTable
{
    private const string ReAuthorize = "Sign in again with Re-Authorize on the email settings page.";

    public static EntraFailure Explain(int code, string aadsts, EntraErrorContext context) => code switch
    {
        50011 => RedirectUriMismatch(aadsts, context),
        65001 => ConsentMissing(aadsts),
        7000215 => new(code,
            $"Entra ID refused the client secret{ForApp(aadsts)}: you probably pasted the secret ID, not its value.",
            "In the app registration open Certificates & secrets, copy the Value column of the secret (shown only right after " +
            "it is created; create a new secret if it is hidden) and save it as the OAuth application's Client Secret."),
        7000222 => new(code,
            $"The client secret{ForApp(aadsts)} has expired.",
            "In the app registration open Certificates & secrets, create a new client secret, copy its Value and save it as " +
            "the OAuth application's Client Secret (with its new expiry date)."),
        700027 => CertificateRefused(aadsts, context),
        700082 => new(code,
            "The saved sign-in has expired: it was not used for 90 days, so Entra ID no longer accepts its refresh token.",
            ReAuthorize, NeedsReauthorization: true),
        50173 => new(code,
            "The saved sign-in was revoked: the account's password was changed or reset, or an administrator revoked its sessions.",
            ReAuthorize, NeedsReauthorization: true),
        90002 => new(code,
            $"Entra ID does not know the tenant{Quoted(TenantPattern(), aadsts, "tenant")}.",
            "Check the OAuth application's Tenant Id: copy the Directory (tenant) ID from the app registration's Overview page, " +
            "and make sure the application's cloud is the one the tenant lives in."),
        700016 => new(code,
            $"No application with Client Id{Quoted(ApplicationPattern(), aadsts, "app")} exists in the tenant{Quoted(ApplicationPattern(), aadsts, "directory")}.",
            "Check the OAuth application's Client Id and Tenant Id: copy the Application (client) ID and the Directory (tenant) ID " +
            "from the same app registration's Overview page."),
        50076 or 50079 => new(code,
            "The account must complete multi-factor authentication, which only an interactive sign-in can do.",
            "Sign in again with Re-Authorize and complete the multi-factor prompt. For unattended mail, use an account or an " +
            "application permission that a Conditional Access policy does not require MFA for.", NeedsReauthorization: true),
        53003 => new(code,
            "A Conditional Access policy in the tenant blocked the sign-in.",
            "Ask the Entra ID administrator to check the sign-in logs for the policy that blocked FlexMail and allow this server " +
            "(for example its network location) or exclude the account or application, then try again."),
        _ => new(code,
            $"Entra ID refused the request: {aadsts}",
            "Look up the AADSTS code on https://login.microsoftonline.com/error and check the OAuth application's settings in " +
            "FlexMail and its app registration in Entra ID."),
    };

    private static EntraFailure RedirectUriMismatch(string aadsts, EntraErrorContext context)
    {
        var sent = RedirectUriPattern().Match(aadsts) is { Success: true } match ? match.Groups["uri"].Value : context.RedirectUri;
        return sent is null
            ? new(50011,
                "The redirect URI FlexMail sent is not one of the app registration's redirect URIs.",
                "Add FlexMail's redirect URI as a Web redirect URI under Authentication in the app registration, or correct the " +
                "Server Base URL in FlexMail's settings.")
            : new(50011,
                $"The redirect URI FlexMail sent, {sent}, is not one of the app registration's redirect URIs.",
                $"In the app registration open Authentication and add exactly {sent} as a Web redirect URI; or, if that is not " +
                "the address users reach FlexMail at, correct the Server Base URL in FlexMail's settings.");
    }

    private static EntraFailure ConsentMissing(string aadsts)
    {
        var scopes = ScopesPattern().Match(aadsts) is { Success: true } match ? match.Groups["scopes"].Value : null;
        return new(65001,
            scopes is null
                ? $"Nobody has consented to the permissions FlexMail asks for{ForApplicationId(aadsts)}."
                : $"Nobody has consented to the permissions FlexMail asks for{ForApplicationId(aadsts)}: {scopes}.",
            "Have an administrator grant admin consent: in the app registration open API permissions and choose " +
            "\"Grant admin consent\", or use the admin consent link on FlexMail's setup page; then try again.");
    }

    private static EntraFailure CertificateRefused(string aadsts, EntraErrorContext context)
    {
        // The SHA-1 thumbprint FlexMail knows is what the admin center lists; Entra may quote the SHA-256 one it was sent.
        var thumbprint = context.CertificateThumbprint
            ?? (ThumbprintPattern().Match(aadsts) is { Success: true } match ? match.Groups["thumbprint"].Value : null);
        var which = thumbprint is null ? "the certificate FlexMail signed with" : $"the certificate FlexMail signed with (thumbprint {thumbprint})";
        if (aadsts.Contains("key used is expired", StringComparison.OrdinalIgnoreCase))
        {
            return new(700027,
                $"Entra ID refused {which}: the certificate registered on the app has expired.",
                "Create or obtain a new certificate, upload its public part under Certificates & secrets in the app registration, " +
                "add it and its private key to FlexMail's credentials and choose them on the OAuth application.");
        }
        return new(700027,
            $"Entra ID refused {which}: that certificate is not registered on the app.",
            "Upload the certificate's public part (download it from FlexMail's credentials as .pem or .cer) under Certificates & " +
            "secrets > Certificates in the app registration, or choose the certificate that is already uploaded there.");
    }

    private static string ForApp(string aadsts) => Quoted(SecretAppPattern(), aadsts, "app") is { Length: > 0 } app ? $" of app{app}" : "";

    private static string ForApplicationId(string aadsts) => Quoted(ConsentAppPattern(), aadsts, "app") is { Length: > 0 } app ? $" on app{app}" : "";

    private static string Quoted(Regex pattern, string text, string group) =>
        pattern.Match(text) is { Success: true } match && match.Groups[group].Success ? $" {match.Groups[group].Value}" : "";

    [GeneratedRegex(@"redirect URI '(?<uri>[^']+)'", RegexOptions.CultureInvariant)]
    private static partial Regex RedirectUriPattern();

    [GeneratedRegex(@"scopes? '(?<scopes>[^']+)'", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex ScopesPattern();

    [GeneratedRegex(@"application with ID '(?<app>[^']+)'", RegexOptions.CultureInvariant)]
    private static partial Regex ConsentAppPattern();

    [GeneratedRegex(@"app '(?<app>[^']+)'", RegexOptions.CultureInvariant)]
    private static partial Regex SecretAppPattern();

    [GeneratedRegex(@"Thumbprint of key used by client: '(?<thumbprint>[^']+)'", RegexOptions.CultureInvariant)]
    private static partial Regex ThumbprintPattern();

    [GeneratedRegex(@"Tenant '(?<tenant>[^']+)' not found", RegexOptions.CultureInvariant)]
    private static partial Regex TenantPattern();

    [GeneratedRegex(@"Application with identifier '(?<app>[^']+)' was not found in the directory '(?<directory>[^']+)'", RegexOptions.CultureInvariant)]
    private static partial Regex ApplicationPattern();
}
