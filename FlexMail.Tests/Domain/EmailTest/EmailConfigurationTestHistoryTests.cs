using FlexMail.Domain.Audit;
using FlexMail.Domain.EmailTest;
using FlexMail.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace FlexMail.Tests.Domain.EmailTest;

/// <summary>The stored results of Test Email Configuration, on a real SQLite file.</summary>
public sealed class EmailConfigurationTestHistoryTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 11, 27, 9, 30, 0, TimeSpan.Zero);
    private TestDomain _domain = null!;

    private EmailConfigurationTestHistory History => _domain.Get<EmailConfigurationTestHistory>();

    public async Task InitializeAsync() => _domain = await TestDomain.CreateMigratedAsync();

    public async Task DisposeAsync() => await _domain.DisposeAsync();

    [Fact]
    public async Task Save_ReportWithAFailedStep_LastRunReadsBackEveryStepAsShown()
    {
        var report = new EmailConfigurationTestReport(Start, Start.AddSeconds(2),
        [
            new(TestStep.AcquireToken, TestVerdict.Passed, TimeSpan.FromMilliseconds(812), "Entra ID issued a delegated token."),
            new(TestStep.SendTestMail, TestVerdict.Failed, TimeSpan.FromMilliseconds(95), "\"Send a test mail\" failed: ErrorSendAsDenied (HTTP 403).")
            {
                Cause = "svc has no Send As on approvals.", Fix = "Give svc Send As on approvals.", Code = "ErrorSendAsDenied",
                RetryAfter = Start.AddMinutes(1),
            },
        ]);

        var saved = await History.SaveAsync(EmailConfigurationTestRun.From(report, new Actor("Megan Bowen", null), "adele.vance@contoso.test"), CancellationToken.None);
        var last = await History.LastAsync(CancellationToken.None);

        Assert.NotNull(last);
        Assert.Equal((saved.Id, Start, Start.AddSeconds(2), "Megan Bowen", "adele.vance@contoso.test", TestVerdict.Failed),
            (last.Id, last.StartedAt, last.FinishedAt, last.RequestedBy, last.Recipient, last.Verdict));
        Assert.Equal(report.Steps.Select(s => s with { RetryAfter = null }), last.Steps.Select(s =>
            new TestStepResult(s.Step, s.Verdict, TimeSpan.FromMilliseconds(s.DurationMilliseconds), s.Summary) { Cause = s.Cause, Fix = s.Fix, Code = s.Code }));
        Assert.Equal([812L, 95L], last.Steps.Select(s => s.DurationMilliseconds));
    }

    [Fact]
    public async Task Save_MoreRunsThanKept_OnlyTheNewestAreKeptAndLastIsTheNewest()
    {
        for (var i = 0; i < EmailConfigurationTestHistory.Kept + 3; i++)
        {
            var at = Start.AddMinutes(i);
            await History.SaveAsync(EmailConfigurationTestRun.From(new(at, at.AddSeconds(1), []), new Actor("admin", null), $"run{i}@contoso.test"), CancellationToken.None);
        }

        var kept = await History.ListAsync(CancellationToken.None);

        Assert.Equal(EmailConfigurationTestHistory.Kept, kept.Count);
        Assert.Equal($"run{EmailConfigurationTestHistory.Kept + 2}@contoso.test", kept[0].Recipient);
        Assert.Equal("run3@contoso.test", kept[^1].Recipient);
        Assert.Equal(kept[0].Id, (await History.LastAsync(CancellationToken.None))!.Id);
    }

    [Fact]
    public async Task Last_NeverTested_IsNull()
    {
        Assert.Null(await History.LastAsync(CancellationToken.None));
        await using var db = await _domain.Contexts.CreateDbContextAsync();
        Assert.Equal(0, await db.EmailConfigurationTestRuns.CountAsync());
    }
}
