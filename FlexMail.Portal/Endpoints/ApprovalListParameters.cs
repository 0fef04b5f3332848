using System.ComponentModel;
using System.Globalization;
using FlexMail.Domain.Approvals;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;

namespace FlexMail.Portal.Endpoints;

/// <summary>
/// The query of <c>GET /api/v1/approvals</c>. Bound as text and read here, so that a value that cannot be used is a 400
/// naming its parameter (the framework's own binding would answer an empty 400).
/// </summary>
internal sealed record ApprovalListParameters(
    [property: FromQuery(Name = "status"), Description("Only requests in this state: pending, approved, rejected, expired or cancelled.")] string? Status,
    [property: FromQuery(Name = "externalId"), Description("Only the request with this externalId.")] string? ExternalId,
    [property: FromQuery(Name = "since"), Description("Only requests created at or after this moment (ISO 8601, e.g. 2026-12-01T00:00:00Z).")] string? Since,
    [property: FromQuery(Name = "page"), Description("The page, from 1 (the default).")] string? Page,
    [property: FromQuery(Name = "pageSize"), Description("Requests per page, 1 to 200 (default 50).")] string? PageSize)
{
    public const int DefaultPageSize = 50;

    private static readonly string StatusNames = string.Join(", ", Enum.GetNames<ApprovalStatus>().Select(JsonName));

    /// <summary>The domain's query and the page asked for, or the errors naming each parameter that cannot be used.</summary>
    public (ApprovalListQuery Query, Paging Paging, Dictionary<string, string[]>? Errors) Parse()
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        ApprovalStatus? status = null;
        if (!string.IsNullOrWhiteSpace(Status))
        {
            if (Enum.TryParse<ApprovalStatus>(Status.Trim(), ignoreCase: true, out var parsed) && !Status.Trim().All(char.IsAsciiDigit))
            {
                status = parsed;
            }
            else
            {
                errors["status"] = [$"'{Status}' is not a status: use one of {StatusNames}."];
            }
        }
        DateTimeOffset? since = null;
        if (!string.IsNullOrWhiteSpace(Since))
        {
            if (DateTimeOffset.TryParse(Since.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                since = parsed;
            }
            else
            {
                errors["since"] = [$"'{Since}' is not a date and time: use ISO 8601, e.g. 2026-12-01T00:00:00Z."];
            }
        }
        var page = Number(Page, "page", 1, int.MaxValue / ApprovalListQuery.MaxTake, 1, errors);
        var pageSize = Number(PageSize, "pageSize", 1, ApprovalListQuery.MaxTake, DefaultPageSize, errors);
        var paging = new Paging(page, pageSize);
        var query = new ApprovalListQuery
        {
            Status = status,
            ExternalId = string.IsNullOrWhiteSpace(ExternalId) ? null : ExternalId.Trim(),
            Since = since,
            Skip = (page - 1) * pageSize,
            Take = pageSize,
        };
        return (query, paging, errors.Count == 0 ? null : errors);
    }

    /// <summary>The address of the page after <paramref name="paging"/>, with the same filters.</summary>
    public string NextPage(HttpRequest request, Paging paging)
    {
        var query = new QueryBuilder();
        foreach (var (name, value) in new[] { ("status", Status), ("externalId", ExternalId), ("since", Since) })
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                query.Add(name, value.Trim());
            }
        }
        query.Add("page", (paging.Page + 1).ToString(CultureInfo.InvariantCulture));
        query.Add("pageSize", paging.PageSize.ToString(CultureInfo.InvariantCulture));
        return $"{request.PathBase}{ApprovalsApi.Path}{query.ToQueryString()}";
    }

    private static int Number(string? text, string name, int min, int max, int fallback, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }
        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }
        errors[name] = [$"'{text}' is not a {name} FlexMail serves: use a whole number from {min} to {max}."];
        return fallback;
    }

    private static string JsonName(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}

/// <summary>A page number (from 1) and its size.</summary>
internal sealed record Paging(int Page, int PageSize);
