using System.Security.Cryptography.X509Certificates;
using Microsoft.Identity.Client;

namespace FlexMail.Domain.MailboxAccess.Tokens;

/// <summary>An MSAL confidential client, what to name in its errors, and the certificate it signs with (owned).</summary>
public sealed class MsalConfidentialClient(IConfidentialClientApplication application, EntraErrorContext errorContext, X509Certificate2? certificate)
    : IDisposable
{
    public IConfidentialClientApplication Application { get; } = application;

    /// <summary>Pass to <see cref="EntraErrors.From"/> with a failure of <see cref="Application"/>.</summary>
    public EntraErrorContext ErrorContext { get; } = errorContext;

    public void Dispose() => certificate?.Dispose();
}
