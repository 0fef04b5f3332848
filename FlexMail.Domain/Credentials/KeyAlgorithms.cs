using System.Security.Cryptography;

namespace FlexMail.Domain.Credentials;

/// <summary>
/// Which keys FlexMail stores (RSA of 2048 bits or more, EC P-256 and P-384) and how they are described. Only RSA can
/// sign in to Entra ID (<see cref="SignInRefusal"/>).
/// </summary>
public static class KeyAlgorithms
{
    public const string Rsa = "RSA";
    public const string EcP256 = "EC P-256";
    public const string EcP384 = "EC P-384";
    public const int MinimumRsaBits = 2048;
    public const string SupportedList = "RSA (2048 bits or more), EC P-256 and EC P-384";

    private const string RsaOid = "1.2.840.113549.1.1.1";
    private const string EcOid = "1.2.840.10045.2.1";
    private const string P256Oid = "1.2.840.10045.3.1.7";
    private const string P384Oid = "1.3.132.0.34";

    /// <summary>
    /// Why a certificate with this key cannot sign in to Entra ID, or null when it can. Entra ID takes only RSA for
    /// application credentials; EC files may still be stored in the library.
    /// </summary>
    public static string? SignInRefusal(string algorithm, int sizeBits) => algorithm == Rsa
        ? null
        : $"Entra ID accepts only RSA certificates for application credentials: this one has an {KeyDetails.Describe(algorithm, sizeBits)} key. " +
          $"Create an RSA certificate ({MinimumRsaBits} bits or more), upload its public part to the app registration in Entra ID, " +
          "upload it and its private key on the Credentials page, and choose it here.";

    /// <summary>SHA-256 (hex, upper case) of the key's SubjectPublicKeyInfo, re-encoded so a certificate and its key agree.</summary>
    public static string PublicKeyFingerprint(AsymmetricAlgorithm key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Convert.ToHexString(SHA256.HashData(key.ExportSubjectPublicKeyInfo()));
    }

    internal static bool IsRsa(string? algorithmOid) => algorithmOid == RsaOid;

    internal static bool IsEc(string? algorithmOid) => algorithmOid == EcOid;

    /// <summary>The key's details, or why it is not supported ("RSA 1024-bit", "EC P-521").</summary>
    internal static Result<KeyDetails> Describe(AsymmetricAlgorithm key, string fileName)
    {
        switch (key)
        {
            case RSA rsa when rsa.KeySize >= MinimumRsaBits:
                return new KeyDetails(Rsa, rsa.KeySize, PublicKeyFingerprint(rsa));
            case RSA rsa:
                return CredentialErrors.UnsupportedAlgorithm(fileName, $"RSA {rsa.KeySize}-bit");
            case ECDsa ecdsa:
                var curve = ecdsa.ExportParameters(includePrivateParameters: false).Curve;
                var name = CurveName(curve);
                return name is EcP256 or EcP384
                    ? new KeyDetails(name, ecdsa.KeySize, PublicKeyFingerprint(ecdsa))
                    : CredentialErrors.UnsupportedAlgorithm(fileName, name);
            default:
                return CredentialErrors.UnsupportedAlgorithm(fileName, key.SignatureAlgorithm ?? key.GetType().Name);
        }
    }

    /// <summary>A readable name for a key algorithm FlexMail does not take, from its OID.</summary>
    internal static string NameOfUnsupported(string? algorithmOid) => algorithmOid switch
    {
        "1.3.101.112" => "Ed25519",
        "1.3.101.113" => "Ed448",
        "1.3.101.110" => "X25519",
        "1.3.101.111" => "X448",
        "1.2.840.10040.4.1" => "DSA",
        "1.2.840.113549.1.1.10" => "RSA-PSS",
        "1.2.840.10046.2.1" => "Diffie-Hellman",
        _ => $"an unknown key algorithm (OID {algorithmOid ?? "missing"})",
    };

    private static string CurveName(ECCurve curve)
    {
        var oid = curve.Oid?.Value;
        var friendly = curve.Oid?.FriendlyName;
        if (oid == P256Oid || friendly is "nistP256" or "ECDSA_P256" or "secp256r1" or "prime256v1")
        {
            return EcP256;
        }
        if (oid == P384Oid || friendly is "nistP384" or "ECDSA_P384" or "secp384r1")
        {
            return EcP384;
        }
        return oid switch
        {
            "1.3.132.0.35" => "EC P-521",
            "1.3.132.0.10" => "EC secp256k1",
            _ => $"EC {friendly ?? oid ?? "on an unnamed curve"}",
        };
    }
}
