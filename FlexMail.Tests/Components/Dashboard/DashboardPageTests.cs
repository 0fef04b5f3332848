using Bunit;
using FlexMail.Domain.Audit;
using FlexMail.Domain.EmailTest;
using FlexMail.Domain.MailboxAccess;
using FlexMail.Domain.OAuthApps;
using FlexMail.Portal.Features.Dashboard;
using FlexMail.Portal.Hosting.SignIn;
using FlexMail.Tests.Support;

namespace FlexMail.Tests.Components.Dashboard;

public sealed class DashboardPageTests : DomainComponentTest
{
    [Fact]
    public void SignedInAsSupport_OffersNoWayIntoAdminPages_AndSaysWhoFixesIt()
    {
        SignedIn.SetRoles(PortalRoles.Support).SetPolicies(PortalPolicies.Support);

        var page = Render<DashboardPage>();

        var status = page.WaitForElement("[data-testid=email-status]");
        Assert.Contains("An administrator (role FlexMail.Admin) fixes this.", status.TextContent);
        Assert.DoesNotContain(page.FindAll("a"), link => link.GetAttribute("href") is "setup" or "audit");
        Assert.DoesNotContain("View audit log", page.Markup);
    }

    [Fact]
    public void EmptyDatabase_SaysEmailIsNotConfigured_AndListsWhatIsMissing()
    {
        var page = Render<DashboardPage>();

        var status = page.WaitForElement("[data-testid=email-status]");
        Assert.Contains("Email is not configured yet.", status.TextContent);
        Assert.Contains("an OAuth application", status.TextContent);
        Assert.Contains("an authorized mailbox user", status.TextContent);
        Assert.Equal("0", page.Find("[data-testid='count-OAuth applications']").TextContent.Trim());
        Assert.Contains("No mailbox user has been authorized yet.", page.Markup);
    }

    [Fact]
    public async Task ConfiguredDatabase_ShowsWhoSendsAndTheRealCounts()
    {
        await SeedConfiguredMailboxAsync();
        await SeedLastTestAsync(TestVerdict.Passed);

        var page = Render<DashboardPage>();

        var status = page.WaitForElement("[data-testid=email-status]");
        Assert.Contains("Email is configured", status.TextContent);
        Assert.Contains("svc-flexmail@contoso.test", status.TextContent);
        Assert.Contains("approvals@contoso.test", status.TextContent);
        Assert.Equal("1", page.Find("[data-testid='count-OAuth applications']").TextContent.Trim());
        Assert.Contains("Authorized", page.Markup);
    }

    [Fact]
    public async Task AuthorizationStoppedByAnExpiredSecret_SaysToSaveANewSecretAndOpensOAuthApplications()
    {
        await SeedConfiguredMailboxAsync(AuthorizationStatus.NeedsReauthorization, "The client secret has expired. (AADSTS7000222)");

        var page = Render<DashboardPage>();

        var status = page.WaitForElement("[data-testid=email-status]");
        Assert.Contains("Email has stopped: Entra ID refused the OAuth application's credential.", status.TextContent);
        Assert.Contains("Fix: Save a new client secret (or certificate) for the OAuth application on the OAuth Applications page",
            page.Find("[data-testid=email-status-fix]").TextContent);
        Assert.DoesNotContain("Re-Authorize on Email Settings", status.TextContent);
        var button = Assert.Single(status.QuerySelectorAll("a.mud-button-root"));
        Assert.Equal("Open OAuth Applications", button.TextContent.Trim());
        Assert.Equal("oauth-applications", button.GetAttribute("href"));
    }

    [Fact]
    public async Task AuthorizedButTheLastTestFailed_SaysEmailNeedsAttentionWithTheFailedStepNotConfigured()
    {
        await SeedConfiguredMailboxAsync();
        await SeedLastTestAsync(TestVerdict.Failed);

        var page = Render<DashboardPage>();

        var status = page.WaitForElement("[data-testid=email-status]");
        page.WaitForAssertion(() => Assert.NotNull(status.QuerySelector("[data-testid=email-test-last-run]")));
        Assert.StartsWith("Email needs attention: the last test failed (Send a test mail: Graph refused the message.)", status.TextContent.Trim());
        Assert.DoesNotContain("Email is configured", status.TextContent);
        Assert.Equal("needsattention", status.GetAttribute("data-verdict"));
        Assert.Contains("mud-alert-outlined-warning", status.OuterHtml);
        Assert.Equal("settings/email", status.QuerySelectorAll("a").Single(a => a.TextContent.Trim() == "Open Email Settings").GetAttribute("href"));
    }

    [Fact]
    public async Task AuthorizedAndTestedButTheSecretInUseExpired_SaysEmailNeedsAttentionNamingTheSecret()
    {
        await SeedConfiguredMailboxAsync(secretExpiresOn: DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-3)));
        await SeedLastTestAsync(TestVerdict.Passed);

        var page = Render<DashboardPage>();

        var status = page.WaitForElement("[data-testid=email-status]");
        Assert.Contains("Email needs attention: Client secret of FlexMail expired on", status.TextContent);
        Assert.Equal("oauth-applications", status.QuerySelectorAll("a").Single(a => a.TextContent.Trim() == "Open OAuth Applications").GetAttribute("href"));
    }

    [Fact]
    public async Task AuthorizationNeedingAttention_ShowsItsCauseAndLastRefresh()
    {
        await SeedConfiguredMailboxAsync(AuthorizationStatus.NeedsReauthorization, "AADSTS700082: the refresh token expired.");

        var page = Render<DashboardPage>();

        page.WaitForAssertion(() => Assert.Contains("Needs re-authorization", page.Markup));
        Assert.Contains("AADSTS700082: the refresh token expired.", page.Markup);
        Assert.Contains("last refreshed 2026-11-30 08:15 UTC", page.Markup);
        var status = page.Find("[data-testid=email-status]");
        Assert.Contains("Email has stopped: the SMTP User must sign in again.", status.TextContent);
        Assert.DoesNotContain("not configured", status.TextContent);
        Assert.Contains("AADSTS700082: the refresh token expired.", status.TextContent);
        Assert.Equal("settings/email", status.QuerySelectorAll("a").Single(a => a.TextContent.Trim() == "Open Email Settings").GetAttribute("href"));
        Assert.NotNull(status.QuerySelector("[data-testid=email-test-last-run]"));
    }

    [Fact]
    public async Task SecretExpiringSoonAndExpiredCertificate_AreEachAnnounced()
    {
        await using (var db = await Domain.Contexts.CreateDbContextAsync())
        {
            db.AddRange(
                new OAuthApplication
                {
                    Name = "FlexMail", TenantId = "contoso.test", ClientId = Guid.NewGuid().ToString(), ProtectedClientSecret = "x",
                    ClientSecretExpiresOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(10)),
                },
                new FlexMail.Domain.Credentials.Credential
                {
                    Name = "Old cert", Type = FlexMail.Domain.Credentials.CredentialType.Certificate, ProtectedMaterial = "x",
                    PublicKeyFingerprint = "AA", KeyAlgorithm = "RSA", NotAfter = DateTimeOffset.UtcNow.AddDays(-2),
                },
                new FlexMail.Domain.Credentials.Credential
                {
                    Name = "Fresh cert", Type = FlexMail.Domain.Credentials.CredentialType.Certificate, ProtectedMaterial = "y",
                    PublicKeyFingerprint = "BB", KeyAlgorithm = "RSA", NotAfter = DateTimeOffset.UtcNow.AddYears(1),
                });
            await db.SaveChangesAsync();
        }

        var page = Render<DashboardPage>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=expiry-notice]").Count));
        var notices = string.Join("|", page.FindAll("[data-testid=expiry-notice]").Select(n => n.TextContent));
        Assert.Contains("Client secret of FlexMail expires on", notices);
        Assert.Contains("Certificate Old cert (unused) expired on", notices);
        Assert.DoesNotContain("Fresh cert", notices);
    }

    [Fact]
    public async Task ExpiredCertificates_UnusedOneIsQuietInfo_OneAnApplicationUsesIsAnError()
    {
        await using (var db = await Domain.Contexts.CreateDbContextAsync())
        {
            var used = ExpiredCertificate("Used cert", "AA");
            db.AddRange(
                used,
                ExpiredCertificate("Leftover cert", "BB"),
                new OAuthApplication
                {
                    Name = "Cert app", TenantId = "contoso.test", ClientId = Guid.NewGuid().ToString(),
                    CredentialKind = CredentialKind.Certificate, CertificateCredentialId = used.Id,
                });
            await db.SaveChangesAsync();
        }

        var page = Render<DashboardPage>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=expiry-notice]").Count));
        var unused = page.FindAll("[data-testid=expiry-notice]").Single(n => n.TextContent.Contains("Leftover cert"));
        Assert.Equal("info", unused.GetAttribute("data-severity"));
        Assert.Contains("Certificate Leftover cert (unused) expired on", unused.TextContent);
        Assert.Contains("no OAuth application uses it", unused.TextContent);
        var inUse = page.FindAll("[data-testid=expiry-notice]").Single(n => n.TextContent.Contains("Used cert"));
        Assert.Equal("error", inUse.GetAttribute("data-severity"));
        Assert.DoesNotContain("unused", inUse.TextContent);
    }

    private static FlexMail.Domain.Credentials.Credential ExpiredCertificate(string name, string fingerprint) => new()
    {
        Name = name, Type = FlexMail.Domain.Credentials.CredentialType.Certificate, ProtectedMaterial = "x",
        PublicKeyFingerprint = fingerprint, KeyAlgorithm = "RSA", NotAfter = DateTimeOffset.UtcNow.AddDays(-2),
    };

    [Fact]
    public async Task RecentActivity_ListsTheNewestAuditEvents()
    {
        await Domain.Get<AuditLog>().RecordAsync(new Actor("admin@contoso.test", null), "Settings saved", "Email settings", null, CancellationToken.None);

        var page = Render<DashboardPage>();

        page.WaitForAssertion(() => Assert.Contains("Settings saved", page.Markup));
        Assert.Contains("admin@contoso.test", page.Markup);
    }

    private async Task SeedLastTestAsync(TestVerdict verdict)
    {
        var at = DateTimeOffset.UtcNow.AddMinutes(-5);
        await using var db = await Domain.Contexts.CreateDbContextAsync();
        db.EmailConfigurationTestRuns.Add(new EmailConfigurationTestRun
        {
            StartedAt = at, FinishedAt = at.AddSeconds(2), RequestedBy = "admin@contoso.test", Recipient = "svc-flexmail@contoso.test", Verdict = verdict,
            Steps = [new StoredTestStep(TestStep.SendTestMail, "Send a test mail", verdict, 120,
                verdict == TestVerdict.Failed ? "Graph refused the message." : "Sent.", null, null, null)],
        });
        await db.SaveChangesAsync();
    }

    private async Task SeedConfiguredMailboxAsync(
        AuthorizationStatus status = AuthorizationStatus.Authorized, string? reason = null, DateOnly? secretExpiresOn = null)
    {
        var application = new OAuthApplication
        {
            Name = "FlexMail", TenantId = "contoso.test", ClientId = Guid.NewGuid().ToString(),
            ProtectedClientSecret = secretExpiresOn is null ? null : "x", ClientSecretExpiresOn = secretExpiresOn,
        };
        await using var db = await Domain.Contexts.CreateDbContextAsync();
        db.AddRange(
            application,
            new FlexMail.Domain.Settings.EmailSettings
            {
                SmtpUser = "svc-flexmail@contoso.test",
                SmtpFromAddress = "approvals@contoso.test",
                SmtpOAuthApplicationId = application.Id,
            },
            new MailboxAuthorization
            {
                Role = MailboxRole.Outgoing,
                OAuthApplicationId = application.Id,
                UserPrincipalName = "svc-flexmail@contoso.test",
                Status = status,
                StatusReason = reason,
                AuthorizedAt = DateTimeOffset.UtcNow,
                LastRefreshedAt = new DateTimeOffset(2026, 11, 30, 8, 15, 0, TimeSpan.Zero),
            });
        await db.SaveChangesAsync();
    }
}
