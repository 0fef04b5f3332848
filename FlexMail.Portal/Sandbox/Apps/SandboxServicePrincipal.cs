using System.Security.Cryptography;
using System.Text;

namespace FlexMail.Portal.Sandbox.Apps;

/// <summary>
/// The Enterprise application (service principal) of an app registration. Entra gives it an object id of its own,
/// distinct from the application's: app-only tokens carry it as <c>oid</c> and <c>sub</c>. The sandbox derives it from
/// the client id, so it is stable across restarts and resets without being stored.
/// </summary>
public static class SandboxServicePrincipal
{
    public static Guid ObjectId(Guid appId)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes($"servicePrincipal:{appId:D}"))[..16];
        // A name-based UUID: version 5 in the high nibble of byte 6, RFC 4122 variant in byte 8.
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
