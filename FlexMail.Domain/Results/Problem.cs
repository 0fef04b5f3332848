namespace FlexMail.Domain.Results;

/// <summary>
/// Why something did not work, in words a person can act on: a stable <see cref="Code"/> for programs (an enum name,
/// Graph's error code ...), the <see cref="Cause"/> and the <see cref="Fix"/> for people, and the form
/// <see cref="Field"/> it is about when it is about one. Features derive their own problems to carry more detail
/// (<c>MailFailure</c>: Graph status and Retry-After; <c>CredentialError</c>: the exact reason a file was refused).
/// </summary>
public record Problem(string Code, string Cause, string Fix = "", string? Field = null)
{
    /// <summary>Cause and fix in one line, for a snackbar or a log line.</summary>
    public sealed override string ToString() => Fix.Length == 0 ? Cause : $"{Cause} {Fix}";
}
