using System.Text.Json.Nodes;

namespace FlexMail.Portal.Sandbox.Graph;

/// <summary><c>GET /me</c> and <c>GET /users/{id|userPrincipalName}</c>.</summary>
public sealed class GraphUserHandler(GraphMailboxes mailboxes)
{
    private static readonly string[] ReadOthers = ["User.ReadBasic.All", "User.Read.All", "User.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All"];
    private static readonly string[] ReadSelf = ["User.Read", "User.ReadWrite", .. ReadOthers];

    public async Task<GraphResult> GetAsync(GraphCall call, CancellationToken cancellationToken)
    {
        var user = await mailboxes.FindUserAsync(call, cancellationToken);
        var self = call.Token.IsDelegated && user?.Id == call.Token.UserId;
        if (!(self ? ReadSelf : ReadOthers).Any(call.Token.Allows))
        {
            throw GraphException.InsufficientPrivileges();
        }
        if (user is null)
        {
            throw new GraphException(StatusCodes.Status404NotFound, "Request_ResourceNotFound",
                $"Resource '{call.Owner}' does not exist or one of its queried reference-property objects are not present.");
        }
        var select = GraphJson.Select(call.Request);
        var context = select is null ? "users/$entity" : $"users({string.Join(',', select)})/$entity";
        var body = new JsonObject { ["@odata.context"] = $"{call.Request.GraphBaseUrl}$metadata#{context}" };
        foreach (var (name, value) in GraphJson.User(user, select).ToList())
        {
            body[name] = value?.DeepClone();
        }
        return GraphResult.Ok(body);
    }
}
