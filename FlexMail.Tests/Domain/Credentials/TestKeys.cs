using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace FlexMail.Tests.Domain.Credentials;

/// <summary>The key algorithms the credential tests cover.</summary>
public enum TestKeyKind
{
    Rsa2048,
    Rsa3072,
    EcP256,
    EcP384,
}

/// <summary>
/// Keys generated in the test process (never read from files). Each (kind, variant) is generated once and handed out
/// as a fresh key object, so tests in parallel never share one; a different variant is a different key.
/// </summary>
internal static class TestKeys
{
    private static readonly ConcurrentDictionary<(TestKeyKind Kind, int Variant), Lazy<byte[]>> Pkcs8ByKind = new();

    public static AsymmetricAlgorithm Create(TestKeyKind kind, int variant = 0)
    {
        var pkcs8 = Pkcs8ByKind.GetOrAdd((kind, variant), key => new Lazy<byte[]>(() => Generate(key.Kind))).Value;
        AsymmetricAlgorithm created = IsRsa(kind) ? RSA.Create() : ECDsa.Create();
        created.ImportPkcs8PrivateKey(pkcs8, out _);
        return created;
    }

    public static bool IsRsa(TestKeyKind kind) => kind is TestKeyKind.Rsa2048 or TestKeyKind.Rsa3072;

    public static string AlgorithmName(TestKeyKind kind) => kind switch
    {
        TestKeyKind.Rsa2048 or TestKeyKind.Rsa3072 => "RSA",
        TestKeyKind.EcP256 => "EC P-256",
        _ => "EC P-384",
    };

    public static int SizeBits(TestKeyKind kind) => kind switch
    {
        TestKeyKind.Rsa2048 => 2048,
        TestKeyKind.Rsa3072 => 3072,
        TestKeyKind.EcP256 => 256,
        _ => 384,
    };

    /// <summary>SHA-256 (hex) of the key's SubjectPublicKeyInfo, computed here independently of the product code.</summary>
    public static string Fingerprint(AsymmetricAlgorithm key) => Convert.ToHexString(SHA256.HashData(key.ExportSubjectPublicKeyInfo()));

    private static byte[] Generate(TestKeyKind kind)
    {
        using AsymmetricAlgorithm key = kind switch
        {
            TestKeyKind.Rsa2048 => RSA.Create(2048),
            TestKeyKind.Rsa3072 => RSA.Create(3072),
            TestKeyKind.EcP256 => ECDsa.Create(ECCurve.NamedCurves.nistP256),
            _ => ECDsa.Create(ECCurve.NamedCurves.nistP384),
        };
        return key.ExportPkcs8PrivateKey();
    }
}
