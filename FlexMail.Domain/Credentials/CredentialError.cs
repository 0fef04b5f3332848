namespace FlexMail.Domain.Credentials;

/// <summary>Why a credential operation was refused, in words an admin can act on.</summary>
public sealed record CredentialError(CredentialErrorCode Code, string Message);

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
}
