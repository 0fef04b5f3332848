using FlexMail.Domain.Audit;
using FlexMail.Domain.EmailTest;
using FlexMail.Domain.MailboxAccess;
using FlexMail.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace FlexMail.Tests.Components.EmailTest;

/// <summary>
/// A Test Email Configuration whose token request Entra ID refuses (sessions revoked): like the real test, it marks the
/// saved authorization Needs re-authorization, and reports the failed step.
/// </summary>
internal sealed class SessionsRevokedTestRunner(TestDomain domain) : IEmailConfigurationTestRunner
{
    public const string Reason = "The saved sign-in was revoked. (AADSTS50173)";

    /// <summary>Saves an authorization of the outgoing role as Authorized, as a successful Authorize leaves it.</summary>
    public static async Task SaveAuthorizedAsync(TestDomain domain, Guid applicationId, string user)
    {
        await using var db = await domain.Contexts.CreateDbContextAsync();
        db.MailboxAuthorizations.Add(new MailboxAuthorization
        {
            Role = MailboxRole.Outgoing, OAuthApplicationId = applicationId, UserPrincipalName = user,
            Status = AuthorizationStatus.Authorized, GrantedScopes = "User.Read Mail.Send", ProtectedTokenCache = "protected",
            AuthorizedAt = new DateTimeOffset(2026, 11, 2, 9, 30, 0, TimeSpan.Zero), AuthorizedBy = "Megan Bowen",
        });
        await db.SaveChangesAsync();
    }

    public Task<string> DefaultRecipientAsync(CancellationToken cancellationToken) => Task.FromResult("svc-flexmail@contoso.com");

    public Task<EmailConfigurationTestRun?> LastRunAsync(CancellationToken cancellationToken) => Task.FromResult<EmailConfigurationTestRun?>(null);

    public async Task<EmailConfigurationTestOutcome> RunAsync(string? recipient, Actor requestedBy, IProgress<TestStepResult>? progress,
        CancellationToken cancellationToken)
    {
        await using (var db = await domain.Contexts.CreateDbContextAsync(cancellationToken))
        {
            var authorization = await db.MailboxAuthorizations.SingleAsync(cancellationToken);
            authorization.Status = AuthorizationStatus.NeedsReauthorization;
            authorization.StatusReason = Reason;
            await db.SaveChangesAsync(cancellationToken);
        }
        var step = new TestStepResult(TestStep.AcquireToken, TestVerdict.Failed, TimeSpan.FromMilliseconds(80), "Entra ID refused to issue a token (AADSTS50173).");
        progress?.Report(step);
        var at = new DateTimeOffset(2026, 11, 27, 9, 30, 0, TimeSpan.Zero);
        var report = new EmailConfigurationTestReport(at, at.AddSeconds(1), [step]);
        return EmailConfigurationTestOutcome.Ran(report, EmailConfigurationTestRun.From(report, requestedBy, recipient ?? "svc-flexmail@contoso.com"));
    }
}
