using FlexMail.Portal.Hosting.Hardening;
using FlexMail.Portal.Hosting.SignIn;
using FlexMail.Portal.Sandbox.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FlexMail.Portal.Sandbox.Mail;

/// <summary>
/// The HTML body of a sandbox message as its own document, for the mail client's sandboxed frame. Its policy loads
/// nothing from elsewhere (no remote images, CSS <c>url()</c>, fonts or frames: tracking pixels stay silent) and runs no
/// script; with <c>remoteImages=true</c> (the reader chose "Show remote images") it also loads https images.
/// </summary>
public static class SandboxMailBodyEndpoint
{
    public const string Path = "/sandbox/mail/messages";

    public const string BlockedPolicy = "default-src 'none'; img-src data: cid:; style-src 'unsafe-inline'; sandbox";

    public const string RemoteImagesPolicy = "default-src 'none'; img-src data: cid: https:; style-src 'unsafe-inline'; sandbox";

    /// <summary>The address of a message's body document.</summary>
    public static string Url(string messageId, bool remoteImages) =>
        $"{Path}/{Uri.EscapeDataString(messageId)}/body{(remoteImages ? "?remoteImages=true" : "")}";

    public static IEndpointRouteBuilder MapSandboxMailBody(this IEndpointRouteBuilder app)
    {
        app.MapGet($"{Path}/{{id}}/body", ServeAsync)
            .RequireAuthorization(PortalPolicies.Admin)
            .ExcludeFromDescription()
            .WithMetadata(new FramedDocumentPolicy(context => WantsRemoteImages(context.Request) ? RemoteImagesPolicy : BlockedPolicy));
        return app;
    }

    private static bool WantsRemoteImages(HttpRequest request) =>
        string.Equals(request.Query["remoteImages"], "true", StringComparison.OrdinalIgnoreCase);

    private static async Task<IResult> ServeAsync(string id, IDbContextFactory<SandboxDbContext> contexts, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var message = await db.Messages.AsNoTracking().Where(m => m.Id == id)
            .Select(m => new { m.BodyContentType, m.Body }).SingleOrDefaultAsync(cancellationToken);
        return message switch
        {
            null => Results.NotFound(),
            { BodyContentType: "html" } => Results.Content(message.Body, "text/html; charset=utf-8"),
            _ => Results.Text(message.Body, "text/plain; charset=utf-8"),
        };
    }
}
