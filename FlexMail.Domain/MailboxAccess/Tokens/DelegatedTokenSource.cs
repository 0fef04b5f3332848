using System.Security.Cryptography;
using FlexMail.Domain.Mail;
using FlexMail.Domain.MailboxAccess.Authorize;
using FlexMail.Domain.Persistence;
using FlexMail.Domain.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Identity.Client;
using LogLevel = Microsoft.Extensions.Logging.LogLevel;

namespace FlexMail.Domain.MailboxAccess.Tokens;

/// <summary>
/// Graph access tokens for a mailbox user's delegated authorization: MSAL's silent flow over the token cache saved at
/// Authorize. Every change to the cache (a new access token, a rotated refresh token) is saved back, guarded by the
/// authorization's concurrency stamp; when another portal instance saved first, the newer cache is loaded and the
/// request repeated once. A sign-in Entra ID no longer accepts marks the authorization NeedsReauthorization.
/// </summary>
public sealed partial class DelegatedTokenSource : IGraphAccessTokenSource
{
    /// <summary>The status reason when the saved token cache cannot be decrypted.</summary>
    public const string UnreadableCache = "The saved sign-in can no longer be read (the data-protection keys changed): Re-Authorize.";

    private readonly MailboxRole _role;
    private readonly IDbContextFactory<FlexMailDbContext> _contexts;
    private readonly MsalClientFactory _clients;
    private readonly MailboxUserSettings _settings;
    private readonly ISecretProtector _protector;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;

    internal DelegatedTokenSource(MailboxRole role, IDbContextFactory<FlexMailDbContext> contexts, MsalClientFactory clients,
        MailboxUserSettings settings, ISecretProtector protector, TimeProvider clock, ILogger logger)
    {
        _role = role;
        _contexts = contexts;
        _clients = clients;
        _settings = settings;
        _protector = protector;
        _clock = clock;
        _logger = logger;
    }

    public Task<string> GetAccessTokenAsync(CancellationToken cancellationToken) => GetAccessTokenAsync(forceRefresh: false, cancellationToken);

    /// <summary>A token; with <paramref name="forceRefresh"/> a new one is redeemed with the refresh token even if the cached one is valid.</summary>
    public async Task<string> GetAccessTokenAsync(bool forceRefresh, CancellationToken cancellationToken)
    {
        try
        {
            return await AcquireAsync(forceRefresh, cancellationToken);
        }
        catch (Exception ex) when (IsCacheConflict(ex))
        {
            ConcurrentRefresh(_logger, _role);
            return await AcquireAsync(forceRefresh: false, cancellationToken);
        }
    }

    /// <summary>
    /// Tries the saved sign-in once more, whatever its status (e.g. after an administrator granted the consent whose
    /// absence stopped it): redeems the saved refresh token for a new access token. Null when that worked; otherwise
    /// Entra ID's answer, which is saved as the status reason as on every refusal. The status itself is the caller's to change.
    /// </summary>
    public async Task<EntraFailure?> TryRefreshSavedSignInAsync(CancellationToken cancellationToken)
    {
        MailboxAuthorization? authorization;
        await using (var db = await _contexts.CreateDbContextAsync(cancellationToken))
        {
            authorization = await db.MailboxAuthorizations.AsNoTracking().SingleOrDefaultAsync(a => a.Role == _role, cancellationToken);
        }
        if (authorization is null || string.IsNullOrEmpty(authorization.ProtectedTokenCache))
        {
            return new EntraFailure(null, "There is no saved sign-in to try.", "Click Authorize and sign in as the configured user.",
                NeedsReauthorization: true);
        }
        try
        {
            await AcquireAsync(authorization, forceRefresh: true, cancellationToken);
            return null;
        }
        catch (TokenAcquisitionException ex)
        {
            return ex.Failure;
        }
    }

    private async Task<string> AcquireAsync(bool forceRefresh, CancellationToken cancellationToken) =>
        await AcquireAsync(await LoadAsync(cancellationToken), forceRefresh, cancellationToken);

    private async Task<string> AcquireAsync(MailboxAuthorization authorization, bool forceRefresh, CancellationToken cancellationToken)
    {
        var setup = (await _settings.ForRoleAsync(_role, cancellationToken)).Value;
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var application = await db.OAuthApplications.AsNoTracking().SingleOrDefaultAsync(a => a.Id == authorization.OAuthApplicationId, cancellationToken)
            ?? throw new TokenAcquisitionException(new EntraFailure(null, "The OAuth application of this authorization was deleted.",
                "Choose an OAuth application in the email settings and click Authorize again.", NeedsReauthorization: true));
        var redirectUri = new Uri(setup?.RedirectUri ?? "https://localhost/");
        var scopes = setup?.GraphScopes ?? [.. (authorization.GrantedScopes ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries)];

        using var client = await _clients.CreateAsync(application, redirectUri, cancellationToken);
        var stamp = authorization.ConcurrencyStamp;
        var cache = TokenCacheBinding.Attach(client.Application, await ReadCacheAsync(authorization, cancellationToken));
        cache.Changed = async bytes => stamp = await SaveCacheAsync(authorization.Id, stamp, bytes, cancellationToken);
        try
        {
            var homeAccountId = TokenCacheBinding.HomeAccountId(cache.Current, authorization.UserPrincipalName);
            var account = (homeAccountId is null ? null : await client.Application.GetAccountAsync(homeAccountId))
                          ?? throw new MsalUiRequiredException(MsalError.NoAccountForLoginHint,
                              $"The saved sign-in holds no account for {authorization.UserPrincipalName}.");
            var result = await client.Application.AcquireTokenSilent(scopes, account).WithForceRefresh(forceRefresh).ExecuteAsync(cancellationToken);
            return result.AccessToken;
        }
        catch (MsalException ex) when (!cancellationToken.IsCancellationRequested && !IsCacheConflict(ex))
        {
            var failure = EntraErrors.From(ex, client.ErrorContext);
            TokenRefused(_logger, _role, failure.Code);
            if (failure.NeedsReauthorization || ex is MsalUiRequiredException || failure.Code is 700082 or 50173 or 7000222 or 7000215)
            {
                await MarkNeedsReauthorizationAsync(authorization.Id, failure, cancellationToken);
            }
            throw new TokenAcquisitionException(failure, ex);
        }
    }

    private async Task<MailboxAuthorization> LoadAsync(CancellationToken cancellationToken)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var authorization = await db.MailboxAuthorizations.AsNoTracking().SingleOrDefaultAsync(a => a.Role == _role, cancellationToken);
        if (authorization is null || authorization.Status != AuthorizationStatus.Authorized || string.IsNullOrEmpty(authorization.ProtectedTokenCache))
        {
            var side = _role == MailboxRole.Outgoing ? "SMTP" : "IMAP";
            throw new TokenAcquisitionException(new EntraFailure(null,
                authorization?.Status == AuthorizationStatus.NeedsReauthorization
                    ? $"The {side} User must be authorized again: {authorization.StatusReason}"
                    : $"The {side} User is not authorized yet.",
                "Click Authorize on the email settings page and sign in as the configured user.", NeedsReauthorization: true));
        }
        return authorization;
    }

    /// <summary>
    /// The saved token cache; when it can no longer be decrypted (the data-protection keys changed) the authorization is
    /// marked NeedsReauthorization, since only a new sign-in can replace it.
    /// </summary>
    private async Task<byte[]> ReadCacheAsync(MailboxAuthorization authorization, CancellationToken cancellationToken)
    {
        try
        {
            return Convert.FromBase64String(_protector.Unprotect(authorization.ProtectedTokenCache!));
        }
        catch (Exception ex) when (ex is SecretUnreadableException or CryptographicException or FormatException)
        {
            var failure = new EntraFailure(null, UnreadableCache,
                "Click Re-Authorize on the email settings page and sign in as the configured user.", NeedsReauthorization: true);
            CacheUnreadable(_logger, _role);
            await MarkNeedsReauthorizationAsync(authorization.Id, failure, cancellationToken);
            throw new TokenAcquisitionException(failure, ex);
        }
    }

    /// <summary>Saves the cache if nobody else saved since <paramref name="expectedStamp"/>; returns the new stamp.</summary>
    private async Task<Guid> SaveCacheAsync(Guid id, Guid expectedStamp, byte[] cache, CancellationToken cancellationToken)
    {
        var newStamp = Guid.NewGuid();
        var protectedCache = _protector.Protect(Convert.ToBase64String(cache));
        var now = _clock.GetUtcNow();
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var saved = await db.MailboxAuthorizations
            .Where(a => a.Id == id && a.ConcurrencyStamp == expectedStamp)
            .ExecuteUpdateAsync(set => set
                .SetProperty(a => a.ProtectedTokenCache, protectedCache)
                .SetProperty(a => a.LastRefreshedAt, now)
                .SetProperty(a => a.ConcurrencyStamp, newStamp), cancellationToken);
        return saved == 1 ? newStamp : throw new CacheSavedElsewhereException();
    }

    private async Task MarkNeedsReauthorizationAsync(Guid id, EntraFailure failure, CancellationToken cancellationToken)
    {
        var reason = failure.Code is { } code ? $"{failure.Cause} (AADSTS{code})" : failure.Cause;
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        await db.MailboxAuthorizations.Where(a => a.Id == id)
            .ExecuteUpdateAsync(set => set
                .SetProperty(a => a.Status, AuthorizationStatus.NeedsReauthorization)
                .SetProperty(a => a.StatusReason, reason.Length > 4000 ? reason[..4000] : reason)
                .SetProperty(a => a.ConcurrencyStamp, Guid.NewGuid()), cancellationToken);
        NeedsReauthorization(_logger, _role, failure.Code);
    }

    private static bool IsCacheConflict(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is CacheSavedElsewhereException)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Another instance saved the cache first (its refresh token is the newer one).</summary>
    private sealed class CacheSavedElsewhereException : Exception;

    [LoggerMessage(Level = LogLevel.Information, Message = "The {Role} token cache was saved by another instance first; reloading it")]
    private static partial void ConcurrentRefresh(ILogger logger, MailboxRole role);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Entra ID refused a delegated token for the {Role} mailbox user (AADSTS{Code})")]
    private static partial void TokenRefused(ILogger logger, MailboxRole role, int? code);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The saved token cache of the {Role} mailbox user cannot be decrypted; it must be authorized again")]
    private static partial void CacheUnreadable(ILogger logger, MailboxRole role);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The {Role} mailbox user needs to be authorized again (AADSTS{Code})")]
    private static partial void NeedsReauthorization(ILogger logger, MailboxRole role, int? code);
}
