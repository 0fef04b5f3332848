using System.Numerics;
using System.Security.Cryptography;
using System.Text;

namespace FlexMail.Domain.Credentials;

/// <summary>
/// Reads an unencrypted OpenSSH private key (openssh-key-v1, the body of "-----BEGIN OPENSSH PRIVATE KEY-----"):
/// RSA, ecdsa-sha2-nistp256 and ecdsa-sha2-nistp384. Encrypted keys and other algorithms are refused with a reason.
/// </summary>
internal static class OpenSshKeyReader
{
    private static readonly byte[] Magic = "openssh-key-v1\0"u8.ToArray();

    public static Result<AsymmetricAlgorithm> Read(byte[] blob, string fileName)
    {
        try
        {
            return ReadKey(new SshWireReader(blob), fileName);
        }
        catch (FormatException)
        {
            return CredentialErrors.DamagedContent(fileName, "an OpenSSH private key");
        }
    }

    private static Result<AsymmetricAlgorithm> ReadKey(SshWireReader reader, string fileName)
    {
        if (!reader.ReadRaw(Magic.Length).SequenceEqual(Magic))
        {
            throw new FormatException("Not an openssh-key-v1 blob.");
        }
        var cipher = reader.ReadText();
        reader.ReadText(); // kdf name
        reader.ReadBytes(); // kdf options
        if (reader.ReadUInt32() < 1)
        {
            throw new FormatException("The file holds no key.");
        }
        reader.ReadBytes(); // public key of the first key
        if (cipher != "none")
        {
            return CredentialErrors.EncryptedOpenSshKey(fileName);
        }

        var section = new SshWireReader(reader.ReadBytes());
        if (section.ReadUInt32() != section.ReadUInt32())
        {
            throw new FormatException("The check numbers differ.");
        }
        var keyType = section.ReadText();
        return keyType switch
        {
            "ssh-rsa" => ReadRsa(section, fileName),
            "ecdsa-sha2-nistp256" => ReadEcdsa(section, ECCurve.NamedCurves.nistP256, 32, fileName),
            "ecdsa-sha2-nistp384" => ReadEcdsa(section, ECCurve.NamedCurves.nistP384, 48, fileName),
            _ => CredentialErrors.UnsupportedAlgorithm(fileName, DescribeUnsupported(keyType)),
        };
    }

    private static Result<AsymmetricAlgorithm> ReadRsa(SshWireReader section, string fileName)
    {
        var modulus = section.ReadMpint();
        var exponent = section.ReadMpint();
        var privateExponent = section.ReadMpint();
        var inverseQ = section.ReadMpint();
        var p = section.ReadMpint();
        var q = section.ReadMpint();
        var d = new BigInteger(privateExponent, isUnsigned: true, isBigEndian: true);
        var half = (modulus.Length + 1) / 2;
        var parameters = new RSAParameters
        {
            Modulus = modulus,
            Exponent = exponent,
            D = PadLeft(privateExponent, modulus.Length),
            P = PadLeft(p, half),
            Q = PadLeft(q, half),
            DP = PadLeft(Unsigned(d % (new BigInteger(p, isUnsigned: true, isBigEndian: true) - 1)), half),
            DQ = PadLeft(Unsigned(d % (new BigInteger(q, isUnsigned: true, isBigEndian: true) - 1)), half),
            InverseQ = PadLeft(inverseQ, half),
        };
        return PrivateKeyMaterial.Import(RSA.Create(), key => key.ImportParameters(parameters), fileName, "an OpenSSH RSA private key");
    }

    private static Result<AsymmetricAlgorithm> ReadEcdsa(SshWireReader section, ECCurve curve, int fieldBytes, string fileName)
    {
        section.ReadText(); // curve identifier, repeats the key type
        var point = section.ReadBytes();
        var privateKey = section.ReadMpint();
        if (point.Length != 1 + 2 * fieldBytes || point[0] != 0x04 || privateKey.Length > fieldBytes)
        {
            throw new FormatException("The EC point or scalar has the wrong size.");
        }
        var parameters = new ECParameters
        {
            Curve = curve,
            Q = new ECPoint { X = point[1..(1 + fieldBytes)], Y = point[(1 + fieldBytes)..] },
            D = PadLeft(privateKey, fieldBytes),
        };
        return PrivateKeyMaterial.Import(ECDsa.Create(), key => key.ImportParameters(parameters), fileName, "an OpenSSH EC private key");
    }

    private static string DescribeUnsupported(string keyType) => keyType switch
    {
        "ssh-ed25519" => "Ed25519 (ssh-ed25519)",
        "ssh-ed448" => "Ed448 (ssh-ed448)",
        "ssh-dss" => "DSA (ssh-dss)",
        "ecdsa-sha2-nistp521" => "EC P-521 (ecdsa-sha2-nistp521)",
        _ when keyType.StartsWith("sk-", StringComparison.Ordinal) => $"a FIDO security-key key ({keyType})",
        _ => $"'{keyType}'",
    };

    private static byte[] Unsigned(BigInteger value) => value.ToByteArray(isUnsigned: true, isBigEndian: true);

    private static byte[] PadLeft(byte[] value, int length)
    {
        if (value.Length > length)
        {
            throw new FormatException("A key number is longer than the key size allows.");
        }
        var padded = new byte[length];
        value.CopyTo(padded, length - value.Length);
        return padded;
    }

    /// <summary>The SSH wire encoding (RFC 4251): big-endian uint32, length-prefixed strings and mpints.</summary>
    private sealed class SshWireReader(byte[] data)
    {
        private int _position;

        public uint ReadUInt32()
        {
            var bytes = ReadRaw(4);
            return (uint)(bytes[0] << 24 | bytes[1] << 16 | bytes[2] << 8 | bytes[3]);
        }

        public byte[] ReadBytes()
        {
            var length = ReadUInt32();
            return length > int.MaxValue ? throw new FormatException("Impossible length.") : ReadRaw((int)length);
        }

        public string ReadText() => Encoding.ASCII.GetString(ReadBytes());

        /// <summary>An mpint as unsigned big-endian bytes without leading zeros (keys are never negative).</summary>
        public byte[] ReadMpint()
        {
            var bytes = ReadBytes();
            if (bytes.Length > 0 && (bytes[0] & 0x80) != 0)
            {
                throw new FormatException("Negative key number.");
            }
            var start = 0;
            while (start < bytes.Length && bytes[start] == 0)
            {
                start++;
            }
            return bytes[start..];
        }

        public byte[] ReadRaw(int count)
        {
            if (count < 0 || count > data.Length - _position)
            {
                throw new FormatException("The key data is cut off.");
            }
            var bytes = data[_position..(_position + count)];
            _position += count;
            return bytes;
        }
    }
}
