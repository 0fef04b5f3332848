using Azure;
using Azure.Core;
using Azure.Identity;
using FlexMail.Domain.Mail;
using Microsoft.Extensions.Logging;
using Microsoft.Identity.Client;
using LogLevel = Microsoft.Extensions.Logging.LogLevel;

namespace FlexMail.Domain.MailboxAccess.Tokens;

/// <summary>
/// Graph access tokens for application permissions: the app's own credential (client secret or certificate) through
/// Azure.Identity, which keeps the token in memory until shortly before it expires.
/// </summary>
public sealed partial class ApplicationTokenSource : IGraphAccessTokenSource, IDisposable
{
    private readonly TokenCredential _credential;
    private readonly TokenRequestContext _request;
    private readonly EntraErrorContext _context;
    private readonly string _clientId;
    private readonly IDisposable? _ownedCertificate;
    private readonly ILogger _logger;

    internal ApplicationTokenSource(TokenCredential credential, string scope, string clientId, EntraErrorContext context,
        IDisposable? ownedCertificate, ILogger logger)
    {
        _credential = credential;
        _request = new TokenRequestContext([scope]);
        _clientId = clientId;
        _context = context;
        _ownedCertificate = ownedCertificate;
        _logger = logger;
    }

    public async Task<string> GetAccessTokenAsync(CancellationToken cancellationToken)
    {
        try
        {
            var token = await _credential.GetTokenAsync(_request, cancellationToken);
            return token.Token;
        }
        catch (Exception ex) when (ex is AuthenticationFailedException or MsalException or HttpRequestException or RequestFailedException
                                   && !cancellationToken.IsCancellationRequested)
        {
            var failure = EntraErrors.From(ex, _context);
            TokenRefused(_logger, _clientId, failure.Code);
            throw new TokenAcquisitionException(failure, ex);
        }
    }

    public void Dispose() => _ownedCertificate?.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Entra ID refused an application token for client {ClientId} (AADSTS{Code})")]
    private static partial void TokenRefused(ILogger logger, string clientId, int? code);
}
