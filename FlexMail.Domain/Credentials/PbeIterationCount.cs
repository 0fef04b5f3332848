using System.Formats.Asn1;
using System.Numerics;

namespace FlexMail.Domain.Credentials;

/// <summary>
/// Reads the password-based key derivation's iteration count from a PKCS#8 EncryptedPrivateKeyInfo (RFC 5208/5958) without
/// decrypting anything, so that a file that would keep a core busy for minutes is refused before any work is done.
/// Knows PBES2 with PBKDF2 (RFC 8018: what OpenSSL and .NET write) and the PBES1 / PKCS#12 PBE schemes, whose parameters
/// are <c>SEQUENCE { salt OCTET STRING, iterations INTEGER }</c>.
/// </summary>
internal static class PbeIterationCount
{
    /// <summary>
    /// The most iterations FlexMail runs for one upload: 1,000 times OpenSSL's default (2,048), above OWASP's 2023 advice for
    /// PBKDF2 (600,000 with HMAC-SHA256, 1,300,000 with HMAC-SHA1) and above anything .NET or OpenSSL write unless told to;
    /// about 1.4 s of one core on the development machine (PBKDF2-HMAC-SHA256). A file beyond it is refused before decrypting.
    /// </summary>
    public const int Maximum = 2_000_000;

    private const string Pbes2 = "1.2.840.113549.1.5.13";
    private const string Pbkdf2 = "1.2.840.113549.1.5.12";

    /// <summary>
    /// The MAC's key-derivation iteration count of a PKCS#12 file (RFC 7292: <c>PFX ::= SEQUENCE { version, authSafe,
    /// macData SEQUENCE { mac, macSalt, iterations INTEGER DEFAULT 1 } OPTIONAL }</c>), which checking the password runs;
    /// null without a MAC or when the structure cannot be read. (The key bags' own counts are capped by .NET's PKCS#12
    /// loader limits.)
    /// </summary>
    public static BigInteger? ReadPfxMac(ReadOnlyMemory<byte> pfx)
    {
        try
        {
            var sequence = new AsnReader(pfx, AsnEncodingRules.BER).ReadSequence();
            sequence.ReadInteger();
            sequence.ReadEncodedValue();
            if (!sequence.HasData)
            {
                return null;
            }
            var macData = sequence.ReadSequence();
            macData.ReadEncodedValue();
            macData.ReadEncodedValue();
            return macData.HasData ? macData.ReadInteger() : BigInteger.One;
        }
        catch (AsnContentException)
        {
            return null;
        }
    }

    /// <summary>The iteration count, or null when the structure is not one of the schemes above (the decryptor then decides).</summary>
    public static BigInteger? Read(ReadOnlyMemory<byte> encryptedPrivateKeyInfo)
    {
        try
        {
            var info = new AsnReader(encryptedPrivateKeyInfo, AsnEncodingRules.BER).ReadSequence();
            var algorithm = info.ReadSequence();
            var oid = algorithm.ReadObjectIdentifier();
            if (!algorithm.HasData)
            {
                return null;
            }
            var parameters = algorithm.ReadSequence();
            if (oid == Pbes2)
            {
                var kdf = parameters.ReadSequence();
                if (kdf.ReadObjectIdentifier() != Pbkdf2)
                {
                    return null;
                }
                parameters = kdf.ReadSequence();
            }
            // PBKDF2-params and PBEParameter alike: the salt (an OCTET STRING; PBKDF2's "otherSource" choice is not used), then the count.
            parameters.ReadEncodedValue();
            return parameters.ReadInteger();
        }
        catch (AsnContentException)
        {
            return null;
        }
    }
}
