using FlexMail.Portal.Sandbox;

namespace FlexMail.Tests.Support.Sandbox;

/// <summary>Addresses of the sandbox's identity endpoints under the portal (<c>https://host/sandbox/login/{tenant}/...</c>).</summary>
public static class SandboxUrls
{
    public static Uri Authority(this KestrelPortal portal, string tenant) =>
        new($"{new Uri(portal.Get<SandboxBaseAddress>().BaseUrl, SandboxTenant.IdentityPath.TrimStart('/')).ToString().TrimEnd('/')}/{tenant}");

    public static Uri IdentityUrl(this KestrelPortal portal, string tenant, string path) =>
        new($"{portal.Authority(tenant)}/{path.TrimStart('/')}");
}
