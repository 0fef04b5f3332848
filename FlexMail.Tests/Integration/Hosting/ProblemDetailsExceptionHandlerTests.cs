using System.Text.Json;
using FlexMail.Portal.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace FlexMail.Tests.Integration.Hosting;

public sealed class ProblemDetailsExceptionHandlerTests
{
    [Fact]
    public async Task Handle_ApiRequest_AnswersProblemDetailsWithoutTheExceptionsMessage()
    {
        await using var services = Services();
        var context = Request(services, "POST", "application/json");

        var handled = await Handler(services).TryHandleAsync(context, new InvalidOperationException("secret internal detail"), CancellationToken.None);

        Assert.True(handled);
        Assert.Equal(StatusCodes.Status500InternalServerError, context.Response.StatusCode);
        Assert.Equal("application/problem+json", context.Response.ContentType);
        using var problem = JsonDocument.Parse(Body(context));
        Assert.Equal("FlexMail could not finish this request", problem.RootElement.GetProperty("title").GetString());
        Assert.True(problem.RootElement.TryGetProperty("traceId", out _));
        Assert.DoesNotContain("secret internal detail", Body(context), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Handle_BadRequestException_AnswersItsStatus()
    {
        await using var services = Services();
        var context = Request(services, "POST", "*/*");

        var handled = await Handler(services).TryHandleAsync(context, new BadHttpRequestException("too large", StatusCodes.Status413PayloadTooLarge), CancellationToken.None);

        Assert.True(handled);
        Assert.Equal(StatusCodes.Status413PayloadTooLarge, context.Response.StatusCode);
        Assert.Contains("The request could not be read", Body(context), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("DELETE")]
    [InlineData("PATCH")]
    [InlineData("POST")]
    public async Task Handle_NonGetAcceptingOnlyHtml_AnswersProblemDetailsInsteadOfReRunningTheErrorPage(string method)
    {
        await using var services = Services();
        var context = Request(services, method, "text/html");

        var handled = await Handler(services).TryHandleAsync(context, new InvalidOperationException("secret internal detail"), CancellationToken.None);

        // Declined, the exception handler would re-run /error with this method: an empty 405 from the GET-only error page.
        Assert.True(handled);
        Assert.Equal(StatusCodes.Status500InternalServerError, context.Response.StatusCode);
        Assert.Equal("application/problem+json", context.Response.ContentType?.Split(';')[0]);
        using var problem = JsonDocument.Parse(Body(context));
        Assert.Equal("FlexMail could not finish this request", problem.RootElement.GetProperty("title").GetString());
        Assert.Equal(500, problem.RootElement.GetProperty("status").GetInt32());
        Assert.True(problem.RootElement.TryGetProperty("traceId", out _));
        Assert.DoesNotContain("secret internal detail", Body(context), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Handle_PageRequest_LeavesItToTheErrorPage()
    {
        await using var services = Services();
        var context = Request(services, "GET", "text/html,application/xhtml+xml,*/*;q=0.8");

        var handled = await Handler(services).TryHandleAsync(context, new InvalidOperationException("boom"), CancellationToken.None);

        Assert.False(handled);
        Assert.Equal(0, context.Response.Body.Length);
    }

    private static ServiceProvider Services() => new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();

    private static ProblemDetailsExceptionHandler Handler(IServiceProvider services) =>
        new(services.GetRequiredService<Microsoft.AspNetCore.Http.IProblemDetailsService>(), NullLogger<ProblemDetailsExceptionHandler>.Instance);

    private static DefaultHttpContext Request(IServiceProvider services, string method, string accept)
    {
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.Method = method;
        context.Request.Path = "/oauth/authorize";
        context.Request.Headers.Accept = accept;
        context.Response.Body = new MemoryStream();
        context.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(context.Response.Body));
        return context;
    }

    private static string Body(HttpContext context)
    {
        context.Response.Body.Position = 0;
        return new StreamReader(context.Response.Body).ReadToEnd();
    }
}
