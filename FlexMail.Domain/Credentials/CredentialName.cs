namespace FlexMail.Domain.Credentials;

/// <summary>The rule for credential names: required, trimmed, at most <see cref="MaxLength"/> characters.</summary>
public static class CredentialName
{
    public const int MaxLength = 200;

    /// <summary>The trimmed name, or why it cannot be used.</summary>
    public static Result<string> Validate(string? name)
    {
        var trimmed = name?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return CredentialErrors.NameRequired();
        }
        return trimmed.Length > MaxLength ? CredentialErrors.NameTooLong(trimmed.Length) : trimmed;
    }

    /// <summary>The certificate's name and, when the .pfx key is to be stored too, the key's (which must differ).</summary>
    internal static Result<CertificateNames> Validate(AddCertificateRequest request)
    {
        var name = Validate(request.Name);
        if (!name.Succeeded)
        {
            return name.Problem;
        }
        if (request.PrivateKeyName is null)
        {
            return new CertificateNames(name.Value, null);
        }
        var keyName = Validate(request.PrivateKeyName);
        if (!keyName.Succeeded)
        {
            return keyName.Problem;
        }
        return string.Equals(keyName.Value, name.Value, StringComparison.OrdinalIgnoreCase)
            ? CredentialErrors.DuplicateName(keyName.Value)
            : new CertificateNames(name.Value, keyName.Value);
    }
}

/// <summary>The validated names of an <see cref="AddCertificateRequest"/>.</summary>
internal sealed record CertificateNames(string Certificate, string? PrivateKey);
