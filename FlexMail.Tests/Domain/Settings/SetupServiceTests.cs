using FlexMail.Domain.Audit;
using FlexMail.Domain.OAuthApps;
using FlexMail.Domain.Settings;
using FlexMail.Tests.Domain.OAuthApps;
using FlexMail.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace FlexMail.Tests.Domain.Settings;

public sealed class SetupServiceTests : IAsyncLifetime
{
    private static readonly Actor Actor = new("admin@contoso.com", "0b1c2d3e-0005-4000-8000-000000000005");
    private TestDomain _domain = null!;

    public async Task InitializeAsync() => _domain = await TestDomain.CreateMigratedAsync();

    public async Task DisposeAsync() => await _domain.DisposeAsync();

    [Fact]
    public async Task Save_ValidApplicationAndSettings_StoresBothAndLinksThem()
    {
        var application = OAuthApplicationValidatorTests.ValidSecretDraft();
        var settings = EmailSettingsValidatorTests.ValidDraft(Guid.Empty);
        settings.SmtpOAuthApplicationId = null;

        var result = await SaveLinkedAsync(application, settings);

        Assert.True(result.Saved);
        var reloaded = await _domain.Get<EmailSettingsService>().GetDraftAsync(CancellationToken.None);
        Assert.Equal(application.Id, reloaded.SmtpOAuthApplicationId);
        Assert.Equal("svc-flexmail@contoso.com", reloaded.SmtpUser);
        Assert.Equal("Inbox/FlexMail Replies", reloaded.EmailReplyFolder);
    }

    [Fact]
    public async Task Save_InvalidSettings_SavesNeitherHalf()
    {
        var application = OAuthApplicationValidatorTests.ValidSecretDraft();
        var settings = EmailSettingsValidatorTests.ValidDraft(Guid.Empty);
        settings.ServerBaseUrl = "http://flexmail.contoso.com";

        var result = await SaveLinkedAsync(application, settings);

        Assert.False(result.Saved);
        Assert.True(result.SettingsReport.HasError(nameof(settings.ServerBaseUrl)));
        await using var db = await _domain.Contexts.CreateDbContextAsync();
        Assert.Empty(await db.OAuthApplications.ToListAsync());
        Assert.Empty(await db.EmailSettings.ToListAsync());
        Assert.DoesNotContain(await db.AuditEvents.Select(e => e.Action).ToListAsync(), action => action.StartsWith("OAuth", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Save_InboxAcknowledgement_IsStoredWithWhoAndWhen_AndClearedWhenNoLongerNeeded()
    {
        var application = OAuthApplicationValidatorTests.ValidSecretDraft();
        var settings = EmailSettingsValidatorTests.ValidDraft(Guid.Empty);
        settings.EmailReplyFolder = "Inbox";
        settings.AcknowledgeInboxRemoval(true);
        await SaveLinkedAsync(application, settings);

        var acknowledged = await _domain.Get<EmailSettingsService>().GetDraftAsync(CancellationToken.None);
        Assert.Equal(Actor.Name, acknowledged.InboxRemovalAcknowledgedBy);
        Assert.NotNull(acknowledged.InboxRemovalAcknowledgedAt);
        Assert.Equal("svc-flexmail@contoso.com", acknowledged.InboxRemovalAcknowledgedMailbox);

        acknowledged.EmailReplyFolder = "Inbox/FlexMail Replies";
        await _domain.Get<EmailSettingsService>().SaveAsync(acknowledged, Actor, CancellationToken.None);
        var moved = await _domain.Get<EmailSettingsService>().GetDraftAsync(CancellationToken.None);
        Assert.Null(moved.InboxRemovalAcknowledgedAt);
        Assert.False(moved.InboxRemovalAcknowledged);
    }

    [Fact]
    public async Task Save_SettingsChange_IsAuditedByFieldName()
    {
        await SaveLinkedAsync(OAuthApplicationValidatorTests.ValidSecretDraft(), EmailSettingsValidatorTests.ValidDraft(Guid.Empty));
        var service = _domain.Get<EmailSettingsService>();
        var draft = await service.GetDraftAsync(CancellationToken.None);
        draft.PollIntervalSeconds = 120;
        draft.SmtpFromAddress = "approvals@contoso.com";
        draft.ApprovalReplyAddress = "svc-flexmail@contoso.com";

        var result = await service.SaveAsync(draft, Actor, CancellationToken.None);

        Assert.True(result.Succeeded);
        await using var db = await _domain.Contexts.CreateDbContextAsync();
        var changed = await db.AuditEvents.SingleAsync(e => e.Action == "Email settings changed");
        Assert.Equal("Changed: SMTP From Address, Approval Reply Address, Poll interval", changed.Details);
    }

    private Task<SetupSaveResult> SaveLinkedAsync(OAuthApplicationDraft application, EmailSettingsDraft settings)
    {
        application.Id = Guid.NewGuid();
        settings.SmtpOAuthApplicationId = application.Id;
        return _domain.Get<SetupService>().SaveAsync(application, settings, Actor, CancellationToken.None);
    }
}
