namespace FlexMail.Domain.MailboxAccess.Tokens;

/// <summary>Entra ID refused a token: the failure carries the AADSTS code and the plain-language cause and fix.</summary>
public sealed class TokenAcquisitionException(EntraFailure failure, Exception? innerException = null)
    : Exception(failure.Cause, innerException)
{
    public EntraFailure Failure { get; } = failure;
}
