using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace FlexMail.Portal.Sandbox.Identity;

/// <summary>
/// Seals an authorization request into the sign-in form (encrypted and signed, valid 10 minutes), so that a posted
/// form cannot change the client, the redirect URI or the scopes that were validated.
/// </summary>
public sealed class SandboxAuthorizeRequestProtector(IDataProtectionProvider provider)
{
    private readonly ITimeLimitedDataProtector _protector =
        provider.CreateProtector("FlexMail.Sandbox.Identity.AuthorizeRequest").ToTimeLimitedDataProtector();

    public string Protect(SandboxAuthorizeRequest request) =>
        _protector.Protect(JsonSerializer.Serialize(request), SandboxGrants.CodeLifetime);

    public SandboxAuthorizeRequest? Unprotect(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize<SandboxAuthorizeRequest>(_protector.Unprotect(value));
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
