using FlexMail.Domain.Connectivity;
using FlexMail.Domain.OAuthApps;

namespace FlexMail.Portal.Hosting.Hardening;

/// <summary>
/// Where a form posted on the portal may end up besides the portal itself: the identity platform of every cloud
/// FlexMail knows (Microsoft's login hosts, or the sandbox's address when it is on). A sign-in or sign-out started by
/// a form post is redirected there, and browsers apply <c>form-action</c> to that redirect too.
/// </summary>
internal sealed class IdentityProviderOrigins(IMicrosoftCloud cloud)
{
    private IReadOnlyList<string>? _origins;

    public IReadOnlyList<string> Origins => _origins ??= Resolve();

    private IReadOnlyList<string> Resolve()
    {
        try
        {
            return [.. Enum.GetValues<CloudInstance>()
                .Select(instance => WebOrigin.TryFromUrl(cloud.EndpointsFor(instance).AuthorityHost.ToString(), out var origin) ? origin : null)
                .OfType<string>()
                .Distinct(StringComparer.Ordinal)];
        }
        catch (InvalidOperationException)
        {
            // The sandbox is on but the portal has no HTTPS address (a test server): its sign-in is the portal itself.
            return [];
        }
    }
}
