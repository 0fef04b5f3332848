namespace FlexMail.Domain.Security;

/// <summary>
/// Protects secret fields (client secrets, private keys, token caches) before they reach the database.
/// The protected form is opaque text; only this service turns it back into the secret.
/// </summary>
public interface ISecretProtector
{
    string Protect(string secret);

    string Unprotect(string protectedSecret);
}
