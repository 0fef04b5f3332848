using System.ComponentModel;
using System.Globalization;
using FlexMail.Domain.Approvals.Replies;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;

namespace FlexMail.Portal.Endpoints;

/// <summary>
/// The query of <c>GET /api/v1/replies</c>. Bound as text and read here, so that a value that cannot be used is a 400
/// naming its parameter.
/// </summary>
internal sealed record ReplyListParameters(
    [property: FromQuery(Name = "outcome"), Description("Only replies with this outcome: approved, rejected, no-decision, ignored, refused, duplicate, late or foreign.")] string? Outcome,
    [property: FromQuery(Name = "approvalId"), Description("Only replies to this approval request (its id).")] string? ApprovalId,
    [property: FromQuery(Name = "sender"), Description("Only replies from this email address (any case).")] string? Sender,
    [property: FromQuery(Name = "since"), Description("Only replies decided at or after this moment (ISO 8601, e.g. 2026-12-01T00:00:00Z).")] string? Since,
    [property: FromQuery(Name = "until"), Description("Only replies decided before this moment (ISO 8601).")] string? Until,
    [property: FromQuery(Name = "page"), Description("The page, from 1 (the default).")] string? Page,
    [property: FromQuery(Name = "pageSize"), Description("Replies per page, 1 to 200 (default 50).")] string? PageSize)
{
    public const int DefaultPageSize = 50;

    private static readonly string OutcomeNames = string.Join(", ", Enum.GetValues<ReplyOutcome>().Select(ReplyJsonNames.Of));

    /// <summary>The domain's query and the page asked for, or the errors naming each parameter that cannot be used.</summary>
    public (ReplyListQuery Query, Paging Paging, Dictionary<string, string[]>? Errors) Parse()
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        ReplyOutcome? outcome = null;
        if (!string.IsNullOrWhiteSpace(Outcome))
        {
            outcome = ReplyJsonNames.OutcomeOf(Outcome.Trim());
            if (outcome is null)
            {
                errors["outcome"] = [$"'{Outcome}' is not an outcome: use one of {OutcomeNames}."];
            }
        }
        Guid? approvalId = null;
        if (!string.IsNullOrWhiteSpace(ApprovalId))
        {
            if (Guid.TryParse(ApprovalId.Trim(), out var parsed))
            {
                approvalId = parsed;
            }
            else
            {
                errors["approvalId"] = [$"'{ApprovalId}' is not an approval request's id: use the id a request was created with (a GUID)."];
            }
        }
        var since = Moment(Since, "since", errors);
        var until = Moment(Until, "until", errors);
        var page = Number(Page, "page", 1, int.MaxValue / ReplyListQuery.MaxTake, 1, errors);
        var pageSize = Number(PageSize, "pageSize", 1, ReplyListQuery.MaxTake, DefaultPageSize, errors);
        var query = new ReplyListQuery
        {
            Outcome = outcome,
            ApprovalRequestId = approvalId,
            Sender = string.IsNullOrWhiteSpace(Sender) ? null : Sender.Trim(),
            Since = since,
            Until = until,
            Skip = (page - 1) * pageSize,
            Take = pageSize,
        };
        return (query, new Paging(page, pageSize), errors.Count == 0 ? null : errors);
    }

    /// <summary>The address of the page after <paramref name="paging"/>, with the same filters.</summary>
    public string NextPage(HttpRequest request, Paging paging)
    {
        var query = new QueryBuilder();
        foreach (var (name, value) in new[] { ("outcome", Outcome), ("approvalId", ApprovalId), ("sender", Sender), ("since", Since), ("until", Until) })
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                query.Add(name, value.Trim());
            }
        }
        query.Add("page", (paging.Page + 1).ToString(CultureInfo.InvariantCulture));
        query.Add("pageSize", paging.PageSize.ToString(CultureInfo.InvariantCulture));
        return $"{request.PathBase}{RepliesApi.Path}{query.ToQueryString()}";
    }

    private static DateTimeOffset? Moment(string? text, string name, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return parsed;
        }
        errors[name] = [$"'{text}' is not a date and time: use ISO 8601, e.g. 2026-12-01T00:00:00Z."];
        return null;
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
}
