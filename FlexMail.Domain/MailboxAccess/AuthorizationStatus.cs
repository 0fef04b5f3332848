namespace FlexMail.Domain.MailboxAccess;

public enum AuthorizationStatus
{
    NotAuthorized = 0,
    Authorized = 1,
    NeedsReauthorization = 2,
}
