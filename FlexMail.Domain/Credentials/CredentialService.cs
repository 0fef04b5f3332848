using System.Security.Cryptography.X509Certificates;
using FlexMail.Domain.Audit;
using FlexMail.Domain.Persistence;
using FlexMail.Domain.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace FlexMail.Domain.Credentials;

/// <summary>
/// The credential library: previews uploads, stores certificates and private keys (material protected, every change
/// audited), lists, shows, downloads and deletes them, checks that a certificate and key belong together, and loads a
/// pair for signing. Bad input comes back as a <see cref="CredentialError"/>, never as an exception.
/// </summary>
public sealed class CredentialService(
    IDbContextFactory<FlexMailDbContext> contexts,
    ISecretProtector protector,
    AuditLog audit,
    TimeProvider clock,
    ILogger<CredentialService> logger)
{
    public const string AddedAction = "Credential added";
    public const string DeletedAction = "Credential deleted";

    /// <summary>Reads a certificate upload without storing it: the live parse result while the admin uploads.</summary>
    public Result<CertificateDetails> PreviewCertificate(CredentialUpload upload)
    {
        var parsed = ParseCertificate(upload);
        return parsed.Succeeded ? parsed.Value.Details : parsed.Problem;
    }

    /// <summary>Reads a private-key upload without storing it; <paramref name="cancellationToken"/> stops it before decrypting.</summary>
    public Result<PrivateKeyDetails> PreviewPrivateKey(CredentialUpload upload, CancellationToken cancellationToken = default)
    {
        var parsed = ParsePrivateKey(upload, cancellationToken);
        return parsed.Succeeded ? parsed.Value.Details : parsed.Problem;
    }

    public async Task<Result<AddCertificateResult>> AddCertificateAsync(
        AddCertificateRequest request, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var names = CredentialName.Validate(request);
        if (!names.Succeeded)
        {
            return names.Problem;
        }
        var parsed = ParseCertificate(request.File);
        if (!parsed.Succeeded)
        {
            return parsed.Problem;
        }
        var includedKey = parsed.Value.PrivateKey;
        if (names.Value.PrivateKey is not null && includedKey is null)
        {
            return CredentialErrors.NoPrivateKeyInFile(request.File.FileName);
        }

        var now = clock.GetUtcNow();
        var certificate = CredentialRows.ForCertificate(
            names.Value.Certificate, parsed.Value, CredentialMaterial.Protect(protector, parsed.Value.Der), now);
        var privateKey = names.Value.PrivateKey is { } keyName && includedKey is not null
            ? CredentialRows.ForPrivateKey(keyName, includedKey, CredentialMaterial.Protect(protector, includedKey.Pkcs8), now)
            : null;
        var refused = await InsertAsync(privateKey is null ? [certificate] : [certificate, privateKey], actor, cancellationToken);
        return refused ?? Result<AddCertificateResult>.Success(new AddCertificateResult(
            CredentialRows.ToSummary(certificate, now),
            parsed.Value.Details,
            privateKey is null ? null : CredentialRows.ToSummary(privateKey, now)));
    }

    public async Task<Result<AddPrivateKeyResult>> AddPrivateKeyAsync(
        AddPrivateKeyRequest request, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var name = CredentialName.Validate(request.Name);
        if (!name.Succeeded)
        {
            return name.Problem;
        }
        var parsed = ParsePrivateKey(request.File, cancellationToken);
        if (!parsed.Succeeded)
        {
            return parsed.Problem;
        }

        var now = clock.GetUtcNow();
        var privateKey = CredentialRows.ForPrivateKey(name.Value, parsed.Value, CredentialMaterial.Protect(protector, parsed.Value.Pkcs8), now);
        var refused = await InsertAsync([privateKey], actor, cancellationToken);
        return refused ?? Result<AddPrivateKeyResult>.Success(
            new AddPrivateKeyResult(CredentialRows.ToSummary(privateKey, now), parsed.Value.Details));
    }

    /// <summary>Every credential (or those of one type), by name.</summary>
    public async Task<IReadOnlyList<CredentialSummary>> ListAsync(CredentialType? type, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Credentials.AsNoTracking()
            .Where(credential => type == null || credential.Type == type)
            .OrderBy(credential => credential.Name)
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return [.. rows.Select(row => CredentialRows.ToSummary(row, now))];
    }

    public async Task<Result<CredentialDetails>> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Credentials.AsNoTracking().SingleOrDefaultAsync(credential => credential.Id == id, cancellationToken);
        if (row is null)
        {
            return CredentialErrors.NotFound();
        }
        var usedBy = await db.ApplicationsUsingAsync(id, cancellationToken);
        var matching = await db.Credentials.AsNoTracking()
            .Where(other => other.PublicKeyFingerprint == row.PublicKeyFingerprint && other.Type != row.Type)
            .OrderBy(other => other.Name)
            .Select(other => new CredentialReference(other.Id, other.Name, other.Type))
            .ToListAsync(cancellationToken);
        return CredentialRows.ToDetails(row, clock.GetUtcNow(), usedBy, matching);
    }

    /// <summary>The public certificate as PEM, e.g. to upload to the Entra ID app registration.</summary>
    public async Task<Result<CertificatePem>> DownloadCertificatePemAsync(Guid id, CancellationToken cancellationToken)
    {
        var row = await FindAsync(id, CredentialType.Certificate, cancellationToken);
        if (!row.Succeeded)
        {
            return row.Problem;
        }
        var pem = CredentialMaterial.ToPem(CredentialMaterial.Unprotect(protector, row.Value));
        return new CertificatePem(CredentialRows.DownloadFileName(row.Value.Name), pem);
    }

    /// <summary>Deletes a credential no OAuth application uses; otherwise says which applications use it.</summary>
    public async Task<Result<DeletedCredential>> DeleteAsync(Guid id, Actor actor, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Credentials.SingleOrDefaultAsync(credential => credential.Id == id, cancellationToken);
        if (row is null)
        {
            return CredentialErrors.NotFound();
        }
        var usedBy = await db.ApplicationsUsingAsync(id, cancellationToken);
        if (usedBy.Count > 0)
        {
            return CredentialErrors.InUse(row.Name, usedBy);
        }

        db.Credentials.Remove(row);
        audit.Stage(db, actor, DeletedAction, CredentialRows.AuditSubject(row.Name), CredentialRows.AuditDetails(row));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // An application started using it in the meantime (the foreign key restricts the delete).
            await using var fresh = await contexts.CreateDbContextAsync(cancellationToken);
            var usedMeanwhile = await fresh.ApplicationsUsingAsync(id, cancellationToken);
            if (usedMeanwhile.Count == 0)
            {
                throw;
            }
            return CredentialErrors.InUse(row.Name, usedMeanwhile);
        }
        CredentialLog.Deleted(logger, row.Name, row.Type);
        return new DeletedCredential(row.Id, row.Name, row.Type);
    }

    /// <summary>Whether a stored certificate and private key belong together and the certificate is usable.</summary>
    public async Task<Result<PairCheck>> CheckPairAsync(Guid certificateId, Guid privateKeyId, CancellationToken cancellationToken)
    {
        var pair = await FindPairAsync(certificateId, privateKeyId, cancellationToken);
        return pair.Succeeded ? Check(pair.Value) : pair.Problem;
    }

    /// <summary>
    /// The certificate with its private key attached, for Azure.Identity <c>ClientCertificateCredential</c>; refused
    /// like <see cref="CheckPairAsync"/>. The caller owns (and disposes) the certificate.
    /// </summary>
    public async Task<Result<X509Certificate2>> LoadForSigningAsync(
        Guid certificateId, Guid privateKeyId, CancellationToken cancellationToken)
    {
        var pair = await FindPairAsync(certificateId, privateKeyId, cancellationToken);
        if (!pair.Succeeded)
        {
            return pair.Problem;
        }
        var check = Check(pair.Value);
        if (!check.Succeeded)
        {
            return check.Problem;
        }
        return CredentialMaterial.CreateSigningCertificate(
            CredentialMaterial.Unprotect(protector, pair.Value.Certificate),
            CredentialMaterial.Unprotect(protector, pair.Value.PrivateKey));
    }

    private Result<ParsedCertificate> ParseCertificate(CredentialUpload upload)
    {
        ArgumentNullException.ThrowIfNull(upload);
        var parsed = CertificateParser.Parse(upload, clock.GetUtcNow());
        if (!parsed.Succeeded)
        {
            CredentialLog.Rejected(logger, upload.FileName, "certificate", parsed.Problem.Code);
        }
        return parsed;
    }

    private Result<ParsedPrivateKey> ParsePrivateKey(CredentialUpload upload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(upload);
        var parsed = PrivateKeyParser.Parse(upload, cancellationToken);
        if (!parsed.Succeeded)
        {
            CredentialLog.Rejected(logger, upload.FileName, "private key", parsed.Problem.Code);
        }
        return parsed;
    }

    /// <summary>
    /// Inserts the rows in one transaction and audits each; one already stored (same certificate, same key) or a taken
    /// name refuses all of them.
    /// </summary>
    private async Task<CredentialError?> InsertAsync(IReadOnlyList<Credential> rows, Actor actor, CancellationToken cancellationToken)
    {
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            if (await db.FindSameContentAsync(rows, cancellationToken) is { } stored)
            {
                return CredentialErrors.AlreadyStored(stored, withCertificate: rows.Count > 1 && stored.Type == CredentialType.PrivateKey);
            }
            if (await db.FindTakenNameAsync(rows, cancellationToken) is { } taken)
            {
                return CredentialErrors.DuplicateName(taken);
            }
            db.Credentials.AddRange(rows);
            foreach (var row in rows)
            {
                // Audited in the same save: a stored credential always has its audit event, and the other way round.
                audit.Stage(db, actor, AddedAction, CredentialRows.AuditSubject(row.Name), CredentialRows.AuditDetails(row));
            }
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Someone stored the same name in the meantime (unique index); anything else is not about the input.
                await using var fresh = await contexts.CreateDbContextAsync(cancellationToken);
                if (await fresh.FindTakenNameAsync(rows, cancellationToken) is { } takenMeanwhile)
                {
                    return CredentialErrors.DuplicateName(takenMeanwhile);
                }
                throw;
            }
        }

        foreach (var row in rows)
        {
            CredentialLog.Added(logger, row.Name, row.Type, row.PublicKeyFingerprint);
        }
        return null;
    }

    private async Task<Result<Credential>> FindAsync(Guid id, CredentialType type, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Credentials.AsNoTracking().SingleOrDefaultAsync(credential => credential.Id == id, cancellationToken);
        if (row is null)
        {
            return CredentialErrors.NotFound();
        }
        return row.Type == type ? row : CredentialErrors.WrongCredentialType(row.Name, type);
    }

    private async Task<Result<StoredPair>> FindPairAsync(Guid certificateId, Guid privateKeyId, CancellationToken cancellationToken)
    {
        var certificate = await FindAsync(certificateId, CredentialType.Certificate, cancellationToken);
        if (!certificate.Succeeded)
        {
            return certificate.Problem;
        }
        var privateKey = await FindAsync(privateKeyId, CredentialType.PrivateKey, cancellationToken);
        return privateKey.Succeeded ? new StoredPair(certificate.Value, privateKey.Value) : privateKey.Problem;
    }

    private Result<PairCheck> Check(StoredPair pair) => CredentialPairing.Check(
        pair.Certificate.PublicKeyFingerprint,
        pair.Certificate.NotBefore ?? DateTimeOffset.MinValue,
        pair.Certificate.NotAfter ?? DateTimeOffset.MaxValue,
        pair.PrivateKey.PublicKeyFingerprint,
        clock.GetUtcNow());

    private sealed record StoredPair(Credential Certificate, Credential PrivateKey);
}
