using System.Text.RegularExpressions;

namespace FlexMail.Domain.Credentials;

/// <summary>
/// Reads the PEM blocks of a text file and picks the one the upload is meant for (a certificate file may carry a
/// chain, a key file may start with EC PARAMETERS). Damaged base64 is reported, not skipped.
/// </summary>
internal static partial class PemFile
{
    public const string BeginMarker = "-----BEGIN ";

    private static readonly Dictionary<string, (ContentKind Kind, string Format)> Labels = new(StringComparer.Ordinal)
    {
        ["CERTIFICATE"] = (ContentKind.Certificate, "PEM certificate"),
        ["X509 CERTIFICATE"] = (ContentKind.Certificate, "PEM certificate"),
        ["PRIVATE KEY"] = (ContentKind.Pkcs8PrivateKey, "PEM PKCS#8 private key"),
        ["ENCRYPTED PRIVATE KEY"] = (ContentKind.EncryptedPkcs8PrivateKey, "PEM encrypted PKCS#8 private key"),
        ["RSA PRIVATE KEY"] = (ContentKind.RsaPrivateKey, "PEM PKCS#1 RSA private key"),
        ["EC PRIVATE KEY"] = (ContentKind.EcPrivateKey, "PEM EC private key"),
        ["OPENSSH PRIVATE KEY"] = (ContentKind.OpenSshPrivateKey, "OpenSSH private key"),
        ["DSA PRIVATE KEY"] = (ContentKind.DsaPrivateKey, "PEM DSA private key"),
        ["PUBLIC KEY"] = (ContentKind.PublicKey, "PEM public key"),
        ["RSA PUBLIC KEY"] = (ContentKind.PublicKey, "PEM RSA public key"),
        ["CERTIFICATE REQUEST"] = (ContentKind.CertificateRequest, "PEM certificate signing request"),
        ["NEW CERTIFICATE REQUEST"] = (ContentKind.CertificateRequest, "PEM certificate signing request"),
    };

    public static Result<CredentialContent> Read(string fileName, string text, CredentialPurpose purpose)
    {
        var blocks = BeginLine().Matches(text);
        if (blocks.Count == 0)
        {
            return CredentialErrors.UnrecognisedContent(fileName, purpose);
        }
        var chosen = Choose(blocks, purpose);
        var label = chosen.Groups["label"].Value;
        var bodyStart = chosen.Index + chosen.Length;
        var end = text.IndexOf($"-----END {label}-----", bodyStart, StringComparison.Ordinal);
        if (end < 0)
        {
            return CredentialErrors.CorruptPem(fileName, label);
        }
        if (!Labels.TryGetValue(label, out var known))
        {
            return CredentialErrors.UnrecognisedContent(fileName, purpose, label);
        }

        var body = text[bodyStart..end];
        if (body.Contains("Proc-Type:", StringComparison.Ordinal) && body.Contains("ENCRYPTED", StringComparison.Ordinal))
        {
            return new CredentialContent(ContentKind.LegacyEncryptedPemKey, [], known.Format);
        }
        var bytes = DecodeBase64(body);
        return bytes is null
            ? CredentialErrors.CorruptPem(fileName, label)
            : new CredentialContent(known.Kind, bytes, known.Format) { AlsoHoldsOtherPart = HoldsOtherPart(blocks, purpose) };
    }

    /// <summary>Whether a block is what the other purpose wants: a key in a certificate upload, a certificate in a key upload.</summary>
    private static bool HoldsOtherPart(MatchCollection blocks, CredentialPurpose purpose)
    {
        var other = purpose == CredentialPurpose.Certificate ? CredentialPurpose.PrivateKey : CredentialPurpose.Certificate;
        return blocks.Any(block => Labels.TryGetValue(block.Groups["label"].Value, out var known) && IsWanted(known.Kind, other));
    }

    private static Match Choose(MatchCollection blocks, CredentialPurpose purpose)
    {
        Match? firstKnown = null;
        foreach (Match block in blocks)
        {
            if (!Labels.TryGetValue(block.Groups["label"].Value, out var known))
            {
                continue;
            }
            if (IsWanted(known.Kind, purpose))
            {
                return block;
            }
            firstKnown ??= block;
        }
        return firstKnown ?? blocks[0];
    }

    private static bool IsWanted(ContentKind kind, CredentialPurpose purpose) => purpose == CredentialPurpose.Certificate
        ? kind == ContentKind.Certificate
        : kind is ContentKind.Pkcs8PrivateKey or ContentKind.EncryptedPkcs8PrivateKey or ContentKind.RsaPrivateKey
            or ContentKind.EcPrivateKey or ContentKind.OpenSshPrivateKey or ContentKind.DsaPrivateKey;

    private static byte[]? DecodeBase64(string body)
    {
        var base64 = string.Concat(body.Where(character => !char.IsWhiteSpace(character)));
        if (base64.Length == 0)
        {
            return null;
        }
        var buffer = new byte[base64.Length * 3 / 4];
        return Convert.TryFromBase64String(base64, buffer, out var written) ? buffer[..written] : null;
    }

    [GeneratedRegex("-----BEGIN (?<label>[A-Z0-9 ]+)-----")]
    private static partial Regex BeginLine();
}
