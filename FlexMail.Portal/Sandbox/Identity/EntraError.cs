using System.Globalization;

namespace FlexMail.Portal.Sandbox.Identity;

/// <summary>An error of the identity platform: the OAuth error code, the AADSTS number and its message.</summary>
public sealed record EntraError(string Error, int Code, string Message, int StatusCode = StatusCodes.Status400BadRequest, string? SubError = null);

/// <summary>The AADSTS errors the sandbox answers, with Entra's wording.</summary>
public static class EntraErrors
{
    private const string DirectoryName = SandboxTenant.DisplayName;

    public static EntraError TenantNotFound(string tenant) => new("invalid_request", 90002,
        $"Tenant '{tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. " +
        "Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.");

    public static EntraError ApplicationNotFound(string clientId) => new("unauthorized_client", 700016,
        $"Application with identifier '{clientId}' was not found in the directory '{DirectoryName}'. This can happen if the application " +
        "has not been installed by the administrator of the tenant or consented to by any user in the tenant. " +
        "You may have sent your authentication request to the wrong tenant.");

    public static EntraError RedirectUriMismatch(string redirectUri, Guid clientId) => new("invalid_request", 50011,
        $"The redirect URI '{redirectUri}' specified in the request does not match the redirect URIs configured for the application " +
        $"'{clientId}'. Make sure the redirect URI sent in the request matches one added to your application in the Azure portal: " +
        "add it under Authentication > Redirect URIs of the app registration. " +
        "Navigate to https://aka.ms/redirectUriMismatchError to learn more about how to fix this.");

    public static EntraError MissingParameter(string name) => new("invalid_request", 900144,
        $"The request body must contain the following parameter: '{name}'.");

    public static EntraError UnsupportedResponseType(string? responseType) => new("unsupported_response_type", 700054,
        $"response_type '{responseType}' is not enabled for the application.");

    public static EntraError PkceMethodNotSupported() => new("invalid_request", 50147,
        "The code_challenge_method 'plain' is not supported; use S256.");

    /// <param name="resource">The resource as the request named it (<c>api://...</c>, a client id, or a scope of an unknown resource).</param>
    public static EntraError ResourceNotFound(string resource) => new("invalid_resource", 500011,
        $"The resource principal named {resource} was not found in the tenant named {DirectoryName}. This can happen if the application " +
        "has not been installed by the administrator of the tenant or consented to by any user in the tenant. " +
        "You might have sent your authentication request to the wrong tenant.");

    /// <summary>The app requires assignment (Enterprise application, "Assignment required?") and the user holds none of its roles.</summary>
    public static EntraError UserNotAssigned(string appName, Guid clientId, string userPrincipalName, string error = "invalid_grant") => new(error, 50105,
        $"Your administrator has configured the application {appName} ('{clientId}') to block users unless they are specifically granted " +
        $"('assigned') access to the application. The signed in user '{userPrincipalName}' is blocked because they are not a direct member " +
        "of a group with access, nor had access directly assigned by an administrator. Please contact your administrator to assign access to this application.");

    /// <summary>Client credentials for a resource that requires assignment, by a client app granted none of its roles.</summary>
    public static EntraError AppNotAssigned(Guid clientId, string clientName, string resource, string resourceName) => new("invalid_grant", 501051,
        $"Application '{clientId}'({clientName}) is not assigned to a role for the application '{resource}'({resourceName}).");

    public static EntraError LoginRequired() => new("login_required", 50058,
        "A silent sign-in request was sent but no user is signed in.");

    public static EntraError UserDeclinedConsent() => new("access_denied", 65004,
        "User declined to consent to access the app.");

    public static EntraError ConsentRequired(Guid clientId, string appName, string? subError = null) => new(
        subError is null ? "consent_required" : "invalid_grant", 65001,
        $"The user or administrator has not consented to use the application with ID '{clientId}' named '{appName}'. " +
        "Send an interactive authorization request for this user and resource.", SubError: subError);

    public static EntraError InvalidSecret(string clientId) => new("invalid_client", 7000215,
        "Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, " +
        $"for a secret added to app '{clientId}'.", StatusCodes.Status401Unauthorized);

    public static EntraError ExpiredSecret(string clientId) => new("invalid_client", 7000222,
        $"The provided client secret keys for app '{clientId}' are expired. Visit the Azure portal to create new keys for your app: " +
        "https://aka.ms/NewClientSecret, or consider using certificate credentials for added security: https://aka.ms/certCreds.",
        StatusCodes.Status401Unauthorized);

    public static EntraError NoClientCredential() => new("invalid_client", 7000218,
        "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.", StatusCodes.Status401Unauthorized);

    public static EntraError CertificateNotRegistered(string thumbprint, string clientId) => new("invalid_client", 700027,
        "The certificate with identifier used to sign the client assertion is not registered on application. " +
        $"[Reason - The key was not found., Thumbprint of key used by client: '{thumbprint}', Please visit the Azure Portal, " +
        $"Graph Explorer or directly use MS Graph to see configured keys for app Id '{clientId}'.]", StatusCodes.Status401Unauthorized);

    public static EntraError CertificateExpired(string thumbprint, string clientId, DateTimeOffset start, DateTimeOffset end) => new("invalid_client", 700027,
        $"Client assertion contains an invalid signature. [Reason - The key used is expired., Thumbprint of key used by client: '{thumbprint}', " +
        $"Found key 'Start={Instant(start)}, End={Instant(end)}', Please visit the Azure Portal to see configured keys for app Id '{clientId}'.]",
        StatusCodes.Status401Unauthorized);

    public static EntraError InvalidAssertion(string reason) => new("invalid_client", 50027,
        $"JWT token is invalid or malformed. [Reason - {reason}]", StatusCodes.Status401Unauthorized);

    public static EntraError InvalidCode() => new("invalid_grant", 9002313,
        "Invalid request. Request is malformed or invalid. - The reason: The provided authorization code is not valid.");

    public static EntraError CodeRedeemed() => new("invalid_grant", 54005,
        "OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.");

    public static EntraError CodeExpired() => new("invalid_grant", 70008,
        "The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource.");

    public static EntraError CodeRedirectMismatch() => new("invalid_grant", 70000,
        "The provided value for the input parameter 'redirect_uri' is not valid: it does not match the redirect URI used to get the authorization code.");

    public static EntraError PkceMismatch() => new("invalid_grant", 501481,
        "The Code_Verifier does not match the code_challenge supplied in the authorization request.");

    public static EntraError InvalidRefreshToken() => new("invalid_grant", 9002313,
        "Invalid request. Request is malformed or invalid. - The reason: The provided refresh token is not valid.");

    public static EntraError RefreshTokenExpired(DateTimeOffset issuedAt, DateTimeOffset expiredAt) => new("invalid_grant", 700082,
        $"The refresh token has expired due to inactivity. The token was issued on {Instant(issuedAt)} and was inactive for " +
        $"{(expiredAt - issuedAt).ToString("c", CultureInfo.InvariantCulture)}.");

    public static EntraError SessionsRevoked(DateTimeOffset issuedAt, DateTimeOffset revokedAt) => new("invalid_grant", 50173,
        "The provided grant has expired due to it being revoked, a fresh auth token is needed. The user might have changed or reset their password. " +
        $"The grant was issued on '{Instant(issuedAt)}' and the TokensValidFrom date (before which tokens are not valid) for this user is '{Instant(revokedAt)}'.",
        SubError: "bad_token");

    public static EntraError UnsupportedGrantType(string? grantType) => new("unsupported_grant_type", 70003,
        $"The app requested an unsupported grant type '{grantType}'.");

    public static EntraError ClientCredentialsScope(string? scope) => new("invalid_scope", 1002012,
        $"The provided value for scope {scope} is not valid. Client credential flows must have a scope value with /.default suffixed " +
        "to the resource identifier (application ID URI).");

    private static string Instant(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture);
}
