namespace FlexMail.Domain.Mail;

/// <summary>
/// Supplies access tokens for Microsoft Graph to the mail gateway: from a signed-in user's MSAL token cache
/// (delegated permissions) or from the application's own credential (application permissions).
/// </summary>
public interface IGraphAccessTokenSource
{
    /// <summary>A valid Graph access token; throws <see cref="Authorization.TokenAcquisitionException"/> when none can be had.</summary>
    Task<string> GetAccessTokenAsync(CancellationToken cancellationToken);
}
