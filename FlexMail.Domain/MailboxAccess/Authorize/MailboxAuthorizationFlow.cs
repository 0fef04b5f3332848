using System.Security.Cryptography;
using System.Text;
using FlexMail.Domain.Audit;
using FlexMail.Domain.Connectivity;
using FlexMail.Domain.Persistence;
using FlexMail.Domain.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace FlexMail.Domain.MailboxAccess.Authorize;

/// <summary>
/// Authorize for a mailbox user (authorization code flow with PKCE): <see cref="StartAsync"/> builds the sign-in URL
/// around a one-time state bound to the admin's browser; <see cref="CompleteAsync"/> checks that state and hands the
/// code to <see cref="AuthorizationCodeRedemption"/>. The admin consent link returns to the same callback without a state:
/// <see cref="AdminConsentReturn"/> answers that.
/// </summary>
public sealed partial class MailboxAuthorizationFlow(
    IDbContextFactory<FlexMailDbContext> contexts,
    MailboxUserSettings userSettings,
    AuthorizationCodeRedemption redemption,
    AdminConsentReturn adminConsent,
    ISecretProtector protector,
    IMicrosoftCloud cloud,
    TimeProvider clock,
    ILogger<MailboxAuthorizationFlow> logger)
{
    public const string DefaultReturnUrl = "/settings/email";

    public static readonly TimeSpan StateLifetime = TimeSpan.FromMinutes(10);

    private const string TryAgain = "Click Authorize (or Re-Authorize) again.";

    /// <param name="startedBy">The signed-in person who clicked Authorize: the authorization, when completed, is recorded as theirs.</param>
    public async Task<Result<Uri>> StartAsync(MailboxRole role, string returnUrl, string browserBinding, Actor startedBy, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(browserBinding);
        ArgumentNullException.ThrowIfNull(startedBy);
        var (setup, problem) = await userSettings.ForRoleAsync(role, cancellationToken);
        if (setup is null)
        {
            return problem!;
        }
        var state = RandomValue();
        var verifier = RandomValue() + RandomValue();
        var scopes = string.Join(' ', [.. setup.GraphScopes, "offline_access", "openid", "profile"]);
        var now = clock.GetUtcNow();

        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            await db.PendingAuthorizations.Where(pending => pending.ExpiresAt < now).ExecuteDeleteAsync(cancellationToken);
            db.PendingAuthorizations.Add(new PendingAuthorization
            {
                StateHash = Hash(state),
                BrowserBindingHash = Hash(browserBinding),
                Role = role,
                OAuthApplicationId = setup.Application.Id,
                UserPrincipalName = setup.UserPrincipalName,
                RequestedScopes = string.Join(' ', setup.GraphScopes),
                RedirectUri = setup.RedirectUri,
                ProtectedCodeVerifier = protector.Protect(verifier),
                StartedBy = startedBy.Name,
                StartedById = startedBy.ObjectId,
                ReturnUrl = IsLocal(returnUrl) ? returnUrl : DefaultReturnUrl,
                CreatedAt = now,
                ExpiresAt = now.Add(StateLifetime),
            });
            await db.SaveChangesAsync(cancellationToken);
        }

        var authority = cloud.EndpointsFor(setup.Application.Cloud).Authority(setup.Application.TenantId);
        var query = string.Join('&',
            Parameter("client_id", setup.Application.ClientId),
            Parameter("response_type", "code"),
            Parameter("redirect_uri", setup.RedirectUri),
            Parameter("response_mode", "query"),
            Parameter("scope", scopes),
            Parameter("state", state),
            Parameter("prompt", "select_account"),
            Parameter("login_hint", setup.UserPrincipalName),
            Parameter("code_challenge", Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)))),
            Parameter("code_challenge_method", "S256"));
        AuthorizeStarted(logger, role, setup.Application.ClientId);
        return new Uri($"{authority.ToString().TrimEnd('/')}/oauth2/v2.0/authorize?{query}");
    }

    /// <param name="actor">
    /// Who is at the callback: the signed-in person, if any. A code is recorded as redeemed by the person who started
    /// the Authorize (the state proves it is their sign-in); an admin consent return, which has no state, by this actor.
    /// </param>
    public async Task<AuthorizationOutcome> CompleteAsync(AuthorizationCallback callback, string? browserBinding, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(callback);
        if (callback.IsAdminConsentReturn)
        {
            return await adminConsent.CompleteAsync(callback, actor, cancellationToken);
        }
        if (string.IsNullOrEmpty(callback.State))
        {
            return Refused("Entra ID sent FlexMail back without the sign-in's state, so the sign-in cannot be matched to an Authorize.", null, DefaultReturnUrl);
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var stateHash = Hash(callback.State);
        var pending = await db.PendingAuthorizations.AsNoTracking().SingleOrDefaultAsync(p => p.StateHash == stateHash, cancellationToken);
        var now = clock.GetUtcNow();
        if (pending is null)
        {
            return Refused("This sign-in link is not known to FlexMail: it expired and was removed, or it was never started here.", null, DefaultReturnUrl);
        }
        if (pending.UsedAt is not null)
        {
            return Refused("This sign-in link was already used: each Authorize can be completed once.", pending.Role, pending.ReturnUrl);
        }
        if (pending.ExpiresAt <= now)
        {
            return Refused($"This sign-in link expired: a sign-in must be finished within {StateLifetime.TotalMinutes:0} minutes of clicking Authorize.",
                pending.Role, pending.ReturnUrl);
        }
        if (string.IsNullOrEmpty(browserBinding) || !CryptographicOperations.FixedTimeEquals(
                Encoding.ASCII.GetBytes(Hash(browserBinding)), Encoding.ASCII.GetBytes(pending.BrowserBindingHash)))
        {
            StateFromAnotherBrowser(logger, pending.Role);
            return Refused("This sign-in was started in another browser (or this browser's cookies were cleared), so FlexMail will not accept it here.",
                pending.Role, pending.ReturnUrl);
        }
        var claimed = await db.PendingAuthorizations
            .Where(p => p.Id == pending.Id && p.UsedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(p => p.UsedAt, now), cancellationToken);
        if (claimed == 0)
        {
            return Refused("This sign-in link was already used: each Authorize can be completed once.", pending.Role, pending.ReturnUrl);
        }
        string verifier;
        try
        {
            verifier = protector.Unprotect(pending.ProtectedCodeVerifier);
        }
        catch (SecretUnreadableException)
        {
            return Refused("This sign-in cannot be finished: FlexMail's data-protection keys changed after it started, so its PKCE " +
                           "verifier can no longer be read. Nothing was saved.", pending.Role, pending.ReturnUrl);
        }
        return await redemption.RedeemAsync(pending, verifier, callback, new Actor(pending.StartedBy, pending.StartedById), cancellationToken);
    }

    /// <summary>
    /// Only paths of this portal: "/x", never "//host" or "/\host" (which browsers treat as another site), and only printable
    /// ASCII (see <see cref="HasOnlyUrlCharacters"/>): a Location header cannot carry anything else, and a browser may read a
    /// look-alike such as the fullwidth solidus in "/／／host" as a slash.
    /// </summary>
    public static bool IsLocal(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl[0] == '/'
        && (returnUrl.Length == 1 || (returnUrl[1] != '/' && returnUrl[1] != '\\'))
        && HasOnlyUrlCharacters(returnUrl);

    /// <summary>
    /// True when every character is printable ASCII other than a space (U+0021 to U+007E): what an address holds once
    /// percent-encoded. Non-ASCII letters ("/café"), look-alikes (U+FF0F) and separators (U+2028) are not.
    /// </summary>
    public static bool HasOnlyUrlCharacters(string value) => value.All(c => c is > ' ' and <= '~');

    /// <summary>The page the callback sends the browser to: the stored return URL when it is local, otherwise the default.</summary>
    public static string SafeReturnUrl(string? returnUrl) => IsLocal(returnUrl) ? returnUrl! : DefaultReturnUrl;

    private static AuthorizationOutcome Refused(string message, MailboxRole? role, string returnUrl) =>
        new(false, message, TryAgain, role, returnUrl);

    private static string Parameter(string name, string value) => $"{name}={Uri.EscapeDataString(value)}";

    private static string RandomValue() => Base64Url(RandomNumberGenerator.GetBytes(32));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    internal static string Hash(string value) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(value)));

    [LoggerMessage(Level = LogLevel.Information, Message = "Authorize started for the {Role} mailbox user with client {ClientId}")]
    private static partial void AuthorizeStarted(ILogger logger, MailboxRole role, string clientId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Authorize callback for the {Role} mailbox user came from another browser and was refused")]
    private static partial void StateFromAnotherBrowser(ILogger logger, MailboxRole role);
}
