namespace FlexMail.Domain.MailboxAccess;

/// <summary>Which side of the mail flow the authorized user serves.</summary>
public enum MailboxRole
{
    Outgoing = 0,
    Incoming = 1,
}
