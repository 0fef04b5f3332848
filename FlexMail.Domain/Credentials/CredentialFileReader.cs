using System.Text;

namespace FlexMail.Domain.Credentials;

/// <summary>Whether an upload is meant as a certificate or as a private key (it decides the wording of errors).</summary>
internal enum CredentialPurpose
{
    Certificate,
    PrivateKey,
}

/// <summary>What an uploaded file turned out to hold, whatever its name says.</summary>
internal enum ContentKind
{
    Certificate,
    Pkcs12,
    Pkcs8PrivateKey,
    EncryptedPkcs8PrivateKey,
    RsaPrivateKey,
    EcPrivateKey,
    OpenSshPrivateKey,
    LegacyEncryptedPemKey,
    DsaPrivateKey,
    PublicKey,
    CertificateRequest,
    SshPublicKey,
    PuttyKey,
}

/// <summary>
/// The recognised content of an upload: its kind, the decoded bytes (DER, or the openssh-key-v1 blob) and a format
/// name for the admin ("PEM certificate", "OpenSSH private key").
/// </summary>
internal sealed record CredentialContent(ContentKind Kind, byte[] Bytes, string Format)
{
    /// <summary>
    /// A PEM file that also holds the other part: a private key next to the certificate (when uploaded as a
    /// certificate), or a certificate next to the key (when uploaded as a private key).
    /// </summary>
    public bool AlsoHoldsOtherPart { get; init; }
}

/// <summary>Recognises an upload by its content (never by its file name): size limits, text formats, then DER.</summary>
internal static class CredentialFileReader
{
    private const string Utf8ByteOrderMark = "\u00EF\u00BB\u00BF";

    private static readonly string[] SshPublicKeyPrefixes =
        ["ssh-rsa ", "ssh-ed25519 ", "ssh-ed448 ", "ssh-dss ", "ecdsa-sha2-", "sk-ssh-", "sk-ecdsa-", "---- BEGIN SSH2 PUBLIC KEY"];

    public static Result<CredentialContent> Read(CredentialUpload upload, CredentialPurpose purpose)
    {
        ArgumentNullException.ThrowIfNull(upload);
        var bytes = upload.Content;
        if (bytes.Length > CredentialUpload.MaxContentBytes)
        {
            return CredentialErrors.FileTooLarge(upload.FileName, bytes.Length);
        }

        // Latin-1 maps every byte to one character, so binary content cannot fail to decode; a UTF-8 BOM is skipped.
        var text = Encoding.Latin1.GetString(bytes);
        text = text.StartsWith(Utf8ByteOrderMark, StringComparison.Ordinal) ? text[Utf8ByteOrderMark.Length..] : text;
        if (string.IsNullOrWhiteSpace(text))
        {
            return CredentialErrors.EmptyFile(upload.FileName, purpose);
        }

        var start = text.TrimStart();
        if (start.StartsWith("PuTTY-User-Key-File-", StringComparison.Ordinal))
        {
            return new CredentialContent(ContentKind.PuttyKey, [], "PuTTY private key");
        }
        if (text.Contains(PemFile.BeginMarker, StringComparison.Ordinal))
        {
            return PemFile.Read(upload.FileName, text, purpose);
        }
        if (SshPublicKeyPrefixes.Any(prefix => start.StartsWith(prefix, StringComparison.Ordinal)))
        {
            return new CredentialContent(ContentKind.SshPublicKey, [], "SSH public key");
        }

        var kind = DerClassifier.Classify(bytes);
        return kind is null
            ? CredentialErrors.UnrecognisedContent(upload.FileName, purpose)
            : new CredentialContent(kind.Value, bytes, DerFormatName(kind.Value));
    }

    private static string DerFormatName(ContentKind kind) => kind switch
    {
        ContentKind.Certificate => "DER certificate",
        ContentKind.Pkcs12 => "PKCS#12",
        ContentKind.Pkcs8PrivateKey => "DER PKCS#8 private key",
        ContentKind.EncryptedPkcs8PrivateKey => "DER encrypted PKCS#8 private key",
        ContentKind.RsaPrivateKey => "DER PKCS#1 RSA private key",
        ContentKind.EcPrivateKey => "DER EC private key",
        _ => "DER",
    };
}
