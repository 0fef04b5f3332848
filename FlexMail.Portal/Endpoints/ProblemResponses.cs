using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace FlexMail.Portal.Endpoints;

/// <summary>
/// An RFC 7807 answer with a fixed status that says so in the endpoint's metadata (so the OpenAPI document lists the
/// status), written as <c>application/problem+json</c> (the framework's <c>NotFound&lt;ProblemDetails&gt;</c> writes plain JSON).
/// </summary>
public abstract class ProblemResponse(ProblemDetails details) : IResult, IStatusCodeHttpResult, IValueHttpResult<ProblemDetails>, IValueHttpResult
{
    public const string ContentType = "application/problem+json";

    public ProblemDetails Value { get; } = details;

    object? IValueHttpResult.Value => Value;

    public abstract int StatusCode { get; }

    int? IStatusCodeHttpResult.StatusCode => StatusCode;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        Value.Status = StatusCode;
        return TypedResults.Problem(Value).ExecuteAsync(httpContext);
    }

    protected static void Describe(EndpointBuilder builder, int status) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(status, typeof(ProblemDetails), [ContentType]));
}

/// <summary>404 ProblemDetails: what was asked for does not exist.</summary>
public sealed class NotFoundProblem(ProblemDetails details) : ProblemResponse(details), IEndpointMetadataProvider
{
    public override int StatusCode => StatusCodes.Status404NotFound;

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Describe(builder, StatusCodes.Status404NotFound);
}

/// <summary>409 ProblemDetails: the request contradicts the state (closed, already decided, an external id in use).</summary>
public sealed class ConflictProblem(ProblemDetails details) : ProblemResponse(details), IEndpointMetadataProvider
{
    public override int StatusCode => StatusCodes.Status409Conflict;

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Describe(builder, StatusCodes.Status409Conflict);
}
