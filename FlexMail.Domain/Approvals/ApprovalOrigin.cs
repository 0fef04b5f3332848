using FlexMail.Domain.Audit;

namespace FlexMail.Domain.Approvals;

/// <summary>
/// Who is acting and how they reached FlexMail: a person in the portal, an integrator through the API (with the API
/// key it used, whose webhook secret then signs the request's callbacks), or an approver's reply.
/// </summary>
public sealed record ApprovalOrigin(Actor Actor, DecisionVia Via, Guid? ApiKeyId = null)
{
    public static ApprovalOrigin Portal(Actor actor) => new(actor, DecisionVia.Portal);

    public static ApprovalOrigin Api(Actor actor, Guid? apiKeyId) => new(actor, DecisionVia.Api, apiKeyId);

    /// <summary>An approver's reply, read by the reply monitor.</summary>
    public static ApprovalOrigin Email(string address) => new(new Actor(address, null), DecisionVia.Email);
}
