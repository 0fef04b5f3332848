namespace FlexMail.Domain.Credentials;

/// <summary>A certificate read from an upload: what to show, its DER, and the private key a .pfx carried with it.</summary>
internal sealed record ParsedCertificate(CertificateDetails Details, byte[] Der, ParsedPrivateKey? PrivateKey);

/// <summary>A private key read from an upload: what to show and the key as PKCS#8 DER.</summary>
internal sealed record ParsedPrivateKey(PrivateKeyDetails Details, byte[] Pkcs8);
