using FlexMail.Domain.Connectivity;
using Microsoft.Identity.Client;

namespace FlexMail.Domain.MailboxAccess.Tokens;

/// <summary>Gives MSAL the cloud's HTTP client, so that it trusts exactly what FlexMail's other clients trust.</summary>
public sealed class CloudMsalHttpClientFactory(IMicrosoftCloud cloud) : IMsalHttpClientFactory
{
    private readonly HttpClient _client = cloud.CreateHttpClient();

    public HttpClient GetHttpClient() => _client;
}
