namespace FlexMail.Domain.OAuthApps;

/// <summary>Where a Microsoft cloud's sign-in (authority) and Microsoft Graph live.</summary>
public sealed record CloudEndpoints(CloudInstance Cloud, string DisplayName, Uri AuthorityHost, Uri GraphHost)
{
    public static readonly IReadOnlyList<CloudEndpoints> All =
    [
        new(CloudInstance.Global, "Global (Microsoft 365)", new("https://login.microsoftonline.com"), new("https://graph.microsoft.com")),
        new(CloudInstance.UsGovernmentL4, "US Government L4 (GCC High)", new("https://login.microsoftonline.us"), new("https://graph.microsoft.us")),
        new(CloudInstance.UsGovernmentL5, "US Government L5 (DoD)", new("https://login.microsoftonline.us"), new("https://dod-graph.microsoft.us")),
        new(CloudInstance.China, "China (operated by 21Vianet)", new("https://login.chinacloudapi.cn"), new("https://microsoftgraph.chinacloudapi.cn")),
    ];

    public static CloudEndpoints For(CloudInstance cloud) => All.Single(endpoints => endpoints.Cloud == cloud);

    /// <summary>The Graph resource's default scope, as application permissions and admin consent ask for it.</summary>
    public string GraphDefaultScope => new Uri(GraphHost, ".default").ToString();
}
