using System.Security.Cryptography;
using FlexMail.Domain.Audit;
using FlexMail.Domain.MailboxAccess;
using FlexMail.Domain.MailboxAccess.Authorize;

namespace FlexMail.Portal.Sandbox.QuickSetup;

/// <summary>
/// Step 4 (delegated only): Authorize for the SMTP User through the real flow. <see cref="MailboxAuthorizationFlow"/> starts
/// it (one-time state bound to a browser binding, PKCE verifier), the sandbox signs the service user in and issues a code
/// (<see cref="SandboxServiceUserSignIn"/>), and the flow's callback checks the state and binding and redeems the code with
/// MSAL, refusing another account or missing permissions, before it saves and audits the authorization.
/// </summary>
public sealed class AuthorizeServiceUserStep(MailboxAuthorizationFlow flow, SandboxServiceUserSignIn signIn)
{
    private const string TryAgain = "Click Try with the sandbox again; if it fails again, authorize on Email Settings to see the sandbox's pages.";

    public async Task<QuickSetupStepResult> RunAsync(Actor actor, CancellationToken cancellationToken)
    {
        // Stands for the admin's browser: the callback must come with the same value the start was bound to.
        var browserBinding = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
        var started = await flow.StartAsync(MailboxRole.Outgoing, MailboxAuthorizationFlow.DefaultReturnUrl, browserBinding, actor, cancellationToken);
        if (started.Problem is { } notStarted)
        {
            return QuickSetupStepResult.Failed(QuickSetupStep.AuthorizeServiceUser, notStarted.Cause, Fix(notStarted.Fix));
        }
        var (callback, errorPage) = await signIn.SignInAsync(started.Value!, SandboxSeed.ServiceUser, cancellationToken);
        if (callback is null)
        {
            return QuickSetupStepResult.Failed(QuickSetupStep.AuthorizeServiceUser,
                $"The sandbox refused the sign-in before it could send FlexMail back: {errorPage}", TryAgain);
        }
        var outcome = await flow.CompleteAsync(callback, browserBinding, actor, cancellationToken);
        return outcome.Succeeded
            ? QuickSetupStepResult.Passed(QuickSetupStep.AuthorizeServiceUser,
                $"{SandboxSeed.ServiceUser.DisplayName} signed in to the sandbox and consented; {outcome.Message}")
            : QuickSetupStepResult.Failed(QuickSetupStep.AuthorizeServiceUser, outcome.Message, Fix(outcome.Fix));
    }

    private static string Fix(string? fix) => string.IsNullOrWhiteSpace(fix) ? TryAgain : fix;
}
