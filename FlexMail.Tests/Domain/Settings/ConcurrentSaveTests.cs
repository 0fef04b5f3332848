using FlexMail.Domain.Audit;
using FlexMail.Domain.OAuthApps;
using FlexMail.Domain.Settings;
using FlexMail.Domain.Validation;
using FlexMail.Tests.Domain.OAuthApps;
using FlexMail.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace FlexMail.Tests.Domain.Settings;

/// <summary>Two tabs open the same settings (or application) and both save: the second is refused, never a lost update.</summary>
public sealed class ConcurrentSaveTests : IAsyncLifetime
{
    private static readonly Actor First = new("Megan Bowen", "0b1c2d3e-0005-4000-8000-000000000005");
    private static readonly Actor Second = new("Alex Wilber", "0b1c2d3e-0006-4000-8000-000000000006");
    private TestDomain _domain = null!;
    private Guid _applicationId;

    private EmailSettingsService Settings => _domain.Get<EmailSettingsService>();

    private OAuthApplicationService Applications => _domain.Get<OAuthApplicationService>();

    public async Task InitializeAsync()
    {
        _domain = await TestDomain.CreateMigratedAsync();
        _applicationId = (await Applications.SaveAsync(OAuthApplicationValidatorTests.ValidSecretDraft(), First, CancellationToken.None)).Value!.Id;
        Assert.True((await Settings.SaveAsync(EmailSettingsValidatorTests.ValidDraft(_applicationId), First, CancellationToken.None)).Succeeded);
    }

    public async Task DisposeAsync() => await _domain.DisposeAsync();

    [Fact]
    public async Task SaveEmailSettings_TwoDraftsFromTheSameVersion_SecondIsRefusedNamingTheOtherValuesAndTheFirstIsKept()
    {
        var firstTab = await Settings.GetDraftAsync(CancellationToken.None);
        var secondTab = await Settings.GetDraftAsync(CancellationToken.None);
        firstTab.ServerBaseUrl = "https://mail.contoso.com";
        firstTab.PollIntervalSeconds = 120;
        secondTab.EmailReplyFolder = "Inbox/Other Replies";
        Assert.True((await Settings.SaveAsync(firstTab, First, CancellationToken.None)).Succeeded);

        var refused = await Settings.SaveAsync(secondTab, Second, CancellationToken.None);

        Assert.False(refused.Succeeded);
        var report = Assert.IsType<ValidationProblem>(refused.Problem).Report;
        var form = report.ErrorFor(Saved.FormField)!;
        Assert.Contains("Someone else saved the email settings after you opened them, so nothing was saved", form);
        Assert.Contains("Server Base URL to \"https://mail.contoso.com\"", form);
        Assert.Contains("Poll interval to \"120 s\"", form);
        Assert.DoesNotContain("Email Reply Folder", form);
        Assert.Contains("\"https://mail.contoso.com\"", report.ErrorFor(nameof(EmailSettingsDraft.ServerBaseUrl)));
        Assert.Contains("it was \"https://flexmail.contoso.com\"", report.ErrorFor(nameof(EmailSettingsDraft.ServerBaseUrl)));
        Assert.Equal("Inbox/Other Replies", secondTab.EmailReplyFolder); // what this person typed stays in the draft
        await using var db = await _domain.Contexts.CreateDbContextAsync();
        var saved = await db.EmailSettings.SingleAsync();
        Assert.Equal(("https://mail.contoso.com", 120, "Inbox/FlexMail Replies"), (saved.ServerBaseUrl, saved.PollIntervalSeconds, saved.EmailReplyFolder));
    }

    [Fact]
    public async Task SaveEmailSettings_AgainAfterTheRefusal_ReplacesTheOtherValuesKnowingly()
    {
        var firstTab = await Settings.GetDraftAsync(CancellationToken.None);
        var secondTab = await Settings.GetDraftAsync(CancellationToken.None);
        firstTab.ServerBaseUrl = "https://mail.contoso.com";
        Assert.True((await Settings.SaveAsync(firstTab, First, CancellationToken.None)).Succeeded);
        secondTab.EmailReplyFolder = "Inbox/Other Replies";
        Assert.False((await Settings.SaveAsync(secondTab, Second, CancellationToken.None)).Succeeded);

        var again = await Settings.SaveAsync(secondTab, Second, CancellationToken.None);

        Assert.True(again.Succeeded);
        await using var db = await _domain.Contexts.CreateDbContextAsync();
        Assert.Equal("Inbox/Other Replies", (await db.EmailSettings.SingleAsync()).EmailReplyFolder);
    }

    [Fact]
    public async Task SaveEmailSettings_OpenedBeforeAnythingWasSavedAndSomeoneSavedFirst_IsRefused()
    {
        await using var fresh = await TestDomain.CreateMigratedAsync();
        var service = fresh.Get<EmailSettingsService>();
        var applicationId = (await fresh.Get<OAuthApplicationService>().SaveAsync(OAuthApplicationValidatorTests.ValidSecretDraft(), First,
            CancellationToken.None)).Value!.Id;
        var firstTab = await service.GetDraftAsync(CancellationToken.None);
        var secondTab = await service.GetDraftAsync(CancellationToken.None);
        Fill(firstTab, EmailSettingsValidatorTests.ValidDraft(applicationId));
        Fill(secondTab, EmailSettingsValidatorTests.ValidDraft(applicationId));
        secondTab.SmtpUser = secondTab.SmtpFromAddress = "other@contoso.com";
        Assert.True((await service.SaveAsync(firstTab, First, CancellationToken.None)).Succeeded);

        var refused = await service.SaveAsync(secondTab, Second, CancellationToken.None);

        Assert.False(refused.Succeeded);
        Assert.Contains("SMTP User to \"svc-flexmail@contoso.com\"", refused.Problem!.Cause);
    }

    [Fact]
    public async Task SaveOAuthApplication_TwoDraftsFromTheSameVersion_SecondIsRefusedNamingTheOtherValuesAndTheFirstIsKept()
    {
        var firstTab = (await Applications.GetDraftAsync(_applicationId, CancellationToken.None))!;
        var secondTab = (await Applications.GetDraftAsync(_applicationId, CancellationToken.None))!;
        firstTab.TenantId = "fabrikam.onmicrosoft.com";
        secondTab.Name = "Renamed in the second tab";
        Assert.True((await Applications.SaveAsync(firstTab, First, CancellationToken.None)).Succeeded);

        var refused = await Applications.SaveAsync(secondTab, Second, CancellationToken.None);

        Assert.False(refused.Succeeded);
        var report = Assert.IsType<ValidationProblem>(refused.Problem).Report;
        Assert.Contains("Tenant Id to \"fabrikam.onmicrosoft.com\"", report.ErrorFor(Saved.FormField));
        Assert.Contains("\"fabrikam.onmicrosoft.com\"", report.ErrorFor(nameof(OAuthApplicationDraft.TenantId)));
        Assert.Equal("Renamed in the second tab", secondTab.Name);
        await using var db = await _domain.Contexts.CreateDbContextAsync();
        var saved = await db.OAuthApplications.SingleAsync();
        Assert.Equal("fabrikam.onmicrosoft.com", saved.TenantId);
        Assert.NotEqual("Renamed in the second tab", saved.Name);
    }

    [Fact]
    public async Task SaveEmailSettings_StaleStampAtTheMomentOfWriting_IsRefusedByTheDatabase()
    {
        await using var db = await _domain.Contexts.CreateDbContextAsync();
        var row = await db.EmailSettings.SingleAsync();
        await using (var other = await _domain.Contexts.CreateDbContextAsync())
        {
            var theirs = await other.EmailSettings.SingleAsync();
            theirs.ConcurrencyStamp = Guid.NewGuid();
            await other.SaveChangesAsync();
        }
        row.SmtpFromAddress = "late@contoso.com";

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync());
    }

    private static void Fill(EmailSettingsDraft target, EmailSettingsDraft values)
    {
        target.ServerBaseUrl = values.ServerBaseUrl;
        target.SmtpUser = values.SmtpUser;
        target.SmtpOAuthApplicationId = values.SmtpOAuthApplicationId;
        target.SmtpFromAddress = values.SmtpFromAddress;
        target.EmailApprovalEnabled = values.EmailApprovalEnabled;
        target.EmailReplyFolder = values.EmailReplyFolder;
    }
}
