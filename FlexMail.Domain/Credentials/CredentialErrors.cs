using System.Globalization;

namespace FlexMail.Domain.Credentials;

/// <summary>The messages behind each <see cref="CredentialErrorCode"/>: what is wrong and what to do about it.</summary>
internal static class CredentialErrors
{
    private const string CertificateFormats =
        "a PEM certificate (.crt/.pem, starting with -----BEGIN CERTIFICATE-----), a DER certificate (.cer) " +
        "or a PKCS#12 file (.pfx/.p12)";

    private const string PrivateKeyFormats =
        "a PEM private key (-----BEGIN PRIVATE KEY-----, -----BEGIN RSA PRIVATE KEY-----, -----BEGIN EC PRIVATE KEY----- " +
        "or -----BEGIN ENCRYPTED PRIVATE KEY-----) or an OpenSSH private key (-----BEGIN OPENSSH PRIVATE KEY-----)";

    public static CredentialError NameRequired() => new(CredentialErrorCode.NameRequired,
        "Enter a name for the credential.", CredentialError.NameField);

    public static CredentialError NameTooLong(int length) => new(CredentialErrorCode.NameTooLong,
        $"The name is {length} characters long; use at most {CredentialName.MaxLength}.", CredentialError.NameField);

    public static CredentialError DuplicateName(string name) => new(CredentialErrorCode.DuplicateName,
        $"A credential named '{name}' already exists. Choose another name, or delete the existing credential first.", CredentialError.NameField);

    /// <param name="existing">The stored credential with the same content.</param>
    /// <param name="withCertificate">The key came in a .pfx with a certificate that is not stored yet.</param>
    public static CredentialError AlreadyStored(Credential existing, bool withCertificate)
    {
        var reference = new CredentialReference(existing.Id, existing.Name, existing.Type);
        if (existing.Type == CredentialType.Certificate)
        {
            return new(CredentialErrorCode.AlreadyStored,
                $"This certificate is already stored as '{existing.Name}' (same SHA-256 thumbprint). Use '{existing.Name}' instead of storing it again.")
            {
                Existing = reference,
            };
        }
        return withCertificate
            ? new(CredentialErrorCode.AlreadyStored,
                $"The private key in this file is already stored as '{existing.Name}'. Clear \"Also store the private key this file contains\" " +
                $"to store only the certificate, and choose '{existing.Name}' as its private key.", CredentialError.PrivateKeyNameField)
            {
                Existing = reference,
            }
            : new(CredentialErrorCode.AlreadyStored,
                $"This private key is already stored as '{existing.Name}' (same public key). Use '{existing.Name}' instead of storing it again.")
            {
                Existing = reference,
            };
    }

    public static CredentialError EmptyFile(string fileName, CredentialPurpose purpose) => new(CredentialErrorCode.EmptyFile,
        $"'{fileName}' is empty. Choose the {Noun(purpose)} file itself; it cannot be 0 bytes or blank.");

    public static CredentialError FileTooLarge(string fileName, long length) => new(CredentialErrorCode.FileTooLarge,
        $"'{fileName}' is {length.ToString("N0", CultureInfo.InvariantCulture)} bytes; certificate and key files are at most " +
        $"64 KiB ({CredentialUpload.MaxContentBytes.ToString("N0", CultureInfo.InvariantCulture)} bytes). " +
        "Check that you picked a single certificate or key, not an archive or a whole bundle.");

    public static CredentialError UnrecognisedContent(string fileName, CredentialPurpose purpose, string? pemLabel = null)
    {
        var found = pemLabel is null ? "content FlexMail does not recognise" : $"a '-----BEGIN {pemLabel}-----' block";
        var expected = purpose == CredentialPurpose.Certificate ? CertificateFormats : PrivateKeyFormats;
        return new(CredentialErrorCode.UnrecognisedContent,
            $"'{fileName}' holds {found}, not a {Noun(purpose)}. Upload {expected}.");
    }

    public static CredentialError NotACertificate(string fileName, ContentKind found) => new(CredentialErrorCode.NotACertificate,
        found switch
        {
            ContentKind.PublicKey or ContentKind.SshPublicKey =>
                $"'{fileName}' is a bare public key, not a certificate. Upload the X.509 certificate " +
                "(.crt, .cer, .pem or .pfx) that was issued for the key.",
            ContentKind.CertificateRequest =>
                $"'{fileName}' is a certificate signing request (CSR), not a certificate. Have it signed (or create a " +
                "self-signed certificate) and upload the certificate that comes back.",
            _ =>
                $"'{fileName}' is a private key, not a certificate. Upload it as a private key credential instead, and " +
                "upload the certificate (.crt, .cer, .pem or .pfx) here.",
        });

    public static CredentialError NotAPrivateKey(string fileName, ContentKind found) => new(CredentialErrorCode.NotAPrivateKey,
        found switch
        {
            ContentKind.Pkcs12 =>
                $"'{fileName}' is a PKCS#12 (.pfx/.p12) file. Upload it as a certificate: FlexMail then offers to store " +
                "the private key it contains at the same time.",
            ContentKind.PublicKey =>
                $"'{fileName}' is a public key, not a private key. Upload the private key file that belongs to it.",
            ContentKind.SshPublicKey =>
                $"'{fileName}' is an SSH public key (.pub), not a private key. Upload the private key file (the one " +
                "without .pub).",
            ContentKind.CertificateRequest =>
                $"'{fileName}' is a certificate signing request (CSR), not a private key. Upload the private key " +
                "that the request was created with.",
            _ =>
                $"'{fileName}' is a certificate, not a private key. Upload it as a certificate credential instead, and " +
                "upload the private key that belongs to it here.",
        });

    public static CredentialError CorruptPem(string fileName, string label) => new(CredentialErrorCode.CorruptPem,
        $"The '-----BEGIN {label}-----' block in '{fileName}' is damaged: its base64 text is invalid or cut off. " +
        "Export or copy the file again without editing it (word processors and chat tools change the text).");

    public static CredentialError DamagedContent(string fileName, string what) => new(CredentialErrorCode.DamagedContent,
        $"'{fileName}' looks like {what}, but its content is damaged and cannot be read. Export the file again from its source.");

    public static CredentialError PassphraseRequired(string fileName) => new(CredentialErrorCode.PassphraseRequired,
        $"'{fileName}' is an encrypted private key. Enter its passphrase to upload it.");

    public static CredentialError TooManyIterations(string fileName, System.Numerics.BigInteger iterations) => new(CredentialErrorCode.TooManyIterations,
        $"'{fileName}' asks for {iterations.ToString("N0", CultureInfo.InvariantCulture)} key-derivation (PBKDF2) iterations; FlexMail reads " +
        $"at most {PbeIterationCount.Maximum.ToString("N0", CultureInfo.InvariantCulture)}, because each one costs processor time on the server " +
        "(OpenSSL uses 2,048). Export the key again with the usual count, e.g. " +
        "openssl pkcs8 -topk8 -v2 aes-256-cbc -iter 600000 -in key.pem -out key-encrypted.pem, or upload it unencrypted.");

    public static CredentialError TooManyPfxIterations(string fileName, System.Numerics.BigInteger iterations) => new(CredentialErrorCode.TooManyIterations,
        $"'{fileName}' asks for {iterations.ToString("N0", CultureInfo.InvariantCulture)} password-check (MAC) iterations; FlexMail runs " +
        $"at most {PbeIterationCount.Maximum.ToString("N0", CultureInfo.InvariantCulture)}, because each one costs processor time on the server " +
        "(OpenSSL uses 2,048). Export the file again with the usual counts, e.g. with OpenSSL's defaults: " +
        "openssl pkcs12 -export -inkey key.pem -in cert.pem -out cert.pfx.");

    public static CredentialError WrongPassphrase(string fileName) => new(CredentialErrorCode.WrongPassphrase,
        $"The passphrase does not open '{fileName}'. Check it (passphrases are case-sensitive) and try again.");

    public static CredentialError PfxPasswordRequired(string fileName) => new(CredentialErrorCode.PfxPasswordRequired,
        $"'{fileName}' is a password-protected PKCS#12 (.pfx/.p12) file. Enter the password it was exported with.");

    public static CredentialError WrongPfxPassword(string fileName) => new(CredentialErrorCode.WrongPfxPassword,
        $"The password does not open '{fileName}'. Enter the password the .pfx was exported with (it is case-sensitive).");

    public static CredentialError PuttyKey(string fileName) => new(CredentialErrorCode.PuttyKey,
        $"'{fileName}' is a PuTTY private key (.ppk), which FlexMail cannot read. Convert it to OpenSSH format with " +
        "`puttygen key.ppk -O private-openssh -o key.pem` (or in PuTTYgen: load the key, then Conversions → " +
        "Export OpenSSH key) and upload the new file.");

    public static CredentialError EncryptedOpenSshKey(string fileName) => new(CredentialErrorCode.EncryptedOpenSshKey,
        $"'{fileName}' is an OpenSSH private key protected by a passphrase, which FlexMail cannot decrypt. Re-save it as " +
        "encrypted PKCS#8 with `ssh-keygen -p -m PKCS8 -f key` (it rewrites the file in place: work on a copy), then " +
        "upload the new file with its passphrase.");

    public static CredentialError LegacyEncryptedPem(string fileName) => new(CredentialErrorCode.LegacyEncryptedPem,
        $"'{fileName}' uses the old OpenSSL PEM encryption (Proc-Type: 4,ENCRYPTED), which FlexMail does not read. " +
        "Convert it to encrypted PKCS#8 with `openssl pkcs8 -topk8 -v2 aes-256-cbc -in key.pem -out key-pkcs8.pem` " +
        "and upload the new file with its passphrase.");

    public static CredentialError UnsupportedAlgorithm(string fileName, string found) => new(CredentialErrorCode.UnsupportedAlgorithm,
        $"The key in '{fileName}' is {found}, which FlexMail does not support. " +
        $"Supported: {KeyAlgorithms.SupportedList}; signing in to Entra ID needs RSA.");

    public static CredentialError NoPrivateKeyInFile(string fileName) => new(CredentialErrorCode.NoPrivateKeyInFile,
        $"'{fileName}' contains no private key, so there is none to store with it. Upload the private key as its own credential.");

    public static CredentialError NotFound() => new(CredentialErrorCode.NotFound,
        "The credential does not exist (it may have been deleted). Reload the list.");

    public static CredentialError WrongCredentialType(string name, CredentialType expected) => new(CredentialErrorCode.WrongCredentialType,
        expected == CredentialType.Certificate
            ? $"'{name}' is a private key, not a certificate. Choose a certificate credential."
            : $"'{name}' is a certificate, not a private key. Choose a private key credential.");

    public static CredentialError InUse(string name, IReadOnlyList<string> applications) => new(CredentialErrorCode.InUse,
        $"'{name}' cannot be deleted: the OAuth application{(applications.Count == 1 ? "" : "s")} " +
        $"{string.Join(", ", applications.Select(application => $"'{application}'"))} " +
        $"use{(applications.Count == 1 ? "s" : "")} it. Give {(applications.Count == 1 ? "that application" : "those applications")} " +
        "another credential (or delete them) first.");

    public static CredentialError KeyDoesNotMatchCertificate() => new(CredentialErrorCode.KeyDoesNotMatchCertificate,
        "The private key does not belong to this certificate: their public keys differ. Choose the private key the " +
        "certificate was created with (or the certificate issued for this key).");

    public static CredentialError CertificateExpired(DateTimeOffset notAfter) => new(CredentialErrorCode.CertificateExpired,
        $"The certificate expired on {notAfter.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC; " +
        "Entra ID refuses expired certificates. Create or renew the certificate, upload its public part to the app " +
        "registration, and upload it here.");

    private static string Noun(CredentialPurpose purpose) =>
        purpose == CredentialPurpose.Certificate ? "certificate" : "private key";
}
