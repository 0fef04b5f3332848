using FlexMail.Domain.EmailTest;
using FlexMail.Domain.Mail;
using FlexMail.Domain.OAuthApps;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using static FlexMail.Domain.EmailTest.TestVerdict;

namespace FlexMail.Tests.Domain.EmailTest;

/// <summary>The report's times and verdicts, on a fake clock with a scripted gateway.</summary>
public sealed class EmailConfigurationTestClockTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 27, 9, 30, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(Start);

    [Fact]
    public async Task Run_EveryCallTakesTime_StepDurationsAndReportTimesComeFromTheTimeProvider()
    {
        var gateway = new ScriptedMailGateway(_clock) { CallTime = TimeSpan.FromMilliseconds(250) };
        var tokens = new ScriptedTokenSource(_clock, TimeSpan.FromSeconds(2), () => "opaque-token");

        var report = await Test(gateway).RunAsync(Request(tokens), null, CancellationToken.None);

        Assert.Equal(Start, report.StartedAt);
        Assert.Equal(Start.AddSeconds(3), report.FinishedAt);
        Assert.Equal(TimeSpan.FromSeconds(3), report.Duration);
        Assert.Equal([TimeSpan.FromSeconds(2), .. Enumerable.Repeat(TimeSpan.FromMilliseconds(250), 4)], report.Steps.Select(s => s.Duration));
        Assert.Equal(Passed, report.Verdict);
        Assert.Matches("\"FlexMail test message 2026-11-27 09:30:02 UTC #[0-9a-f]{6}\"", report[TestStep.SendTestMail].Summary);
        Assert.Equal(["WhoAmIAsync", "Send svc@contoso.test as approvals@contoso.test", "Resolve approvals@contoso.test Inbox/FlexMail Replies",
            "List approvals@contoso.test folder-1 1"], gateway.Calls);
    }

    [Fact]
    public async Task Run_WhoAmIWarnsAndReadingFails_VerdictIsTheWorstStep()
    {
        var failure = new MailFailure(MailFailureKind.AccessDenied, "ErrorAccessDenied", 403, "Denied.", "Grant Full Access.");
        var gateway = new ScriptedMailGateway(_clock)
        {
            Me = Result<MailIdentity>.Success(new("Adele Vance", "adele.vance@contoso.test", "adele.vance@contoso.test")),
            Messages = Result<MessagePage>.Failure(failure),
        };
        var test = Test(gateway);

        var warned = await test.RunAsync(Request(new ScriptedTokenSource(_clock, TimeSpan.Zero, () => "t")), null, CancellationToken.None);
        var passedOtherwise = warned with { Steps = [.. warned.Steps.Where(s => s.Step != TestStep.ReadOneMessage)] };
        var allPassed = warned with { Steps = [.. warned.Steps.Where(s => s.Verdict is Passed or Skipped)] };

        Assert.Equal([Passed, Warning, Passed, Passed, Failed], warned.Steps.Select(s => s.Verdict));
        Assert.Equal(Failed, warned.Verdict);
        Assert.Equal(Warning, passedOtherwise.Verdict);
        Assert.Equal(Passed, allPassed.Verdict);
        Assert.Equal("Grant Full Access.", warned[TestStep.ReadOneMessage].Fix);
    }

    [Fact]
    public async Task Run_EmptyReplyFolder_ReadOneMessagePasses()
    {
        var gateway = new ScriptedMailGateway(_clock) { Messages = Result<MessagePage>.Success(new([], null)) };

        var report = await Test(gateway).RunAsync(Request(new ScriptedTokenSource(_clock, TimeSpan.Zero, () => "t")), null, CancellationToken.None);

        Assert.Equal(Passed, report[TestStep.ReadOneMessage].Verdict);
        Assert.Contains("empty folder", report[TestStep.ReadOneMessage].Summary);
    }

    private EmailConfigurationTest Test(IMailGateway gateway) => new((_, _) => gateway, _clock, NullLogger.Instance);

    internal static EmailConfigurationTestRequest Request(IGraphAccessTokenSource tokens) => new(CloudInstance.Global, tokens, PermissionMode.Delegated,
        "svc@contoso.test", "approvals@contoso.test", "adele.vance@contoso.test", "approvals@contoso.test", "Inbox/FlexMail Replies");

    [Fact]
    public void Subject_SameSecondTwice_Differs()
    {
        var now = new DateTimeOffset(2026, 11, 27, 9, 30, 2, TimeSpan.Zero);

        Assert.NotEqual(TestStepTexts.Subject(now), TestStepTexts.Subject(now));
    }

    [Fact]
    public void Failed_WithoutAGraphCode_SaysFailedWithoutAnInternalName()
    {
        var failure = new FlexMail.Domain.Mail.MailFailure(FlexMail.Domain.Mail.MailFailureKind.FolderNotFound, null, null,
            "approvals@contoso.test has no folder Inbox/Nowhere.", "Create it or pick another folder.");

        var result = TestStepTexts.Failed(TestStep.OpenReplyFolder, failure);

        Assert.Equal("\"Open the reply folder\" failed.", result.Summary);
        Assert.Equal(failure.Cause, result.Cause);
    }
}
