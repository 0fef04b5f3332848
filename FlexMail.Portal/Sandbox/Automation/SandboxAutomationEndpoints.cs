using FlexMail.Portal.Hosting.SignIn;
using FlexMail.Portal.Sandbox.Mail;
using MimeKit;

namespace FlexMail.Portal.Sandbox.Automation;

/// <summary>
/// The sandbox's automation API under <c>/sandbox/api</c> (like Mailpit's or smtp4dev's), for tests and load runs:
/// deliver raw MIME mail into sandbox mailboxes, read a mailbox's messages (<see cref="SandboxMessagesApi"/>). Admins and API-key callers only (<see cref="PortalPolicies.SandboxAutomation"/>).
/// </summary>
public static class SandboxAutomationEndpoints
{
    public const string Path = "/sandbox/api";

    public const string Rfc822 = "message/rfc822";

    public static IEndpointRouteBuilder MapSandboxAutomation(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(Path).RequireAuthorization(PortalPolicies.SandboxAutomation).ExcludeFromDescription().DisableAntiforgery();
        api.MapPost("/deliveries", DeliverAsync);
        SandboxMessagesApi.Map(api);
        api.MapPost("/replies/generate", GenerateRepliesAsync);
        return app;
    }

    private static async Task<IResult> DeliverAsync(HttpRequest request, SandboxRawDelivery delivery, CancellationToken cancellationToken)
    {
        if (!string.Equals(request.ContentType?.Split(';')[0].Trim(), Rfc822, StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Send the mail as message/rfc822",
                detail: $"The body must be one MIME message with Content-Type: {Rfc822}.");
        }
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        buffer.Position = 0;
        MimeMessage message;
        try
        {
            message = await MimeMessage.LoadAsync(buffer, cancellationToken);
        }
        catch (FormatException exception)
        {
            return Unreadable(exception.Message);
        }
        using (message)
        {
            if (message.To.Count + message.Cc.Count == 0)
            {
                return Unreadable("It has no To or Cc recipient.");
            }
            try
            {
                var result = await delivery.DeliverAsync(message, cancellationToken);
                return TypedResults.Created((string?)null, result);
            }
            catch (NoSandboxRecipientException exception)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "No sandbox mailbox among the recipients", detail: exception.Message);
            }
        }
    }

    /// <summary>The body of <c>POST /sandbox/api/replies/generate</c>.</summary>
    public sealed record GenerateReplies(int Count, int Seed);

    /// <summary>The most replies one request generates.</summary>
    public const int MaxGeneratedReplies = 100_000;

    private static async Task<IResult> GenerateRepliesAsync(GenerateReplies request, SandboxReplyGenerator generator, CancellationToken cancellationToken)
    {
        if (request.Count is < 1 or > MaxGeneratedReplies)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Count out of range",
                detail: $"count must be between 1 and {MaxGeneratedReplies}.");
        }
        try
        {
            return TypedResults.Ok(await generator.GenerateAsync(request.Count, request.Seed, cancellationToken));
        }
        catch (NoApprovalMailException exception)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "No approval mail to answer", detail: exception.Message);
        }
    }

    private static IResult Unreadable(string cause) => TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest,
        title: "The mail could not be read", detail: $"The body is not a MIME message that can be delivered: {cause}");
}
