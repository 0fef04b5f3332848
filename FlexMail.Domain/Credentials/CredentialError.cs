namespace FlexMail.Domain.Credentials;

/// <summary>Why a credential operation was refused, in words an admin can act on.</summary>
/// <param name="Reason">The exact reason, for callers and tests that tell reasons apart.</param>
/// <param name="Cause">What is wrong and what to do, in one message.</param>
/// <param name="Field">The form field it is about (<see cref="NameField"/>), or null for the file itself.</param>
public sealed record CredentialError(CredentialErrorCode Reason, string Cause, string? Field = null) : Problem(Reason.ToString(), Cause, Field: Field)
{
    /// <summary>For <see cref="CredentialErrorCode.AlreadyStored"/>: the stored credential to use instead.</summary>
    public CredentialReference? Existing { get; init; }

    /// <summary>The credential's name field.</summary>
    public const string NameField = "Name";

    /// <summary>The name of the private key stored with a certificate from the same .pfx.</summary>
    public const string PrivateKeyNameField = "PrivateKeyName";
}

/// <summary>Every distinct reason a credential operation is refused; each has its own message.</summary>
public enum CredentialErrorCode
{
    NameRequired,
    NameTooLong,
    DuplicateName,
    EmptyFile,
    FileTooLarge,
    UnrecognisedContent,
    NotACertificate,
    NotAPrivateKey,
    CorruptPem,
    DamagedContent,
    PassphraseRequired,
    WrongPassphrase,
    PfxPasswordRequired,
    WrongPfxPassword,
    PuttyKey,
    EncryptedOpenSshKey,
    LegacyEncryptedPem,
    UnsupportedAlgorithm,
    NoPrivateKeyInFile,
    NotFound,
    WrongCredentialType,
    InUse,
    KeyDoesNotMatchCertificate,
    CertificateExpired,
    AlreadyStored,
    TooManyIterations,
}
