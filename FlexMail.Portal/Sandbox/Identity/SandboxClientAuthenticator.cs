using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using FlexMail.Portal.Sandbox.Apps;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FlexMail.Portal.Sandbox.Identity;

/// <summary>
/// Authenticates a confidential client at the token endpoint: a client secret, or a client assertion (a JWT signed
/// with the private key of a certificate uploaded to the app registration).
/// </summary>
public sealed class SandboxClientAuthenticator(SandboxAppRegistrations apps, TimeProvider clock)
{
    public const string JwtBearerAssertionType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    private static readonly JsonWebTokenHandler Handler = new();

    /// <summary>The authenticated app, or the error to answer.</summary>
    public async Task<(SandboxApplication? App, EntraError? Error)> AuthenticateAsync(HttpRequest request, IFormCollection form, Uri tokenEndpoint,
        CancellationToken cancellationToken)
    {
        var (basicId, basicSecret) = BasicCredentials(request);
        var clientId = basicId ?? form["client_id"].ToString();
        if (clientId.Length == 0)
        {
            return (null, EntraErrors.MissingParameter("client_id"));
        }
        var app = Guid.TryParse(clientId, out var id) ? await apps.FindByClientIdAsync(id, cancellationToken) : null;
        if (app is null)
        {
            return (null, EntraErrors.ApplicationNotFound(clientId));
        }

        var secret = basicSecret ?? form["client_secret"].ToString();
        if (secret.Length > 0)
        {
            var hash = SandboxAppRegistrations.HashSecret(secret);
            var match = app.Secrets.FirstOrDefault(s => CryptographicOperations.FixedTimeEquals(
                System.Text.Encoding.ASCII.GetBytes(s.ValueHash), System.Text.Encoding.ASCII.GetBytes(hash)));
            return match is null ? (null, EntraErrors.InvalidSecret(clientId))
                : match.EndDateTime <= clock.GetUtcNow() ? (null, EntraErrors.ExpiredSecret(clientId))
                : (app, null);
        }

        var assertion = form["client_assertion"].ToString();
        if (assertion.Length > 0 && form["client_assertion_type"] == JwtBearerAssertionType)
        {
            var error = await VerifyAssertionAsync(app, assertion, tokenEndpoint);
            return error is null ? (app, null) : (null, error);
        }
        return (null, EntraErrors.NoClientCredential());
    }

    private async Task<EntraError?> VerifyAssertionAsync(SandboxApplication app, string assertion, Uri tokenEndpoint)
    {
        var clientId = app.AppId.ToString();
        JsonWebToken jwt;
        try
        {
            jwt = new JsonWebToken(assertion);
        }
        catch (ArgumentException)
        {
            return EntraErrors.InvalidAssertion("The client assertion is not a JWT.");
        }

        var (certificate, thumbprint) = FindCertificate(app, jwt);
        if (certificate is null)
        {
            return EntraErrors.CertificateNotRegistered(thumbprint, clientId);
        }
        var now = clock.GetUtcNow();
        if (certificate.EndDateTime <= now || certificate.StartDateTime > now)
        {
            return EntraErrors.CertificateExpired(certificate.Thumbprint, clientId, certificate.StartDateTime, certificate.EndDateTime);
        }
        if (!jwt.TryGetPayloadValue<string>("jti", out var jti) || string.IsNullOrEmpty(jti))
        {
            return EntraErrors.InvalidAssertion("The client assertion has no 'jti' claim.");
        }

        using var x509 = X509CertificateLoader.LoadCertificate(certificate.RawData);
        var result = await Handler.ValidateTokenAsync(assertion, new TokenValidationParameters
        {
            IssuerSigningKey = new X509SecurityKey(x509),
            ValidIssuer = clientId,
            AudienceValidator = (audiences, _, _) => audiences.Any(aud => IsTokenEndpoint(aud, tokenEndpoint)),
            LifetimeValidator = (notBefore, expires, _, _) =>
                expires is not null && expires > now.UtcDateTime.AddMinutes(-5) && (notBefore is null || notBefore <= now.UtcDateTime.AddMinutes(5)),
            ValidateIssuerSigningKey = false,
        });
        if (result.IsValid)
        {
            return jwt.Subject == clientId ? null : EntraErrors.InvalidAssertion("The 'sub' claim must be the client id.");
        }
        return result.Exception switch
        {
            SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException =>
                EntraErrors.InvalidAssertion("The client assertion's signature does not match the registered certificate."),
            SecurityTokenInvalidAudienceException => EntraErrors.InvalidAssertion($"The 'aud' claim must be the token endpoint {tokenEndpoint}."),
            SecurityTokenInvalidIssuerException => EntraErrors.InvalidAssertion("The 'iss' claim must be the client id."),
            SecurityTokenInvalidLifetimeException => EntraErrors.InvalidAssertion("The client assertion has expired."),
            _ => EntraErrors.InvalidAssertion("The client assertion could not be validated."),
        };
    }

    // client_secret_basic: "Basic base64(urlencode(id):urlencode(secret))" (RFC 6749 section 2.3.1).
    private static (string? ClientId, string? Secret) BasicCredentials(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return (null, null);
        }
        try
        {
            var pair = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
            var colon = pair.IndexOf(':', StringComparison.Ordinal);
            return colon < 0 ? (null, null) : (System.Net.WebUtility.UrlDecode(pair[..colon]), System.Net.WebUtility.UrlDecode(pair[(colon + 1)..]));
        }
        catch (FormatException)
        {
            return (null, null);
        }
    }

    private static (SandboxAppCertificate? Certificate, string Thumbprint) FindCertificate(SandboxApplication app, JsonWebToken jwt)
    {
        if (jwt.TryGetHeaderValue<string>("x5t#S256", out var sha256) && sha256.Length > 0)
        {
            var hex = Thumbprint(sha256);
            return (app.Certificates.FirstOrDefault(c => hex is not null && c.Sha256Thumbprint == hex), hex ?? sha256);
        }
        if (jwt.TryGetHeaderValue<string>("x5t", out var sha1) && sha1.Length > 0)
        {
            var hex = Thumbprint(sha1);
            return (app.Certificates.FirstOrDefault(c => hex is not null && c.Thumbprint == hex), hex ?? sha1);
        }
        return (null, "");
    }

    // A thumbprint header is base64url; one that is not names no certificate (Entra: the key was not found).
    private static string? Thumbprint(string header)
    {
        try
        {
            return Convert.ToHexString(Base64UrlEncoder.DecodeBytes(header));
        }
        catch (Exception exception) when (exception is FormatException or ArgumentException)
        {
            return null;
        }
    }

    // The assertion's audience is the token endpoint, with or without a trailing slash, in any of the tenant's forms.
    private static bool IsTokenEndpoint(string audience, Uri tokenEndpoint)
    {
        if (!Uri.TryCreate(audience.TrimEnd('/'), UriKind.Absolute, out var aud)
            || !string.Equals(aud.GetLeftPart(UriPartial.Authority), tokenEndpoint.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        var path = aud.AbsolutePath;
        const string suffix = "/oauth2/v2.0/token";
        if (!path.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        var withoutSuffix = path[..^suffix.Length];
        var tenant = withoutSuffix[(withoutSuffix.LastIndexOf('/') + 1)..];
        var prefix = withoutSuffix[..withoutSuffix.LastIndexOf('/')];
        return SandboxTenant.IsThisTenant(tenant) && (prefix.Length == 0 || prefix.Equals(SandboxTenant.IdentityPath, StringComparison.OrdinalIgnoreCase));
    }
}
