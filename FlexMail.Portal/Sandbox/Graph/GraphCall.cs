using FlexMail.Portal.Sandbox.Identity;

namespace FlexMail.Portal.Sandbox.Graph;

/// <summary>
/// A matched, authenticated Graph request: the caller's token, the route values (<c>owner</c>: <c>me</c> or the
/// user segment of <c>users/{id|upn}</c>; <c>folder</c>; <c>message</c>) and the dispatcher (for <c>$batch</c>).
/// </summary>
public sealed record GraphCall(
    GraphRequest Request,
    SandboxAccessToken Token,
    IReadOnlyDictionary<string, string> Values,
    GraphDispatcher Dispatcher)
{
    public string Owner => Values["owner"];

    public string Value(string name) => Values[name];

    public bool IsMe => string.Equals(Owner, "me", StringComparison.OrdinalIgnoreCase);

    public bool Immutable => Request.WantsImmutableIds;
}
