namespace FlexMail.Portal.Hosting.Hardening;

/// <summary>
/// Registers <see cref="SecurityHeaders"/> to run when the response starts, so that the headers survive the exception
/// handler and the status code pages (which clear the response and run the pipeline again) and reflect the final endpoint.
/// </summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next, SecurityHeaders headers)
{
    private static readonly object Registered = new();

    public Task InvokeAsync(HttpContext context)
    {
        if (context.Items.TryAdd(Registered, null))
        {
            context.Response.OnStarting(() =>
            {
                headers.Apply(context);
                return Task.CompletedTask;
            });
        }
        return next(context);
    }
}
