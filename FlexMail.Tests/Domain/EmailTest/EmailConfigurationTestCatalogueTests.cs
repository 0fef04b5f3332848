using FlexMail.Domain.EmailTest;
using FlexMail.Domain.Mail;
using FlexMail.Domain.MailboxAccess.Tokens;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Identity.Client;
using static FlexMail.Domain.EmailTest.TestVerdict;

namespace FlexMail.Tests.Domain.EmailTest;

/// <summary>
/// Every error code the test must explain gives its own cause and fix: AADSTS codes from Entra's own texts through
/// <see cref="EntraErrors"/> (the token step), Graph codes through the gateway's failure mapping (the send step).
/// </summary>
public sealed class EmailConfigurationTestCatalogueTests
{
    private static readonly Dictionary<int, string> Aadsts = new()
    {
        [50011] = "AADSTS50011: The redirect URI 'https://flexmail.contoso.com/flexdeploy/rest/v2/oauth' specified in the request does not match the redirect URIs configured for the application 'c0ffee00-0000-4000-8000-000000000001'.",
        [65001] = "AADSTS65001: The user or administrator has not consented to use the application with ID 'c0ffee00-0000-4000-8000-000000000001' named 'FlexMail'. Send an interactive authorization request for this user and resource.",
        [7000215] = "AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app 'c0ffee00-0000-4000-8000-000000000001'.",
        [7000222] = "AADSTS7000222: The provided client secret keys for app 'c0ffee00-0000-4000-8000-000000000001' are expired.",
        [700027] = "AADSTS700027: The certificate with identifier used to sign the client assertion is not registered on application. [Reason - The key was not found., Thumbprint of key used by client: 'ABCDEF0123456789']",
        [700082] = "AADSTS700082: The refresh token has expired due to inactivity. The token was issued on 2026-08-01T10:00:00Z and was inactive for 90.00:00:00.",
        [50173] = "AADSTS50173: The provided grant has expired due to it being revoked, a fresh auth token is needed.",
        [90002] = "AADSTS90002: Tenant 'contoso.example' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.",
        [700016] = "AADSTS700016: Application with identifier 'c0ffee00-0000-4000-8000-000000000001' was not found in the directory 'Contoso'.",
    };

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 27, 9, 30, 0, TimeSpan.Zero));

    [Fact]
    public async Task Run_EachAadstsCode_TokenStepGivesItsOwnCauseAndFix()
    {
        var steps = new List<TestStepResult>();
        foreach (var (code, text) in Aadsts)
        {
            var failure = EntraErrors.From(new MsalServiceException("invalid_client", text));
            var tokens = new ScriptedTokenSource(_clock, TimeSpan.Zero, () => throw new TokenAcquisitionException(failure));

            var report = await Test(new ScriptedMailGateway(_clock)).RunAsync(EmailConfigurationTestClockTests.Request(tokens), null, CancellationToken.None);

            var step = report[TestStep.AcquireToken];
            Assert.Equal(Failed, step.Verdict);
            Assert.Equal($"AADSTS{code}", step.Code);
            Assert.Contains($"AADSTS{code}", step.Summary);
            steps.Add(step);
        }

        Assert.Equal(Aadsts.Count, steps.Select(s => (s.Cause, s.Fix)).Distinct().Count());
    }

    [Fact]
    public async Task Run_EachGraphFailure_SendStepGivesItsOwnCauseAndFix()
    {
        ODataError[] errors =
        [
            Graph(403, "ErrorAccessDenied"),
            Graph(403, "ErrorSendAsDenied"),
            Graph(404, "MailboxNotEnabledForRESTAPI"),
            Graph(404, "ErrorItemNotFound"),
            Graph(429, "TooManyRequests", ("Retry-After", "120")),
        ];
        var failures = new MailFailures(_clock);
        var op = new MailOperation("Send", "send mail from", "svc@contoso.test", MailAccess.Send) { From = "approvals@contoso.test" };
        var steps = new List<TestStepResult>();
        foreach (var error in errors)
        {
            var failure = failures.From(error, op, claims: null, new Uri("https://graph.microsoft.com/v1.0/"))!;
            var gateway = new ScriptedMailGateway(_clock) { Send = Result.Failure(failure) };

            var report = await Test(gateway).RunAsync(EmailConfigurationTestClockTests.Request(new ScriptedTokenSource(_clock, TimeSpan.Zero, () => "t")),
                null, CancellationToken.None);

            var step = report[TestStep.SendTestMail];
            Assert.Equal(Failed, step.Verdict);
            Assert.Equal(error.Error!.Code, step.Code);
            Assert.Equal(failure.Cause, step.Cause);
            Assert.Equal(failure.Fix, step.Fix);
            steps.Add(step);
        }

        Assert.Equal(errors.Length, steps.Select(s => (s.Cause, s.Fix)).Distinct().Count());
        var throttled = steps[^1];
        Assert.Equal(_clock.GetUtcNow().AddSeconds(120), throttled.RetryAfter);
        Assert.Contains("throttled by Microsoft Graph: retry after 2026-11-27 09:32:00 UTC", throttled.Summary);
    }

    private EmailConfigurationTest Test(IMailGateway gateway) => new((_, _) => gateway, _clock, NullLogger.Instance);

    private static ODataError Graph(int status, string code, params (string Name, string Value)[] headers) => new()
    {
        ResponseStatusCode = status,
        Error = new MainError { Code = code, Message = $"{code} message" },
        ResponseHeaders = headers.ToDictionary(h => h.Name, h => (IEnumerable<string>)[h.Value]),
    };
}
