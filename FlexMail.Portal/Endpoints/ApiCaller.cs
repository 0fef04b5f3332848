using FlexMail.Domain.Approvals;
using FlexMail.Portal.Hosting.SignIn;

namespace FlexMail.Portal.Endpoints;

/// <summary>Who calls the integrator API, as the approvals domain names them: the application (or API key) and the key it used.</summary>
internal static class ApiCaller
{
    /// <summary>The claim that carries the id of the API key a request was authenticated with.</summary>
    public const string ApiKeyIdClaim = "flexmail:api_key_id";

    public static ApprovalOrigin OriginOf(HttpContext context)
    {
        var user = context.User;
        var apiKeyId = Guid.TryParse(user.FindFirst(ApiKeyIdClaim)?.Value, out var id) ? id : (Guid?)null;
        return ApprovalOrigin.Api(CurrentActor.Of(user), apiKeyId);
    }
}
