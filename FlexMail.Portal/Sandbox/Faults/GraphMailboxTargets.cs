using System.Collections.Concurrent;
using System.Text.Json;
using FlexMail.Portal.Sandbox.Graph;
using FlexMail.Portal.Sandbox.Identity;
using FlexMail.Portal.Sandbox.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FlexMail.Portal.Sandbox.Faults;

/// <summary>
/// Which mailboxes a Graph request targets, and how many requests it makes against each: <c>users/{id|upn}/...</c>
/// targets that user, <c>me/...</c> the token's user, and a <c>$batch</c> each of its sub-requests' mailboxes.
/// Mailboxes are named by their UPN (lower case) whichever way the request addressed them.
/// </summary>
public sealed class GraphMailboxTargets(IDbContextFactory<SandboxDbContext> contexts)
{
    private readonly ConcurrentDictionary<string, string> _names = new(StringComparer.OrdinalIgnoreCase);

    public async Task<IReadOnlyDictionary<ThrottleKey, int>> ReadAsync(HttpRequest request, SandboxAccessToken caller, CancellationToken cancellationToken)
    {
        var demands = new Dictionary<ThrottleKey, int>();
        if (!request.Path.StartsWithSegments(SandboxTenant.GraphPath, out var rest))
        {
            return demands;
        }
        // rest is "/v1.0/..." (or "/beta/..."): drop the version segment.
        var relative = rest.Value!.TrimStart('/');
        var afterVersion = relative.IndexOf('/', StringComparison.Ordinal) is var slash and >= 0 ? relative[(slash + 1)..] : "";
        var urls = IsBatch(request, afterVersion) ? await ReadBatchUrlsAsync(request, cancellationToken) : [afterVersion];
        foreach (var url in urls)
        {
            if (await MailboxAsync(url, caller, cancellationToken) is { } mailbox)
            {
                var key = new ThrottleKey(caller.ClientId, mailbox);
                demands[key] = demands.GetValueOrDefault(key) + 1;
            }
        }
        return demands;
    }

    private static bool IsBatch(HttpRequest request, string path) =>
        HttpMethods.IsPost(request.Method) && string.Equals(path.TrimEnd('/'), "$batch", StringComparison.OrdinalIgnoreCase);

    // The sub-requests' relative URLs; the body is left readable for the $batch endpoint.
    private static async Task<IReadOnlyList<string>> ReadBatchUrlsAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        request.EnableBuffering();
        try
        {
            using var body = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
            if (body.RootElement.ValueKind != JsonValueKind.Object || !body.RootElement.TryGetProperty("requests", out var requests) || requests.ValueKind != JsonValueKind.Array)
            {
                return [];
            }
            return [.. requests.EnumerateArray()
                .Where(r => r.ValueKind == JsonValueKind.Object && r.TryGetProperty("url", out var url) && url.ValueKind == JsonValueKind.String)
                .Select(r => r.GetProperty("url").GetString()!)];
        }
        catch (JsonException)
        {
            return []; // the $batch endpoint answers the malformed body
        }
        finally
        {
            request.Body.Position = 0;
        }
    }

    private async Task<string?> MailboxAsync(string url, SandboxAccessToken caller, CancellationToken cancellationToken) =>
        GraphMailboxes.OwnerSegment(url.Split('?', 2)[0]) switch
        {
            null => null,
            "me" => caller.UserPrincipalName is { Length: > 0 } upn ? upn.ToLowerInvariant() : null,
            var owner => await ResolveAsync(Uri.UnescapeDataString(owner), cancellationToken),
        };

    private async Task<string> ResolveAsync(string idOrName, CancellationToken cancellationToken)
    {
        if (_names.TryGetValue(idOrName, out var known))
        {
            return known;
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        foreach (var user in await db.Users.AsNoTracking().Select(u => new { u.Id, u.UserPrincipalName, u.Mail }).ToListAsync(cancellationToken))
        {
            var upn = user.UserPrincipalName.ToLowerInvariant();
            _names[user.Id.ToString()] = upn;
            _names[user.UserPrincipalName] = upn;
            if (user.Mail is { Length: > 0 } mail)
            {
                _names[mail] = upn;
            }
        }
        return _names.TryGetValue(idOrName, out var found) ? found : idOrName.ToLowerInvariant();
    }
}
