using FlexMail.Domain.EmailTest;
using FlexMail.Domain.MailboxAccess;
using FlexMail.Domain.MailboxAccess.Authorize;
using FlexMail.Portal.Components.Shared;

namespace FlexMail.Portal.Features.Setup;

/// <summary>The status chips of the steps after Save: from the saved authorization and the last test.</summary>
internal static class SetupStatuses
{
    /// <summary>True when the role can reach Graph without another sign-in: authorized as the saved user through the saved app, or application permissions.</summary>
    public static bool Authorized(MailboxAuthorizationStatus status) =>
        status.ApplicationPermissions is not null
        || (status.Authorization is { Status: AuthorizationStatus.Authorized } && !status.AuthorizedAnotherUser && !status.AuthorizedThroughAnotherApplication);

    public static StepStatus Of(TestVerdict? lastTest) => lastTest switch
    {
        null => StepStatus.ToDo,
        TestVerdict.Passed => StepStatus.Ok,
        TestVerdict.Warning => StepStatus.Warning,
        _ => StepStatus.Error,
    };
}
