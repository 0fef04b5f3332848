using System.Security.Cryptography;
using System.Text;

namespace FlexMail.Tests.Domain.Credentials;

/// <summary>
/// Test-only writer of OpenSSH private-key files (openssh-key-v1, as ssh-keygen writes them), so the tests need no
/// ssh-keygen. It writes real RSA and ECDSA keys, and stand-ins for what FlexMail must refuse (encrypted, ed25519).
/// </summary>
internal static class OpenSshKeyWriter
{
    private const int BlockSize = 8;
    private const string Comment = "deploy@flexmail.test";

    public static string Write(AsymmetricAlgorithm key) => key switch
    {
        RSA rsa => WriteRsa(rsa),
        ECDsa ecdsa => WriteEcdsa(ecdsa),
        _ => throw new ArgumentException("RSA or ECDsa only.", nameof(key)),
    };

    public static string WriteRsa(RSA rsa)
    {
        var key = rsa.ExportParameters(includePrivateParameters: true);
        var publicKey = Blob(writer => writer.Text("ssh-rsa").Mpint(key.Exponent!).Mpint(key.Modulus!));
        return WritePlain(publicKey, writer => writer.Text("ssh-rsa")
            .Mpint(key.Modulus!).Mpint(key.Exponent!).Mpint(key.D!).Mpint(key.InverseQ!).Mpint(key.P!).Mpint(key.Q!));
    }

    public static string WriteEcdsa(ECDsa ecdsa)
    {
        var key = ecdsa.ExportParameters(includePrivateParameters: true);
        var curve = key.Q.X!.Length == 32 ? "nistp256" : key.Q.X.Length == 48 ? "nistp384" : "nistp521";
        var type = $"ecdsa-sha2-{curve}";
        byte[] point = [0x04, .. key.Q.X, .. key.Q.Y!];
        var publicKey = Blob(writer => writer.Text(type).Text(curve).Bytes(point));
        return WritePlain(publicKey, writer => writer.Text(type).Text(curve).Bytes(point).Mpint(key.D!));
    }

    /// <summary>An unencrypted ssh-ed25519 key (random bytes stand in for the key: FlexMail must refuse the type).</summary>
    public static string WriteEd25519()
    {
        var publicPart = RandomNumberGenerator.GetBytes(32);
        var publicKey = Blob(writer => writer.Text("ssh-ed25519").Bytes(publicPart));
        return WritePlain(publicKey, writer => writer.Text("ssh-ed25519").Bytes(publicPart)
            .Bytes([.. RandomNumberGenerator.GetBytes(32), .. publicPart]));
    }

    /// <summary>A passphrase-protected key as ssh-keygen writes it by default (aes256-ctr, bcrypt); the body is opaque.</summary>
    public static string WriteEncrypted(RSA rsa)
    {
        var key = rsa.ExportParameters(includePrivateParameters: false);
        var publicKey = Blob(writer => writer.Text("ssh-rsa").Mpint(key.Exponent!).Mpint(key.Modulus!));
        var kdfOptions = Blob(writer => writer.Bytes(RandomNumberGenerator.GetBytes(16)).UInt32(24));
        return Armour(Blob(writer => writer.Raw("openssh-key-v1\0"u8.ToArray())
            .Text("aes256-ctr").Text("bcrypt").Bytes(kdfOptions).UInt32(1).Bytes(publicKey)
            .Bytes(RandomNumberGenerator.GetBytes(64 * BlockSize))));
    }

    /// <summary>The armoured file for an unencrypted key: the private section is padded to the block size.</summary>
    private static string WritePlain(byte[] publicKey, Action<SshWireWriter> writePrivateFields)
    {
        var check = (uint)RandomNumberGenerator.GetInt32(int.MaxValue);
        var section = new SshWireWriter().UInt32(check).UInt32(check);
        writePrivateFields(section);
        section.Text(Comment);
        for (byte padding = 1; section.Length % BlockSize != 0; padding++)
        {
            section.Raw([padding]);
        }
        return Armour(Blob(writer => writer.Raw("openssh-key-v1\0"u8.ToArray())
            .Text("none").Text("none").Bytes([]).UInt32(1).Bytes(publicKey).Bytes(section.ToArray())));
    }

    public static string Armour(byte[] blob)
    {
        var base64 = Convert.ToBase64String(blob);
        var text = new StringBuilder("-----BEGIN OPENSSH PRIVATE KEY-----\n");
        for (var start = 0; start < base64.Length; start += 70)
        {
            text.Append(base64.AsSpan(start, Math.Min(70, base64.Length - start))).Append('\n');
        }
        return text.Append("-----END OPENSSH PRIVATE KEY-----\n").ToString();
    }

    private static byte[] Blob(Action<SshWireWriter> write)
    {
        var writer = new SshWireWriter();
        write(writer);
        return writer.ToArray();
    }

    /// <summary>The SSH wire encoding (RFC 4251): big-endian uint32, length-prefixed strings, mpints.</summary>
    private sealed class SshWireWriter
    {
        private readonly MemoryStream _stream = new();

        public long Length => _stream.Length;

        public SshWireWriter UInt32(uint value) => Raw([(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value]);

        public SshWireWriter Bytes(byte[] value) => UInt32((uint)value.Length).Raw(value);

        public SshWireWriter Text(string value) => Bytes(Encoding.ASCII.GetBytes(value));

        /// <summary>An unsigned big-endian number as mpint: no leading zeros, one zero byte when the top bit is set.</summary>
        public SshWireWriter Mpint(byte[] unsignedBigEndian)
        {
            var digits = unsignedBigEndian.AsSpan().TrimStart((byte)0).ToArray();
            return Bytes(digits.Length > 0 && (digits[0] & 0x80) != 0 ? [0, .. digits] : digits);
        }

        public SshWireWriter Raw(byte[] value)
        {
            _stream.Write(value);
            return this;
        }

        public byte[] ToArray() => _stream.ToArray();
    }
}
