using FlexMail.Domain.MailboxAccess.Tokens;

namespace FlexMail.Domain.Mail;

/// <summary>What kind of failure a mail operation met, for callers that react differently (retry later, Re-Authorize ...).</summary>
public enum MailFailureKind
{
    AccessDenied,
    SendAsDenied,
    MailboxNotEnabled,
    ItemNotFound,
    FolderNotFound,
    InvalidUser,
    Throttled,
    ServiceUnavailable,
    InvalidToken,
    TokenUnavailable,
    Network,
    InvalidRequest,
    Unexpected,
}

/// <summary>
/// Why a mail operation failed, in words an administrator can act on.
/// </summary>
/// <param name="Kind">The kind of failure.</param>
/// <param name="GraphCode">Graph's <c>error.code</c> (<c>ErrorAccessDenied</c>, <c>MailboxNotEnabledForRESTAPI</c> ...), or null when Graph was not reached.</param>
/// <param name="Status">The HTTP status Graph answered, or null.</param>
/// <param name="Cause">What went wrong, in plain words.</param>
/// <param name="Fix">What to do about it, naming the missing permission or mailbox right where it is known.</param>
public sealed record MailFailure(MailFailureKind Kind, string? GraphCode, int? Status, string Cause, string Fix)
    : Problem(GraphCode ?? Kind.ToString(), Cause, Fix)
{
    /// <summary>When to try again (throttling, service unavailable), from Graph's <c>Retry-After</c>.</summary>
    public DateTimeOffset? RetryAfter { get; init; }

    /// <summary>Graph's <c>request-id</c>, for a support case.</summary>
    public string? RequestId { get; init; }

    /// <summary>Entra ID's refusal, when no access token could be had.</summary>
    public EntraFailure? Entra { get; init; }
}
