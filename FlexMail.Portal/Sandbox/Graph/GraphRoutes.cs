namespace FlexMail.Portal.Sandbox.Graph;

/// <summary>A route of the sandbox's Graph: method, path template (segments; <c>{owner}</c> is <c>me</c> or <c>users/{x}</c>) and handler.</summary>
public sealed record GraphRoute(string Method, string Template, Func<GraphCall, CancellationToken, Task<GraphResult>> Handler)
{
    private readonly string[] _segments = Template.Split('/', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Matches a path (segments) and returns the route values, or null.</summary>
    public Dictionary<string, string>? Match(IReadOnlyList<string> path)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var position = 0;
        foreach (var segment in _segments)
        {
            if (segment == "{owner}")
            {
                if (position < path.Count && string.Equals(path[position], "me", StringComparison.OrdinalIgnoreCase))
                {
                    values["owner"] = "me";
                    position++;
                    continue;
                }
                if (position + 1 < path.Count && string.Equals(path[position], "users", StringComparison.OrdinalIgnoreCase))
                {
                    values["owner"] = path[position + 1];
                    position += 2;
                    continue;
                }
                return null;
            }
            if (position >= path.Count)
            {
                return null;
            }
            if (segment.StartsWith('{'))
            {
                values[segment.Trim('{', '}')] = path[position];
            }
            else if (!string.Equals(segment, path[position], StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }
            position++;
        }
        return position == path.Count ? values : null;
    }
}

/// <summary>The route table: which handler serves which Graph v1.0 mail and user path.</summary>
public sealed class GraphRoutes(GraphUserHandler users, GraphFolderHandler folders, GraphMessageHandler messages,
    GraphSendHandler send, GraphDraftHandler drafts, GraphBatchHandler batch, GraphRuleHandler rules)
{
    public IReadOnlyList<GraphRoute> All { get; } =
    [
        new("POST", "$batch", batch.ExecuteAsync),
        new("GET", "{owner}", users.GetAsync),
        new("GET", "{owner}/mailFolders", folders.ListAsync),
        new("POST", "{owner}/mailFolders", folders.CreateAsync),
        new("GET", "{owner}/mailFolders/{folder}", folders.GetAsync),
        new("GET", "{owner}/mailFolders/{folder}/childFolders", folders.ListAsync),
        new("POST", "{owner}/mailFolders/{folder}/childFolders", folders.CreateAsync),
        new("GET", "{owner}/mailFolders/{folder}/messages", messages.ListAsync),
        new("POST", "{owner}/mailFolders/{folder}/messages", drafts.CreateAsync),
        new("GET", "{owner}/mailFolders/{folder}/messageRules", rules.ListAsync),
        new("POST", "{owner}/mailFolders/{folder}/messageRules", rules.CreateAsync),
        new("GET", "{owner}/mailFolders/{folder}/messageRules/{rule}", rules.GetAsync),
        new("PATCH", "{owner}/mailFolders/{folder}/messageRules/{rule}", rules.UpdateAsync),
        new("DELETE", "{owner}/mailFolders/{folder}/messageRules/{rule}", rules.DeleteAsync),
        new("GET", "{owner}/messages", messages.ListAsync),
        new("POST", "{owner}/messages", drafts.CreateAsync),
        .. MessageRoutes("{owner}/messages/{message}", messages, send, drafts),
        .. MessageRoutes("{owner}/mailFolders/{folder}/messages/{message}", messages, send, drafts),
        new("POST", "{owner}/sendMail", send.SendMailAsync),
    ];

    private static IEnumerable<GraphRoute> MessageRoutes(string prefix, GraphMessageHandler messages, GraphSendHandler send, GraphDraftHandler drafts) =>
    [
        new("GET", prefix, messages.GetAsync),
        new("GET", prefix + "/$value", messages.MimeAsync),
        new("PATCH", prefix, messages.UpdateAsync),
        new("DELETE", prefix, messages.DeleteAsync),
        new("POST", prefix + "/move", messages.MoveAsync),
        new("POST", prefix + "/reply", send.ReplyAsync),
        new("POST", prefix + "/replyAll", send.ReplyAllAsync),
        new("POST", prefix + "/send", drafts.SendAsync),
    ];

    /// <summary>The route for a method and path; throws Graph's 400 / 405 when there is none.</summary>
    public (GraphRoute Route, Dictionary<string, string> Values) Find(string method, string path)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var matches = All.Select(route => (Route: route, Values: route.Match(segments))).Where(m => m.Values is not null).ToList();
        if (matches.Count == 0)
        {
            var last = segments.Length == 0 ? "v1.0" : segments[^1];
            throw GraphException.BadRequest($"Resource not found for the segment '{last}'.");
        }
        var match = matches.FirstOrDefault(m => string.Equals(m.Route.Method, method, StringComparison.OrdinalIgnoreCase));
        return match.Route is null
            ? throw new GraphException(StatusCodes.Status405MethodNotAllowed, "Request_BadRequest", $"The HTTP method '{method}' is not allowed on this resource.")
            : (match.Route, match.Values!);
    }
}
