using System.Collections.Concurrent;

namespace FlexMail.Domain.MailboxAccess.Authorize;

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
