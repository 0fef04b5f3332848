namespace FlexMail.Portal.Sandbox.Identity;

/// <summary>What an app-only access token for a sandbox app registration (the resource) says about its caller.</summary>
/// <param name="ResourceAppId">The resource's application (client) id: the token's audience.</param>
/// <param name="ClientId">The client app's application (client) id (<c>azp</c>).</param>
/// <param name="ClientAuthentication">How the client authenticated (<c>azpacr</c>): "1" client secret, "2" certificate.</param>
/// <param name="Roles">The values of the resource's roles granted to the client.</param>
public sealed record SandboxApiAccessToken(Guid ResourceAppId, Guid ClientId, string ClientAuthentication, IReadOnlyList<string> Roles)
{
    public const string SecretAuthentication = "1";
    public const string CertificateAuthentication = "2";
}
