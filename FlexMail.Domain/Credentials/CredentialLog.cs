using Microsoft.Extensions.Logging;

namespace FlexMail.Domain.Credentials;

/// <summary>What the credential library logs: names, types, fingerprints and error codes; never material or passwords.</summary>
internal static partial class CredentialLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Credential {CredentialName} added ({CredentialType}, public key {PublicKeyFingerprint})")]
    public static partial void Added(ILogger logger, string credentialName, CredentialType credentialType, string publicKeyFingerprint);

    [LoggerMessage(Level = LogLevel.Information, Message = "Credential {CredentialName} deleted ({CredentialType})")]
    public static partial void Deleted(ILogger logger, string credentialName, CredentialType credentialType);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Upload {FileName} refused as {Purpose}: {ErrorCode}")]
    public static partial void Rejected(ILogger logger, string fileName, string purpose, string errorCode);
}
