using FlexMail.Domain.Mail;
using FlexMail.Domain.OAuthApps;

namespace FlexMail.Domain.MailboxAccess.Connections;

/// <summary>
/// A mailbox connection: the user it acts as, the cloud, where its Graph access tokens come from and how they are
/// granted. Disposing it releases what the token source holds (an application's certificate).
/// </summary>
/// <param name="User">The mailbox user the connection signs in as; for application permissions, the mailbox it reads by default.</param>
public sealed record MailboxConnection(CloudInstance Cloud, IGraphAccessTokenSource Tokens, PermissionMode PermissionMode, string User) : IDisposable
{
    public void Dispose() => (Tokens as IDisposable)?.Dispose();
}
