using FlexMail.Domain.Audit;
using FlexMail.Domain.Credentials;
using FlexMail.Domain.MailboxAccess.Tokens;
using FlexMail.Domain.Persistence;
using FlexMail.Domain.Security;
using FlexMail.Domain.Validation;
using Microsoft.EntityFrameworkCore;

namespace FlexMail.Domain.OAuthApps;

/// <summary>Lists, validates, saves and deletes OAuth applications. Secrets go in protected and never come back.</summary>
public sealed class OAuthApplicationService(
    IDbContextFactory<FlexMailDbContext> contexts,
    ISecretProtector protector,
    OAuthApplicationValidator validator,
    AuditLog audit,
    TimeProvider clock)
{
    private const string Subject = "OAuth application";

    public async Task<IReadOnlyList<OAuthApplicationSummary>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var credentialNames = await db.Credentials.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        var applications = await db.OAuthApplications.AsNoTracking().OrderBy(a => a.Name).ToListAsync(cancellationToken);
        return [.. applications.Select(application => new OAuthApplicationSummary(
            application.Id, application.Name, application.Cloud, application.TenantId, application.ClientId,
            application.PermissionMode, application.CredentialKind,
            application.ProtectedClientSecret is null ? null : application.ClientSecretHint,
            application.ClientSecretExpiresOn,
            NameOf(application.CertificateCredentialId), NameOf(application.PrivateKeyCredentialId)))];

        string? NameOf(Guid? id) => id is { } key && credentialNames.TryGetValue(key, out var name) ? name : null;
    }

    public async Task<OAuthApplicationDraft?> GetDraftAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var application = await db.OAuthApplications.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        return application is null ? null : OAuthApplicationDraft.From(application);
    }

    /// <summary>Every rule, including those that need the database (unique name, credential pair).</summary>
    public async Task<ValidationReport> ValidateAsync(OAuthApplicationDraft draft, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await ValidateAsync(db, draft, cancellationToken);
    }

    public Task<Result<Saved>> SaveAsync(OAuthApplicationDraft draft, Actor actor, CancellationToken cancellationToken) =>
        contexts.SaveStagedAsync(db => StageAsync(db, draft, actor, cancellationToken), () => ValidateAsync(draft, cancellationToken), cancellationToken);

    /// <summary>Validates and applies the draft to <paramref name="db"/> without saving (the caller saves, all or nothing).</summary>
    internal async Task<Result<Saved>> StageAsync(FlexMailDbContext db, OAuthApplicationDraft draft, Actor actor, CancellationToken cancellationToken)
    {
        var report = await ValidateAsync(db, draft, cancellationToken);
        if (report.HasErrors)
        {
            return new ValidationProblem(report);
        }

        var application = draft.Id is { } id ? await db.OAuthApplications.SingleOrDefaultAsync(a => a.Id == id, cancellationToken) : null;
        if (application is not null && draft.LoadedStamp is { } loaded && loaded != application.ConcurrencyStamp)
        {
            return Outdated(draft, application);
        }
        var isNew = application is null;
        application ??= db.OAuthApplications.Add(new OAuthApplication
        {
            Id = draft.Id ?? Guid.NewGuid(),
            Name = "",
            TenantId = "",
            ClientId = "",
            CreatedAt = clock.GetUtcNow(),
        }).Entity;

        var credentialBefore = (application.CredentialKind, application.ProtectedClientSecret, application.CertificateCredentialId, application.PrivateKeyCredentialId);
        var changes = Apply(draft, application);
        if (isNew || changes.Any)
        {
            application.UpdatedAt = clock.GetUtcNow();
            application.ConcurrencyStamp = Guid.NewGuid();
            audit.Stage(db, actor, isNew ? "OAuth application added" : "OAuth application changed", $"{Subject} {application.Name}", changes.ToString());
        }
        if (!isNew && credentialBefore != (application.CredentialKind, application.ProtectedClientSecret, application.CertificateCredentialId, application.PrivateKeyCredentialId))
        {
            await CredentialRefusal.StageResumeAsync(db, application.Id, audit, actor, cancellationToken);
        }
        return new Saved(application.Id, report);
    }

    /// <summary>Code of a refused delete: the application is still in use.</summary>
    public const string InUse = "OAuthApplicationInUse";

    public async Task<Result> DeleteAsync(Guid id, Actor actor, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var application = await db.OAuthApplications.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (application is null)
        {
            return Result.Done;
        }
        var usedBySettings = await db.EmailSettings.AnyAsync(
            s => s.SmtpOAuthApplicationId == id || s.ImapOAuthApplicationId == id, cancellationToken);
        var usedByAuthorization = await db.MailboxAuthorizations.AnyAsync(a => a.OAuthApplicationId == id, cancellationToken);
        if (usedBySettings || usedByAuthorization)
        {
            return new Problem(InUse,
                $"{application.Name} is used by the email settings: choose another SMTP/IMAP OAuth Application there first.");
        }
        db.OAuthApplications.Remove(application);
        audit.Stage(db, actor, "OAuth application deleted", $"{Subject} {application.Name}", null);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Done;
    }

    /// <summary>
    /// Refuses a save on an out-of-date copy, naming what the other person changed. The draft then carries the current
    /// version: saving it again replaces their values knowingly.
    /// </summary>
    private static ValidationProblem Outdated(OAuthApplicationDraft draft, OAuthApplication current)
    {
        var now = OAuthApplicationDraft.From(current);
        var refused = ConcurrentEdit.Refused($"the OAuth application {current.Name}", draft.LoadedValues, now.LoadedValues);
        draft.LoadedStamp = now.LoadedStamp;
        draft.LoadedValues = now.LoadedValues;
        return refused;
    }

    private FieldChanges Apply(OAuthApplicationDraft draft, OAuthApplication application)
    {
        var changes = new FieldChanges()
            .Track("Name", application.Name, draft.Name.Trim())
            .Track("Cloud", application.Cloud, draft.Cloud)
            .Track("Tenant Id", application.TenantId, draft.TenantId.Trim())
            .Track("Client Id", application.ClientId, draft.ClientId.Trim().ToLowerInvariant())
            .Track("Permission mode", application.PermissionMode, draft.PermissionMode)
            .Track("Credential", application.CredentialKind, draft.CredentialKind);
        application.Name = draft.Name.Trim();
        application.Cloud = draft.Cloud;
        application.TenantId = draft.TenantId.Trim();
        application.ClientId = draft.ClientId.Trim().ToLowerInvariant();
        application.PermissionMode = draft.PermissionMode;
        application.CredentialKind = draft.CredentialKind;

        if (draft.CredentialKind == CredentialKind.ClientSecret)
        {
            var newSecret = !string.IsNullOrWhiteSpace(draft.ClientSecret);
            changes.TrackSecret("Client Secret", newSecret)
                .Track("Client secret expiry", application.ClientSecretExpiresOn, ToDate(draft.ClientSecretExpiresOn))
                .Track("Certificate", application.CertificateCredentialId, null)
                .Track("Private key", application.PrivateKeyCredentialId, null);
            if (newSecret)
            {
                application.ProtectedClientSecret = protector.Protect(draft.ClientSecret);
                application.ClientSecretHint = SecretHint.For(draft.ClientSecret);
            }
            application.ClientSecretExpiresOn = ToDate(draft.ClientSecretExpiresOn);
            application.CertificateCredentialId = null;
            application.PrivateKeyCredentialId = null;
        }
        else
        {
            changes.Track("Certificate", application.CertificateCredentialId, draft.CertificateCredentialId)
                .Track("Private key", application.PrivateKeyCredentialId, draft.PrivateKeyCredentialId)
                .TrackSecret("Client Secret removed", application.ProtectedClientSecret is not null);
            application.CertificateCredentialId = draft.CertificateCredentialId;
            application.PrivateKeyCredentialId = draft.PrivateKeyCredentialId;
            application.ProtectedClientSecret = null;
            application.ClientSecretHint = null;
            application.ClientSecretExpiresOn = null;
        }
        return changes;
    }

    private async Task<ValidationReport> ValidateAsync(FlexMailDbContext db, OAuthApplicationDraft draft, CancellationToken cancellationToken)
    {
        var report = validator.Validate(draft);
        var extra = new ValidationReportBuilder();
        var name = draft.Name.Trim();
        if (name.Length > 0 && await db.OAuthApplications.AnyAsync(a => a.Name == name && a.Id != draft.Id, cancellationToken))
        {
            extra.Error(nameof(draft.Name), $"An OAuth application named \"{name}\" already exists: choose another name.");
        }
        if (draft.CredentialKind == CredentialKind.Certificate && draft.CertificateCredentialId is { } certificateId)
        {
            await ValidateCertificateAsync(db, certificateId, draft.PrivateKeyCredentialId, extra, cancellationToken);
        }
        return report.Merge(extra.Build());
    }

    /// <summary>The certificate must exist and be RSA (Entra ID signs in with nothing else); with a key chosen, the two must pair.</summary>
    private async Task ValidateCertificateAsync(
        FlexMailDbContext db, Guid certificateId, Guid? keyId, ValidationReportBuilder report, CancellationToken cancellationToken)
    {
        var certificate = await db.Credentials.AsNoTracking().SingleOrDefaultAsync(c => c.Id == certificateId, cancellationToken);
        if (certificate is not { Type: CredentialType.Certificate })
        {
            report.Error(nameof(OAuthApplicationDraft.CertificateCredentialId), "The chosen certificate credential no longer exists or is not a certificate: choose another one.");
            return;
        }
        if (KeyAlgorithms.SignInRefusal(certificate.KeyAlgorithm, certificate.KeySizeBits) is { } notForSignIn)
        {
            report.Error(nameof(OAuthApplicationDraft.CertificateCredentialId), notForSignIn);
            return;
        }
        if (keyId is null)
        {
            return;
        }
        var key = await db.Credentials.AsNoTracking().SingleOrDefaultAsync(c => c.Id == keyId, cancellationToken);
        if (key is not { Type: CredentialType.PrivateKey })
        {
            report.Error(nameof(OAuthApplicationDraft.PrivateKeyCredentialId), "The chosen private-key credential no longer exists or is not a private key: choose another one.");
            return;
        }
        var pair = CredentialPairing.Check(
            certificate.PublicKeyFingerprint, certificate.NotBefore ?? DateTimeOffset.MinValue, certificate.NotAfter ?? DateTimeOffset.MaxValue,
            key.PublicKeyFingerprint, clock.GetUtcNow());
        if (!pair.Succeeded)
        {
            var field = pair.Problem is CredentialError { Reason: CredentialErrorCode.KeyDoesNotMatchCertificate }
                ? nameof(OAuthApplicationDraft.PrivateKeyCredentialId)
                : nameof(OAuthApplicationDraft.CertificateCredentialId);
            report.Error(field, pair.Problem.Cause);
        }
        else if (pair.Value.Warning is { } warning)
        {
            report.Warning(nameof(OAuthApplicationDraft.CertificateCredentialId), warning);
        }
    }

    private static DateOnly? ToDate(DateTime? value) => value is { } date ? DateOnly.FromDateTime(date) : null;
}
