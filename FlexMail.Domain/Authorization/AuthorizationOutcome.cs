using System.Collections.Concurrent;

namespace FlexMail.Domain.Authorization;

/// <summary>How an Authorize ended, for the page the admin is sent back to.</summary>
/// <param name="Succeeded">True when the mailbox user is now authorized.</param>
/// <param name="Message">What happened, in plain words.</param>
/// <param name="Fix">What to do about a failure; null on success.</param>
/// <param name="Role">The role authorized, when known.</param>
/// <param name="ReturnUrl">The local page to send the admin back to.</param>
/// <param name="MissingScopes">The permissions that were not granted, if that was the problem.</param>
/// <param name="AdminConsentLink">The link that grants the permissions for the tenant, when consent was missing.</param>
public sealed record AuthorizationOutcome(
    bool Succeeded, string Message, string? Fix, MailboxRole? Role, string ReturnUrl,
    IReadOnlyList<string>? MissingScopes = null, string? AdminConsentLink = null);

/// <summary>
/// Outcomes of finished Authorizes, kept in memory for a few minutes under a random id that the callback appends to
/// the return URL (<c>?authorization={id}</c>); the page looks it up once to show success or failure.
/// </summary>
public sealed class AuthorizationOutcomes(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<Guid, (AuthorizationOutcome Outcome, DateTimeOffset Expires)> _outcomes = new();

    public Guid Add(AuthorizationOutcome outcome)
    {
        var now = clock.GetUtcNow();
        foreach (var expired in _outcomes.Where(entry => entry.Value.Expires <= now).Select(entry => entry.Key).ToList())
        {
            _outcomes.TryRemove(expired, out _);
        }
        var id = Guid.NewGuid();
        _outcomes[id] = (outcome, now.Add(Lifetime));
        return id;
    }

    /// <summary>The outcome, or null when the id is unknown or expired.</summary>
    public AuthorizationOutcome? Find(Guid id) =>
        _outcomes.TryGetValue(id, out var entry) && entry.Expires > clock.GetUtcNow() ? entry.Outcome : null;
}
