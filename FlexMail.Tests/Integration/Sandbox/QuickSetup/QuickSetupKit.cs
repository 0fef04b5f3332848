using FlexMail.Domain.Audit;
using FlexMail.Domain.OAuthApps;
using FlexMail.Domain.Persistence;
using FlexMail.Domain.Settings;
using FlexMail.Portal.Sandbox.QuickSetup;
using FlexMail.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace FlexMail.Tests.Integration.Sandbox.QuickSetup;

/// <summary>Runs the quick setup on a Kestrel portal as the button does, and reads back what it saved.</summary>
internal sealed class QuickSetupKit(KestrelPortal portal)
{
    public static readonly Actor Admin = new("Megan Bowen", "0b1c2d3e-0005-4000-8000-000000000005");

    /// <summary>The address an admin opens the portal at (the host the local certificate is issued for).</summary>
    public Uri PortalAddress => new($"https://localhost:{portal.HttpsAddress.Port}/");

    public Task<QuickSetupReport> RunAsync(QuickSetupMode mode, bool replaceRealSetup = false, Uri? openedAt = null) =>
        portal.Get<ISandboxQuickSetup>().RunAsync(new QuickSetupRequest(mode, openedAt ?? PortalAddress, Admin, replaceRealSetup), null, CancellationToken.None);

    public Task<SetupOverview> OverviewAsync() => portal.Get<SetupOverviewQuery>().GetAsync(CancellationToken.None);

    public Task<EmailSettingsDraft> SettingsAsync() => portal.Get<EmailSettingsService>().GetDraftAsync(CancellationToken.None);

    public Task<IReadOnlyList<OAuthApplicationSummary>> ApplicationsAsync() => portal.Get<OAuthApplicationService>().ListAsync(CancellationToken.None);

    /// <summary>Saves, through the wizard's service, a setup for a real tenant (contoso.com) as an admin would have made it.</summary>
    public async Task SaveRealSetupAsync()
    {
        var application = Components.OAuthApps.OAuthAppDrafts.Valid("FlexMail production");
        application.Id = Guid.NewGuid();
        var saved = await portal.Get<SetupService>().SaveAsync(application, new EmailSettingsDraft
        {
            ServerBaseUrl = "https://flexmail.contoso.com",
            SmtpUser = "svc-flexmail@contoso.com",
            SmtpOAuthApplicationId = application.Id,
            SmtpFromAddress = "approvals@contoso.com",
        }, Admin, CancellationToken.None);
        Assert.True(saved.Saved, string.Join("; ", saved.ApplicationReport.Issues.Concat(saved.SettingsReport.Issues).Select(i => i.Message)));
    }

    public async Task<List<AuditEvent>> AuditAsync()
    {
        await using var db = await portal.Get<IDbContextFactory<FlexMailDbContext>>().CreateDbContextAsync();
        return await db.AuditEvents.AsNoTracking().ToListAsync();
    }

    public static string Describe(QuickSetupReport report) =>
        report.Refused?.Describe() ?? string.Join(" | ", report.Steps.Select(s => $"{s.Title}: {s.Verdict}: {s.Summary} {s.Fix}"));
}
