using FlexMail.Domain.OAuthApps;

namespace FlexMail.Tests.Components.OAuthApps;

/// <summary>Valid OAuth application drafts for component tests.</summary>
public static class OAuthAppDrafts
{
    public static OAuthApplicationDraft Valid(string name) => new()
    {
        Name = name,
        TenantId = "contoso.onmicrosoft.com",
        ClientId = Guid.NewGuid().ToString(),
        ClientSecret = "An0ther~secret.VALUE_for-tests",
    };
}
