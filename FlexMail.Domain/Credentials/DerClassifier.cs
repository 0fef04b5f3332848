using System.Formats.Asn1;

namespace FlexMail.Domain.Credentials;

/// <summary>
/// Tells the binary (DER/BER) structures apart by their outline: certificate, CSR, PKCS#12, PKCS#8 (plain or
/// encrypted), PKCS#1 RSA key, SEC1 EC key, SubjectPublicKeyInfo. Returns null for anything else.
/// </summary>
internal static class DerClassifier
{
    private const byte SequenceTag = 0x30;

    public static ContentKind? Classify(byte[] bytes)
    {
        if (bytes.Length < 2 || bytes[0] != SequenceTag)
        {
            return null;
        }
        try
        {
            var outer = new AsnReader(bytes, AsnEncodingRules.BER);
            var sequence = outer.ReadSequence();
            if (outer.HasData || !sequence.HasData)
            {
                return null;
            }
            var first = sequence.PeekTag();
            if (first.HasSameClassAndValue(Asn1Tag.Integer))
            {
                return ClassifyVersioned(sequence);
            }
            return first.HasSameClassAndValue(Asn1Tag.Sequence) ? ClassifyWrapped(sequence) : null;
        }
        catch (AsnContentException)
        {
            return null;
        }
    }

    /// <summary>SEQUENCE { INTEGER version, ... }: PKCS#12, PKCS#8, PKCS#1 RSA or SEC1 EC private key.</summary>
    private static ContentKind? ClassifyVersioned(AsnReader sequence)
    {
        var version = sequence.ReadInteger();
        if (!sequence.HasData)
        {
            return null;
        }
        var second = sequence.PeekTag();
        if (version == 3 && second.HasSameClassAndValue(Asn1Tag.Sequence))
        {
            return ContentKind.Pkcs12;
        }
        if ((version == 0 || version == 1) && second.HasSameClassAndValue(Asn1Tag.Sequence))
        {
            return ContentKind.Pkcs8PrivateKey;
        }
        if (version == 0 && second.HasSameClassAndValue(Asn1Tag.Integer))
        {
            return ContentKind.RsaPrivateKey;
        }
        return version == 1 && second.HasSameClassAndValue(Asn1Tag.PrimitiveOctetString) ? ContentKind.EcPrivateKey : null;
    }

    /// <summary>SEQUENCE { SEQUENCE, ... }: signed structure (certificate, CSR), encrypted PKCS#8 or public key.</summary>
    private static ContentKind? ClassifyWrapped(AsnReader sequence)
    {
        var body = sequence.ReadSequence();
        if (!sequence.HasData)
        {
            return null;
        }
        var second = sequence.PeekTag();
        if (second.HasSameClassAndValue(Asn1Tag.PrimitiveOctetString))
        {
            return ContentKind.EncryptedPkcs8PrivateKey;
        }
        if (second.HasSameClassAndValue(Asn1Tag.PrimitiveBitString))
        {
            return ContentKind.PublicKey;
        }
        if (!second.HasSameClassAndValue(Asn1Tag.Sequence))
        {
            return null;
        }
        return IsCertificationRequestInfo(body) ? ContentKind.CertificateRequest : ContentKind.Certificate;
    }

    /// <summary>A CSR's info is INTEGER, Name, SubjectPublicKeyInfo, [0] attributes; a certificate's starts with [0] or has no [0] fourth.</summary>
    private static bool IsCertificationRequestInfo(AsnReader body)
    {
        if (!body.PeekTag().HasSameClassAndValue(Asn1Tag.Integer))
        {
            return false;
        }
        body.ReadEncodedValue();
        body.ReadEncodedValue();
        body.ReadEncodedValue();
        return body.HasData && body.PeekTag().HasSameClassAndValue(new Asn1Tag(TagClass.ContextSpecific, 0));
    }
}
