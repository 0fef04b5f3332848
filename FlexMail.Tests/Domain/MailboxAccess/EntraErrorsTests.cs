using System.Net.Sockets;
using System.Security.Authentication;
using Azure.Identity;
using FlexMail.Domain.MailboxAccess.Tokens;
using Microsoft.Identity.Client;

namespace FlexMail.Tests.Domain.MailboxAccess;

public sealed class EntraErrorsTests
{
    private const string ClientId = "5d1a6bb6-1e1d-4b5e-9d43-0f1c1f3c2a77";
    private const string Trace = " Trace ID: 0f6c2b8e-3c1d-4c55-9e63-7c1a2f0b4d00 Correlation ID: 5a0e7c7e-91a4-4bd4-8f35-3b1c2a9d7e11 Timestamp: 2026-11-27 21:40:12Z";

    private static MsalServiceException Service(string error, int code, string text) => new(error, $"AADSTS{code}: {text}{Trace}");

    private static AuthenticationFailedException ThroughAzureIdentity(Exception inner) =>
        new("ClientSecretCredential authentication failed: see the inner exception.", inner);

    [Fact]
    public void From_RedirectUriMismatch_NamesTheUriSentAndSaysToAddExactlyIt()
    {
        var error = Service("invalid_request", 50011,
            $"The redirect URI 'https://flexmail.contoso.com/signin-oidc' specified in the request does not match the redirect URIs configured for the application '{ClientId}'. " +
            "Make sure the redirect URI sent in the request matches one added to your application in the Azure portal.");

        var failure = EntraErrors.From(error);

        Assert.Equal(50011, failure.Code);
        Assert.Contains("https://flexmail.contoso.com/signin-oidc", failure.Cause);
        Assert.Contains("add exactly https://flexmail.contoso.com/signin-oidc as a Web redirect URI", failure.Fix);
        Assert.Contains("Server Base URL", failure.Fix);
        Assert.False(failure.NeedsReauthorization);
    }

    [Fact]
    public void From_ConsentMissing_PointsToAdminConsent()
    {
        var error = new MsalUiRequiredException("invalid_grant",
            $"AADSTS65001: The user or administrator has not consented to use the application with ID '{ClientId}' named 'FlexMail'. " +
            "Send an interactive authorization request for this user and resource." + Trace);

        var failure = EntraErrors.From(error);

        Assert.Equal(65001, failure.Code);
        Assert.Contains(ClientId, failure.Cause);
        Assert.Contains("Grant admin consent", failure.Fix);
    }

    [Fact]
    public void From_ConsentMissingWithScopes_NamesTheScopes()
    {
        var error = Service("invalid_grant", 65001,
            $"The user or administrator has not consented to use the application with ID '{ClientId}' named 'FlexMail' for the scopes 'Mail.Send Mail.ReadWrite'.");

        var failure = EntraErrors.From(error);

        Assert.EndsWith("Mail.Send Mail.ReadWrite.", failure.Cause);
    }

    [Fact]
    public void From_InvalidSecretThroughAzureIdentity_SaysTheSecretIdWasPastedNotItsValue()
    {
        var error = ThroughAzureIdentity(Service("invalid_client", 7000215,
            "Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, " +
            $"for a secret added to app '{ClientId}'."));

        var failure = EntraErrors.From(error);

        Assert.Equal(7000215, failure.Code);
        Assert.Contains("you probably pasted the secret ID, not its value", failure.Cause);
        Assert.Contains(ClientId, failure.Cause);
        Assert.Contains("copy the Value column", failure.Fix);
    }

    [Fact]
    public void From_ExpiredSecret_SaysToCreateANewOneAndSaveIt()
    {
        var error = ThroughAzureIdentity(Service("invalid_client", 7000222,
            $"The provided client secret keys for app '{ClientId}' are expired. Visit the Azure portal to create new keys for your app: https://aka.ms/NewClientSecret."));

        var failure = EntraErrors.From(error);

        Assert.Equal(7000222, failure.Code);
        Assert.Contains("has expired", failure.Cause);
        Assert.Contains("create a new client secret", failure.Fix);
        Assert.Contains("save it", failure.Fix);
    }

    [Fact]
    public void From_CertificateNotRegistered_NamesTheThumbprintAndSaysToUploadThePublicPart()
    {
        var error = Service("invalid_client", 700027,
            "The certificate with identifier used to sign the client assertion is not registered on application. " +
            "[Reason - The key was not found., Thumbprint of key used by client: '3F2A1C9E0B7D4A6F8E5C2B1A0D9F8E7C6B5A4D3C', " +
            $"Please visit the Azure Portal, Graph Explorer or directly use MS Graph to see configured keys for app Id '{ClientId}'.]");

        var failure = EntraErrors.From(error);

        Assert.Equal(700027, failure.Code);
        Assert.Contains("thumbprint 3F2A1C9E0B7D4A6F8E5C2B1A0D9F8E7C6B5A4D3C", failure.Cause);
        Assert.Contains("not registered on the app", failure.Cause);
        Assert.Contains("Upload the certificate's public part", failure.Fix);
    }

    [Fact]
    public void From_CertificateRefusedWithoutThumbprintInText_NamesTheOneFlexMailUsed()
    {
        var error = Service("invalid_client", 700027, "Client assertion failed signature validation.");

        var failure = EntraErrors.From(error, new EntraErrorContext(CertificateThumbprint: "ABCDEF0123"));

        Assert.Contains("thumbprint ABCDEF0123", failure.Cause);
    }

    [Fact]
    public void From_RegisteredCertificateExpired_SaysToUploadANewOne()
    {
        var error = Service("invalid_client", 700027,
            "Client assertion contains an invalid signature. [Reason - The key used is expired., Thumbprint of key used by client: " +
            "'3F2A1C9E0B7D4A6F8E5C2B1A0D9F8E7C6B5A4D3C', Found key 'Start=2025-01-01T00:00:00.0000000Z, End=2026-01-01T00:00:00.0000000Z', " +
            $"Please visit the Azure Portal to see configured keys for app Id '{ClientId}'.]");

        var failure = EntraErrors.From(error);

        Assert.Equal(700027, failure.Code);
        Assert.Contains("has expired", failure.Cause);
        Assert.Contains("upload its public part", failure.Fix);
    }

    [Fact]
    public void From_RefreshTokenIdle90Days_NeedsReauthorization()
    {
        var error = new MsalUiRequiredException("invalid_grant",
            "AADSTS700082: The refresh token has expired due to inactivity. The token was issued on 2026-08-01T09:00:00.0000000Z and was inactive for 90.00:00:00." + Trace);

        var failure = EntraErrors.From(error);

        Assert.Equal(700082, failure.Code);
        Assert.True(failure.NeedsReauthorization);
        Assert.Contains("90 days", failure.Cause);
        Assert.Contains("Re-Authorize", failure.Fix);
    }

    [Fact]
    public void From_GrantRevoked_NeedsReauthorizationAndMentionsPasswordChange()
    {
        var error = new MsalUiRequiredException("invalid_grant",
            "AADSTS50173: The provided grant has expired due to it being revoked, a fresh auth token is needed. The user might have changed or reset their password. " +
            "The grant was issued on '2026-10-01T09:00:00.0000000Z' and the TokensValidFrom date (before which tokens are not valid) for this user is '2026-11-20T08:00:00.0000000Z'." + Trace);

        var failure = EntraErrors.From(error);

        Assert.Equal(50173, failure.Code);
        Assert.True(failure.NeedsReauthorization);
        Assert.Contains("password", failure.Cause);
        Assert.Contains("Re-Authorize", failure.Fix);
    }

    [Fact]
    public void From_TenantNotFound_NamesTheTenantAndSaysToCheckTenantId()
    {
        var error = Service("invalid_request", 90002,
            "Tenant 'contoso.example' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.");

        var failure = EntraErrors.From(error);

        Assert.Equal(90002, failure.Code);
        Assert.Contains("contoso.example", failure.Cause);
        Assert.Contains("Tenant Id", failure.Fix);
    }

    [Fact]
    public void From_ApplicationNotFound_SaysToCheckClientIdAndTenantId()
    {
        var error = Service("unauthorized_client", 700016,
            $"Application with identifier '{ClientId}' was not found in the directory 'Contoso'. This can happen if the application has not been installed by the administrator of the tenant.");

        var failure = EntraErrors.From(error);

        Assert.Equal(700016, failure.Code);
        Assert.Contains($"Client Id {ClientId}", failure.Cause);
        Assert.Contains("tenant Contoso", failure.Cause);
        Assert.Contains("Client Id and Tenant Id", failure.Fix);
    }

    [Theory]
    [InlineData(50076, "Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access '00000003-0000-0000-c000-000000000000'.")]
    [InlineData(50079, "Due to a configuration change made by your administrator, or because you moved to a new location, you must enroll in multi-factor authentication to access '00000003-0000-0000-c000-000000000000'.")]
    public void From_MfaRequired_AsksForAnInteractiveSignIn(int code, string text)
    {
        var failure = EntraErrors.From(new MsalUiRequiredException("invalid_grant", $"AADSTS{code}: {text}{Trace}"));

        Assert.Equal(code, failure.Code);
        Assert.Contains("multi-factor", failure.Cause);
        Assert.True(failure.NeedsReauthorization);
    }

    [Fact]
    public void From_ConditionalAccess_ExplainsThePolicyBlock()
    {
        var error = Service("access_denied", 53003, "Access has been blocked by Conditional Access policies. The access policy does not allow token issuance.");

        var failure = EntraErrors.From(error);

        Assert.Equal(53003, failure.Code);
        Assert.Contains("Conditional Access", failure.Cause);
        Assert.Contains("sign-in logs", failure.Fix);
    }

    [Fact]
    public void From_UnknownCode_KeepsTheAadstsTextVerbatim_AndItsTraceIdsApart()
    {
        var error = ThroughAzureIdentity(Service("invalid_request", 50126, "Error validating credentials due to invalid username or password."));

        var failure = EntraErrors.From(error);

        Assert.Equal(50126, failure.Code);
        Assert.EndsWith("AADSTS50126: Error validating credentials due to invalid username or password.", failure.Cause);
        Assert.DoesNotContain("Trace ID", failure.Cause);
        Assert.Equal(Trace.Trim(), failure.Trace);
        Assert.Contains("login.microsoftonline.com/error", failure.Fix);
    }

    [Fact]
    public void From_TlsFailure_NamesTheHostAndTheUntrustedCertificate()
    {
        var error = ThroughAzureIdentity(new HttpRequestException("The SSL connection could not be established, see inner exception.",
            new AuthenticationException("The remote certificate is invalid because of errors in the certificate chain: UntrustedRoot")));

        var failure = EntraErrors.From(error, new EntraErrorContext(new Uri("https://login.microsoftonline.us/")));

        Assert.Null(failure.Code);
        Assert.Contains("login.microsoftonline.us", failure.Cause);
        Assert.Contains("trusted HTTPS connection", failure.Cause);
        Assert.False(failure.NeedsReauthorization);
    }

    [Fact]
    public void From_ConnectionRefused_SaysTheAuthorityCannotBeReached()
    {
        var error = new HttpRequestException("Connection refused (login.microsoftonline.com:443)", new SocketException((int)SocketError.ConnectionRefused));

        var failure = EntraErrors.From(error, new EntraErrorContext(new Uri("https://login.microsoftonline.com/")));

        Assert.Null(failure.Code);
        Assert.StartsWith("FlexMail could not reach login.microsoftonline.com", failure.Cause);
        Assert.Contains("firewall", failure.Fix);
    }

    [Fact]
    public void From_NoAccountForSilentSignIn_NeedsReauthorization()
    {
        var error = new MsalUiRequiredException(MsalError.UserNullError, "No account or login hint was passed to the AcquireTokenSilent call.");

        var failure = EntraErrors.From(error);

        Assert.Null(failure.Code);
        Assert.True(failure.NeedsReauthorization);
    }
}
