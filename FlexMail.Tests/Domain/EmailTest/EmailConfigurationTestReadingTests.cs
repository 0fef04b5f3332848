using FlexMail.Domain.EmailTest;
using FlexMail.Domain.Mail;
using FlexMail.Domain.MailboxAccess.Connections;
using FlexMail.Domain.MailboxAccess.Tokens;
using FlexMail.Domain.OAuthApps;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using static FlexMail.Domain.EmailTest.TestVerdict;

namespace FlexMail.Tests.Domain.EmailTest;

/// <summary>Which connection reads the reply folder, and what happens without one (email approval off).</summary>
public sealed class EmailConfigurationTestReadingTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 27, 9, 30, 0, TimeSpan.Zero));

    [Fact]
    public async Task Run_SeparateReadingConnection_SendsWithTheOutgoingGatewayAndReadsWithTheIncomingOne()
    {
        var sending = new ScriptedMailGateway(_clock);
        var reading = new ScriptedMailGateway(_clock);
        var sendingTokens = Tokens("send");
        var readingTokens = Tokens("read");
        var request = EmailConfigurationTestClockTests.Request(sendingTokens) with
        {
            ReplyMailbox = null,
            ReadingConnection = new MailboxConnection(CloudInstance.Global, readingTokens, PermissionMode.Delegated, "reader@contoso.test"),
        };

        var report = await Test(tokens => tokens == readingTokens ? reading : sending).RunAsync(request, null, CancellationToken.None);

        Assert.Equal([Passed, Passed, Passed, Passed, Passed], report.Steps.Select(s => s.Verdict));
        Assert.Equal(["WhoAmIAsync", "Send svc@contoso.test as approvals@contoso.test"], sending.Calls);
        Assert.Equal(["Resolve reader@contoso.test Inbox/FlexMail Replies", "List reader@contoso.test folder-1 1"], reading.Calls);
        Assert.Contains("in reader@contoso.test", report[TestStep.OpenReplyFolder].Summary);
    }

    [Fact]
    public async Task Run_OutgoingTokenRefusedWithSeparateReadingConnection_SendIsSkippedButTheReplyFolderIsStillRead()
    {
        var reading = new ScriptedMailGateway(_clock);
        var readingTokens = Tokens("read");
        var refused = new ThrowingTokenSource(new EntraFailure(7000215, "The client secret is wrong.", "Enter the secret's value."));
        var request = EmailConfigurationTestClockTests.Request(refused) with
        {
            ReadingConnection = new MailboxConnection(CloudInstance.Global, readingTokens, PermissionMode.Delegated, "reader@contoso.test"),
        };

        var report = await Test(tokens => tokens == readingTokens ? reading : throw new InvalidOperationException("No gateway without a token.")).RunAsync(request, null, CancellationToken.None);

        Assert.Equal([Failed, Skipped, Skipped, Passed, Passed], report.Steps.Select(s => s.Verdict));
        Assert.Equal("AADSTS7000215", report[TestStep.AcquireToken].Code);
        Assert.Contains("\"Acquire token\" failed", report[TestStep.SendTestMail].Summary);
        Assert.Equal(2, reading.Calls.Count);
    }

    [Fact]
    public async Task Run_EmailApprovalOff_ReplyFolderStepsAreSkippedSayingSoAndTheTestPasses()
    {
        var gateway = new ScriptedMailGateway(_clock);
        var request = EmailConfigurationTestClockTests.Request(Tokens("t")) with { ReplyFolder = null, ReplyMailbox = null };

        var report = await Test(_ => gateway).RunAsync(request, null, CancellationToken.None);

        Assert.Equal([Passed, Passed, Passed, Skipped, Skipped], report.Steps.Select(s => s.Verdict));
        Assert.All([report[TestStep.OpenReplyFolder], report[TestStep.ReadOneMessage]],
            step => Assert.Equal("Skipped: email approval is off, so FlexMail reads no reply folder.", step.Summary));
        Assert.Equal(Passed, report.Verdict);
        Assert.DoesNotContain(gateway.Calls, call => call.StartsWith("Resolve", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_TokenRefusedWithEmailApprovalOff_ReplyFolderStepsSayApprovalIsOff()
    {
        var refused = new ThrowingTokenSource(new EntraFailure(700016, "The application was not found.", "Check the Client Id."));
        var request = EmailConfigurationTestClockTests.Request(refused) with { ReplyFolder = "" };

        var report = await Test(_ => throw new InvalidOperationException("No gateway without a token.")).RunAsync(request, null, CancellationToken.None);

        Assert.Equal([Failed, Skipped, Skipped, Skipped, Skipped], report.Steps.Select(s => s.Verdict));
        Assert.Contains("email approval is off", report[TestStep.ReadOneMessage].Summary);
    }

    private ScriptedTokenSource Tokens(string token) => new(_clock, TimeSpan.Zero, () => token);

    private EmailConfigurationTest Test(Func<IGraphAccessTokenSource, IMailGateway> gateways) =>
        new((_, tokens) => gateways(tokens), _clock, NullLogger.Instance);

    private sealed class ThrowingTokenSource(EntraFailure failure) : IGraphAccessTokenSource
    {
        public Task<string> GetAccessTokenAsync(CancellationToken cancellationToken) =>
            Task.FromException<string>(new TokenAcquisitionException(failure));
    }
}
