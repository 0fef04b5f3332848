using FlexMail.Domain.Audit;
using FlexMail.Domain.Credentials;
using FlexMail.Domain.EmailTest;
using FlexMail.Domain.MailboxAccess;
using FlexMail.Domain.OAuthApps;
using FlexMail.Domain.Persistence;
using FlexMail.Domain.Settings;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace FlexMail.Tests.Support;

/// <summary>Writes one of every entity with every property set, reads it back in a new context: any provider.</summary>
public static class EntityRoundTrip
{
    private static readonly DateTimeOffset Moment = new(2026, 11, 27, 9, 30, 15, 123, TimeSpan.Zero);

    public static async Task AssertEveryEntityRoundTripsAsync(IDbContextFactory<FlexMailDbContext> contexts)
    {
        var certificate = new Credential
        {
            Name = "Graph app certificate",
            Type = CredentialType.Certificate,
            ProtectedMaterial = "protected-certificate",
            PublicKeyFingerprint = new string('C', 64),
            KeyAlgorithm = "RSA",
            KeySizeBits = 2048,
            Subject = "CN=FlexMail",
            Issuer = "CN=Contoso CA",
            SerialNumber = "0A1B2C3D",
            Sha1Thumbprint = new string('B', 40),
            Sha256Thumbprint = new string('A', 64),
            NotBefore = Moment,
            NotAfter = Moment.AddYears(1),
            CreatedAt = Moment,
        };
        var privateKey = new Credential
        {
            Name = "Graph app private key",
            Type = CredentialType.PrivateKey,
            ProtectedMaterial = "protected-key",
            PublicKeyFingerprint = new string('C', 64),
            KeyAlgorithm = "RSA",
            KeySizeBits = 2048,
            CreatedAt = Moment,
        };
        var application = new OAuthApplication
        {
            Name = "FlexMail production",
            Cloud = CloudInstance.UsGovernmentL4,
            TenantId = "contoso.onmicrosoft.com",
            ClientId = "5d1a6bb6-1e1d-4b5e-9d43-0f1c1f3c2a77",
            PermissionMode = PermissionMode.Application,
            CredentialKind = CredentialKind.Certificate,
            ProtectedClientSecret = "protected-secret",
            ClientSecretHint = "••••Zx9Q",
            ClientSecretExpiresOn = new DateOnly(2027, 11, 27),
            CertificateCredentialId = certificate.Id,
            PrivateKeyCredentialId = privateKey.Id,
            CreatedAt = Moment,
            UpdatedAt = Moment.AddMinutes(5),
        };
        var settings = new EmailSettings
        {
            ServerBaseUrl = "https://flexmail.contoso.com",
            SmtpUser = "svc-flexmail@contoso.com",
            SmtpOAuthApplicationId = application.Id,
            SmtpFromAddress = "approvals@contoso.com",
            IncomingSameAsOutgoing = false,
            ImapUser = "approvals-reader@contoso.com",
            ImapOAuthApplicationId = application.Id,
            EmailApprovalEnabled = true,
            ReplyMailbox = "approvals@contoso.com",
            EmailReplyFolder = "Inbox/FlexMail Replies",
            ApprovalReplyAddress = "approvals@contoso.com",
            ReplyAddressDeliveryConfirmed = true,
            ProcessedMailAction = ProcessedMailAction.Delete,
            ProcessedMailFolder = "Archive/FlexMail",
            PollIntervalSeconds = 120,
            InboxRemovalAcknowledgedBy = "admin@contoso.com",
            InboxRemovalAcknowledgedAt = Moment,
            InboxRemovalAcknowledgedMailbox = "approvals@contoso.com",
            UpdatedAt = Moment,
        };
        var authorization = new MailboxAuthorization
        {
            Role = MailboxRole.Incoming,
            OAuthApplicationId = application.Id,
            UserPrincipalName = "approvals-reader@contoso.com",
            Status = AuthorizationStatus.NeedsReauthorization,
            StatusReason = "AADSTS700082: the refresh token expired after 90 days without use.",
            GrantedScopes = "User.Read Mail.Send Mail.ReadWrite",
            ProtectedTokenCache = "protected-token-cache",
            AuthorizedAt = Moment,
            AuthorizedBy = "admin@contoso.com",
            LastRefreshedAt = Moment.AddHours(1),
        };
        var auditEvent = new AuditEvent
        {
            OccurredAt = Moment,
            Actor = "admin@contoso.com",
            Action = "Settings saved",
            Subject = "Email settings",
            Details = "Changed: SMTP User, SMTP From Address",
        };
        var key = new DataProtectionKey { FriendlyName = "key-1", Xml = "<key id=\"1\" />" };
        var testRun = new EmailConfigurationTestRun
        {
            StartedAt = Moment,
            FinishedAt = Moment.AddSeconds(3),
            RequestedBy = "admin@contoso.com",
            Recipient = "adele.vance@contoso.com",
            Verdict = TestVerdict.Failed,
            Steps =
            [
                new(TestStep.AcquireToken, "Acquire token", TestVerdict.Passed, 1250, "Entra ID issued a delegated token.", null, null, null),
                new(TestStep.SendTestMail, "Send a test mail", TestVerdict.Failed, 310, "\"Send a test mail\" failed: ErrorSendAsDenied (HTTP 403).",
                    "No Send As on approvals@contoso.com.", "Give svc-flexmail Send As on approvals@contoso.com.", "ErrorSendAsDenied"),
            ],
        };

        await using (var db = await contexts.CreateDbContextAsync())
        {
            db.AddRange(certificate, privateKey, application, settings, authorization, auditEvent, key, testRun);
            await db.SaveChangesAsync();
        }

        await using var read = await contexts.CreateDbContextAsync();
        Assert.Equivalent(certificate, await read.Credentials.SingleAsync(c => c.Id == certificate.Id), strict: true);
        Assert.Equivalent(privateKey, await read.Credentials.SingleAsync(c => c.Id == privateKey.Id), strict: true);
        Assert.Equivalent(application, await read.OAuthApplications.SingleAsync(), strict: true);
        Assert.Equivalent(settings, await read.EmailSettings.SingleAsync(), strict: true);
        Assert.Equivalent(authorization, await read.MailboxAuthorizations.SingleAsync(), strict: true);
        Assert.Equivalent(auditEvent, await read.AuditEvents.SingleAsync(e => e.Id == auditEvent.Id), strict: true);
        Assert.Equivalent(testRun, await read.EmailConfigurationTestRuns.SingleAsync(), strict: true);
        Assert.Equivalent(key, await read.DataProtectionKeys.SingleAsync(k => k.FriendlyName == "key-1"), strict: true);
    }

    /// <summary>Two writers of the same authorization: the second, holding a stale stamp, must be refused.</summary>
    public static async Task AssertStaleAuthorizationWriteIsRefusedAsync(IDbContextFactory<FlexMailDbContext> contexts)
    {
        var application = new OAuthApplication { Name = "Concurrency app", TenantId = "contoso.test", ClientId = Guid.NewGuid().ToString() };
        var authorization = new MailboxAuthorization { Role = MailboxRole.Outgoing, OAuthApplicationId = application.Id, UserPrincipalName = "svc@contoso.test" };
        await using (var db = await contexts.CreateDbContextAsync())
        {
            db.AddRange(application, authorization);
            await db.SaveChangesAsync();
        }

        await using var first = await contexts.CreateDbContextAsync();
        await using var second = await contexts.CreateDbContextAsync();
        var firstCopy = await first.MailboxAuthorizations.SingleAsync(a => a.Id == authorization.Id);
        var secondCopy = await second.MailboxAuthorizations.SingleAsync(a => a.Id == authorization.Id);

        firstCopy.ProtectedTokenCache = "cache-from-first";
        firstCopy.ConcurrencyStamp = Guid.NewGuid();
        await first.SaveChangesAsync();

        secondCopy.ProtectedTokenCache = "cache-from-second";
        secondCopy.ConcurrencyStamp = Guid.NewGuid();
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
    }
}
