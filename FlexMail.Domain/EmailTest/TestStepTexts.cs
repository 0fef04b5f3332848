using System.Globalization;
using FlexMail.Domain.Mail;
using FlexMail.Domain.MailboxAccess.Tokens;
using FlexMail.Domain.OAuthApps;

namespace FlexMail.Domain.EmailTest;

/// <summary>
/// The words of the test's steps. Causes and fixes of failures are the token source's and the mail gateway's own
/// (<see cref="EntraFailure"/>, <see cref="MailFailure"/>): reused here, never rewritten.
/// </summary>
internal static class TestStepTexts
{
    public const string TestSubject = "FlexMail test message";

    /// <summary>The test mail's subject: the time, and a short random tag so two tests in the same second differ.</summary>
    public static string Subject(DateTimeOffset now) => $"{TestSubject} {Utc(now)} #{System.Security.Cryptography.RandomNumberGenerator.GetHexString(6, lowercase: true)}";

    public static string Body(EmailConfigurationTestRequest request, DateTimeOffset now) =>
        $"This is a test message from FlexMail's Test Email Configuration, sent {Utc(now)} through Microsoft Graph " +
        $"by the SMTP User {request.SmtpUser} as {request.FromAddress}" +
        (string.IsNullOrWhiteSpace(request.RequestedBy) ? "" : $" at the request of {request.RequestedBy}") +
        ". If you can read it, FlexMail can send email approvals from this mailbox. No reply is needed.";

    public static TestStepResult TokenIssued(string token, PermissionMode mode)
    {
        var claims = TokenClaims.Read(token);
        if (claims is null)
        {
            return new(TestStep.AcquireToken, TestVerdict.Passed, TimeSpan.Zero, "Entra ID issued an access token for Microsoft Graph.");
        }
        var permissions = string.Join(", ", (claims.IsDelegated ? claims.Scopes : claims.Roles).Order(StringComparer.OrdinalIgnoreCase));
        var summary = claims.IsDelegated
            ? $"Entra ID issued a delegated token for {claims.UserPrincipalName ?? "the signed-in user"} with {Listed(permissions)}."
            : $"Entra ID issued an application token with the application permissions {Listed(permissions)}.";
        if (claims.IsDelegated == (mode == PermissionMode.Delegated))
        {
            return new(TestStep.AcquireToken, TestVerdict.Passed, TimeSpan.Zero, summary);
        }
        var actual = claims.IsDelegated ? "delegated" : "application";
        return new(TestStep.AcquireToken, TestVerdict.Warning, TimeSpan.Zero, summary)
        {
            Cause = $"The connection is set to {mode.ToString().ToLowerInvariant()} permissions, but the token carries {actual} permissions.",
            Fix = $"Set the OAuth application's permission mode to {actual}, or authorize the connection the {mode.ToString().ToLowerInvariant()} way.",
        };
    }

    public static TestStepResult TokenRefused(EntraFailure failure) =>
        new(TestStep.AcquireToken, TestVerdict.Failed, TimeSpan.Zero,
            failure.Code is { } code ? $"Entra ID refused to issue a token (AADSTS{code})." : "FlexMail could not get an access token from Entra ID.")
        {
            Cause = failure.Cause,
            Fix = failure.Fix,
            Code = failure.Code is { } c ? $"AADSTS{c.ToString(CultureInfo.InvariantCulture)}" : null,
        };

    public static TestStepResult SignedIn(MailIdentity me, string smtpUser)
    {
        var who = $"{me.DisplayName ?? me.UserPrincipalName} ({me.UserPrincipalName ?? me.Mail})";
        var same = Same(me.UserPrincipalName, smtpUser) || Same(me.Mail, smtpUser);
        return same
            ? new(TestStep.WhoAmI, TestVerdict.Passed, TimeSpan.Zero, $"Signed in as {who}, the SMTP User.")
            : new(TestStep.WhoAmI, TestVerdict.Warning, TimeSpan.Zero, $"Signed in as {who}, not the SMTP User {smtpUser}.")
            {
                Cause = $"The saved sign-in belongs to {me.UserPrincipalName ?? me.Mail}, but the SMTP User is {smtpUser}: FlexMail acts " +
                        $"with {me.UserPrincipalName ?? me.Mail}'s rights (unless {smtpUser} is only another address of the same mailbox).",
                Fix = $"Re-Authorize and sign in as {smtpUser}, or change the SMTP User to {me.UserPrincipalName ?? me.Mail}.",
            };
    }

    public static TestStepResult NoSignedInUser() =>
        new(TestStep.WhoAmI, TestVerdict.Skipped, TimeSpan.Zero, "Skipped: application permissions have no signed-in user.");

    public static TestStepResult SkippedAfter(TestStep step, TestStep failed) =>
        new(step, TestVerdict.Skipped, TimeSpan.Zero, $"Skipped because \"{TestStepResult.Names(failed)}\" failed.");

    public static TestStepResult NoReplyFolder(TestStep step) =>
        new(step, TestVerdict.Skipped, TimeSpan.Zero, "Skipped: email approval is off, so FlexMail reads no reply folder.");

    public static TestStepResult Sent(EmailConfigurationTestRequest request, string subject) =>
        new(TestStep.SendTestMail, TestVerdict.Passed, TimeSpan.Zero,
            $"Sent \"{subject}\" from {request.FromAddress} to {request.TestRecipient}: check that it arrived in {request.TestRecipient}'s Inbox.");

    public static TestStepResult FolderOpened(MailFolder folder, string mailbox) =>
        new(TestStep.OpenReplyFolder, TestVerdict.Passed, TimeSpan.Zero,
            $"Opened {folder.Path} in {mailbox}: {Count(folder.TotalCount, "message")}, {folder.UnreadCount} unread.");

    public static TestStepResult MessageRead(MessagePage page, MailFolder folder, string mailbox)
    {
        if (page.Messages.Count == 0)
        {
            return new(TestStep.ReadOneMessage, TestVerdict.Passed, TimeSpan.Zero,
                $"{folder.Path} in {mailbox} is an empty folder: FlexMail may read it, there is nothing in it yet.");
        }
        var message = page.Messages[0];
        var received = message.ReceivedDateTime is { } at ? $", received {Utc(at)}" : "";
        return new(TestStep.ReadOneMessage, TestVerdict.Passed, TimeSpan.Zero,
            $"Read the newest message in {folder.Path}: \"{message.Subject}\" from {message.From?.Address ?? "an unknown sender"}{received}.");
    }

    /// <summary>A step a problem stopped; a <see cref="MailFailure"/> adds Graph's status, code and Retry-After.</summary>
    public static TestStepResult Failed(TestStep step, Problem problem)
    {
        if (problem is not MailFailure failure)
        {
            return new(step, TestVerdict.Failed, TimeSpan.Zero, $"\"{TestStepResult.Names(step)}\" failed.")
            {
                Cause = problem.Cause,
                Fix = problem.Fix,
            };
        }
        var what = TestStepResult.Names(step);
        var summary = failure.Kind switch
        {
            MailFailureKind.Throttled => $"\"{what}\" was throttled by Microsoft Graph: retry " +
                                         (failure.RetryAfter is { } retry ? $"after {Utc(retry)}." : "in a few minutes."),
            MailFailureKind.ServiceUnavailable when failure.RetryAfter is { } at => $"Microsoft Graph was unavailable: retry after {Utc(at)}.",
            MailFailureKind.TokenUnavailable => $"\"{what}\" failed: no access token ({Code(failure) ?? "Entra ID refused"}).",
            _ => $"\"{what}\" failed{(Code(failure) is { } code ? $": {code}" : "")}{(failure.Status is { } status ? $" (HTTP {status})" : "")}.",
        };
        return new(step, TestVerdict.Failed, TimeSpan.Zero, summary)
        {
            Cause = failure.Cause,
            Fix = failure.Fix,
            Code = Code(failure),
            RetryAfter = failure.RetryAfter,
        };
    }

    private static string? Code(MailFailure failure) =>
        failure.Entra?.Code is { } aadsts ? $"AADSTS{aadsts.ToString(CultureInfo.InvariantCulture)}" : failure.GraphCode;

    private static bool Same(string? left, string right) => string.Equals(left?.Trim(), right.Trim(), StringComparison.OrdinalIgnoreCase);

    private static string Listed(string permissions) => permissions.Length == 0 ? "no permissions" : permissions;

    private static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";

    private static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
}
