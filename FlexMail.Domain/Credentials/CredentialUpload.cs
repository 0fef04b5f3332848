using System.Text;

namespace FlexMail.Domain.Credentials;

/// <summary>
/// A file the admin uploads as a certificate or private key. The file name is used only in messages: the format is
/// recognised from the content. <see cref="Password"/> opens a .pfx or an encrypted private key.
/// </summary>
public sealed record CredentialUpload(string FileName, byte[] Content, string? Password = null)
{
    /// <summary>Certificate and key files are small; anything larger is not one (64 KiB).</summary>
    public const int MaxContentBytes = 64 * 1024;

    /// <summary>
    /// Refuses a file by its announced size before it is read (a browser upload), with the same message as a
    /// too-large upload. Null when the size is acceptable.
    /// </summary>
    public static CredentialError? TooLarge(string fileName, long size) =>
        size > MaxContentBytes ? CredentialErrors.FileTooLarge(fileName, size) : null;

    /// <summary>Keeps the content and the password out of <c>ToString()</c> (and so out of logs).</summary>
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append($"FileName = {FileName}, Length = {Content.Length}, HasPassword = {!string.IsNullOrEmpty(Password)}");
        return true;
    }
}
