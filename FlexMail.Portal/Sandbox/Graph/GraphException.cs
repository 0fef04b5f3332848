namespace FlexMail.Portal.Sandbox.Graph;

/// <summary>A Graph error: the HTTP status and the <c>error.code</c> / <c>error.message</c> Graph answers with.</summary>
public sealed class GraphException(int status, string code, string message) : Exception(message)
{
    public int Status { get; } = status;

    public string Code { get; } = code;

    public static GraphException AccessDenied() =>
        new(StatusCodes.Status403Forbidden, "ErrorAccessDenied", "Access is denied. Check credentials and try again.");

    public static GraphException ItemNotFound() =>
        new(StatusCodes.Status404NotFound, "ErrorItemNotFound", "The specified object was not found in the store.");

    public static GraphException InvalidUser(string user) =>
        new(StatusCodes.Status404NotFound, "ErrorInvalidUser", $"The requested user '{user}' is invalid.");

    public static GraphException MailboxNotEnabled() =>
        new(StatusCodes.Status404NotFound, "MailboxNotEnabledForRESTAPI", "The mailbox is either inactive, soft-deleted, or is hosted on-premise.");

    public static GraphException InsufficientPrivileges() =>
        new(StatusCodes.Status403Forbidden, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.");

    public static GraphException BadRequest(string message) => new(StatusCodes.Status400BadRequest, "BadRequest", message);

    public static GraphException InvalidArgument(string message) => new(StatusCodes.Status400BadRequest, "ErrorInvalidArgument", message);

    /// <summary>The store stayed busy with other writes: Graph's 503, which clients retry.</summary>
    public static GraphException ServiceUnavailable() => new(StatusCodes.Status503ServiceUnavailable,
        Faults.GraphFaultResponses.ServiceUnavailableCode, Faults.GraphFaultResponses.ServiceUnavailableMessage);

    public static GraphException SendAsDenied() => new(StatusCodes.Status403Forbidden, "ErrorSendAsDenied",
        "The user account which was used to submit this request does not have the right to send mail on behalf of the specified sending account., Cannot submit message.");
}
