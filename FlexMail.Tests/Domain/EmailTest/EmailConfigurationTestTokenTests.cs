using System.Text;
using FlexMail.Domain.EmailTest;
using FlexMail.Domain.OAuthApps;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using static FlexMail.Domain.EmailTest.TestVerdict;

namespace FlexMail.Tests.Domain.EmailTest;

/// <summary>What the token step says about the token it got: whose, which permissions, and a mode that does not match.</summary>
public sealed class EmailConfigurationTestTokenTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 27, 9, 30, 0, TimeSpan.Zero));

    [Fact]
    public async Task Run_DelegatedToken_SummaryNamesTheUserAndScopes()
    {
        var step = await TokenStepAsync(PermissionMode.Delegated, """{"upn":"svc@contoso.test","scp":"User.Read Mail.Send"}""");

        Assert.Equal(Passed, step.Verdict);
        Assert.Equal("Entra ID issued a delegated token for svc@contoso.test with Mail.Send, User.Read.", step.Summary);
    }

    [Fact]
    public async Task Run_ApplicationTokenForDelegatedConnection_WarnsThatTheModeDoesNotMatch()
    {
        var step = await TokenStepAsync(PermissionMode.Delegated, """{"roles":["Mail.Send"]}""");

        Assert.Equal(Warning, step.Verdict);
        Assert.Contains("the application permissions Mail.Send", step.Summary);
        Assert.Contains("set to delegated permissions, but the token carries application permissions", step.Cause);
    }

    private async Task<TestStepResult> TokenStepAsync(PermissionMode mode, string payload)
    {
        var token = $"{Encode("""{"alg":"RS256","typ":"JWT"}""")}.{Encode(payload)}.c2ln";
        var request = EmailConfigurationTestClockTests.Request(new ScriptedTokenSource(_clock, TimeSpan.Zero, () => token)) with { PermissionMode = mode };
        var test = new EmailConfigurationTest((_, _) => new ScriptedMailGateway(_clock), _clock, NullLogger.Instance);

        var report = await test.RunAsync(request, null, CancellationToken.None);

        return report[TestStep.AcquireToken];
    }

    private static string Encode(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
