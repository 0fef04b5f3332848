using FlexMail.Domain.Approvals;
using FlexMail.Portal.Hosting.SignIn;

namespace FlexMail.Portal.Endpoints;

/// <summary>Who calls the integrator API, as the approvals domain names them: the application (or API key) and the key it used.</summary>
internal static class ApiCaller
{
    public static ApprovalOrigin OriginOf(HttpContext context) =>
        ApprovalOrigin.Api(CurrentActor.Of(context.User), ApiKeyClaims.KeyIdOf(context.User));
}
