namespace FlexMail.Domain.Mail;

/// <summary>A failure the gateway finds itself (a folder path that does not exist, a foreign page token), carried to its result.</summary>
internal sealed class MailFailureException(MailFailure failure) : Exception(failure.Cause)
{
    public MailFailure Failure { get; } = failure;
}
