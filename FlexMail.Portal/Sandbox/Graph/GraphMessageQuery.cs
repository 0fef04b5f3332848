using System.Globalization;
using System.Linq.Expressions;
using System.Text.RegularExpressions;
using FlexMail.Portal.Sandbox.Mail;

namespace FlexMail.Portal.Sandbox.Graph;

/// <summary>
/// The <c>$filter</c> and <c>$orderby</c> of a message list, as a database query. <c>$filter</c> takes comparisons joined
/// by <c>and</c> on <c>isRead</c>, <c>receivedDateTime</c>, <c>sentDateTime</c>, <c>subject</c>, <c>conversationId</c>,
/// <c>internetMessageId</c> (all in SQL), <c>from/emailAddress/address</c> and <c>sender/emailAddress/address</c> (kept in
/// a JSON column, so compared in memory on the rows the other clauses leave: <see cref="GraphMessageFilter.InMemory"/>);
/// <c>$orderby</c> a date property with <c>asc</c>/<c>desc</c> (default <c>receivedDateTime desc</c>).
/// </summary>
public static partial class GraphMessageQuery
{
    public static GraphMessageFilter Filter(IQueryable<SandboxMessage> messages, GraphRequest request)
    {
        Func<SandboxMessage, bool>? inMemory = null;
        if (request.Option("filter") is { Length: > 0 } filter)
        {
            foreach (var clause in AndPattern().Split(filter.Trim()))
            {
                var (sql, memory) = Clause(clause);
                if (sql is not null)
                {
                    messages = messages.Where(sql);
                }
                if (memory is not null)
                {
                    var before = inMemory;
                    inMemory = before is null ? memory : m => before(m) && memory(m);
                }
            }
        }
        return new GraphMessageFilter(Order(messages, request.Option("orderby")), inMemory);
    }

    private static (Expression<Func<SandboxMessage, bool>>? Sql, Func<SandboxMessage, bool>? InMemory) Clause(string clause)
    {
        var match = ComparisonPattern().Match(clause.Trim());
        if (!match.Success)
        {
            throw InvalidFilter();
        }
        var property = match.Groups["property"].Value;
        var op = match.Groups["op"].Value.ToLowerInvariant();
        var literal = match.Groups["value"].Value.Trim();
        switch (property.ToLowerInvariant())
        {
            case "isread":
                var flag = literal.ToLowerInvariant() switch { "true" => true, "false" => false, _ => throw InvalidFilter() };
                return (op switch { "eq" => m => m.IsRead == flag, "ne" => m => m.IsRead != flag, _ => throw InvalidFilter() }, null);
            case "receiveddatetime":
                return (Compare(op, Date(literal), m => m.ReceivedDateTime), null);
            case "sentdatetime":
                return (Compare(op, Date(literal), m => m.SentDateTime), null);
            case "subject":
                return (Text(op, literal, m => m.Subject), null);
            case "conversationid":
                return (Text(op, literal, m => m.ConversationId), null);
            case "internetmessageid":
                return (Text(op, literal, m => m.InternetMessageId), null);
            case "from/emailaddress/address":
                return (null, TextInMemory(op, literal, m => m.From.Address));
            case "sender/emailaddress/address":
                return (null, TextInMemory(op, literal, m => m.Sender.Address));
            default:
                throw InvalidFilter();
        }
    }

    private static Expression<Func<SandboxMessage, bool>> Compare(string op, DateTimeOffset value, Expression<Func<SandboxMessage, DateTimeOffset>> read)
    {
        var constant = Expression.Constant(value);
        Expression body = op switch
        {
            "eq" => Expression.Equal(read.Body, constant),
            "ne" => Expression.NotEqual(read.Body, constant),
            "ge" => Expression.GreaterThanOrEqual(read.Body, constant),
            "gt" => Expression.GreaterThan(read.Body, constant),
            "le" => Expression.LessThanOrEqual(read.Body, constant),
            "lt" => Expression.LessThan(read.Body, constant),
            _ => throw InvalidFilter(),
        };
        return Expression.Lambda<Func<SandboxMessage, bool>>(body, read.Parameters);
    }

    // Graph compares text case-insensitively; SQLite's lower() folds ASCII, which is what these ids and subjects use.
    private static Expression<Func<SandboxMessage, bool>> Text(string op, string literal, Expression<Func<SandboxMessage, string>> read)
    {
        var value = Expression.Constant(Unquote(literal).ToLowerInvariant());
        var lowered = Expression.Call(read.Body, typeof(string).GetMethod(nameof(string.ToLower), Type.EmptyTypes)!);
        Expression body = op switch
        {
            "eq" => Expression.Equal(lowered, value),
            "ne" => Expression.NotEqual(lowered, value),
            _ => throw InvalidFilter(),
        };
        return Expression.Lambda<Func<SandboxMessage, bool>>(body, read.Parameters);
    }

    private static Func<SandboxMessage, bool> TextInMemory(string op, string literal, Func<SandboxMessage, string> read)
    {
        var value = Unquote(literal);
        return op switch
        {
            "eq" => m => string.Equals(read(m), value, StringComparison.OrdinalIgnoreCase),
            "ne" => m => !string.Equals(read(m), value, StringComparison.OrdinalIgnoreCase),
            _ => throw InvalidFilter(),
        };
    }

    private static string Unquote(string literal) =>
        literal.Length >= 2 && literal[0] == '\'' && literal[^1] == '\'' ? literal[1..^1].Replace("''", "'") : throw InvalidFilter();

    // Stored as binary with its offset: compared in UTC, as the sandbox stores every date.
    private static DateTimeOffset Date(string literal) =>
        DateTimeOffset.TryParse(literal.Trim('\''), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            ? value.ToUniversalTime()
            : throw InvalidFilter();

    private static IQueryable<SandboxMessage> Order(IQueryable<SandboxMessage> messages, string? orderBy)
    {
        var parts = (orderBy ?? "receivedDateTime desc").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0)
        {
            throw GraphException.BadRequest("The $orderby query option is empty: name a property, optionally followed by asc or desc.");
        }
        Expression<Func<SandboxMessage, DateTimeOffset>> key = parts[0].ToLowerInvariant() switch
        {
            "receiveddatetime" => m => m.ReceivedDateTime,
            "sentdatetime" => m => m.SentDateTime,
            "createddatetime" => m => m.CreatedDateTime,
            "lastmodifieddatetime" => m => m.LastModifiedDateTime,
            _ => throw GraphException.BadRequest($"Could not find a property named '{parts[0]}' on type 'microsoft.graph.message'."),
        };
        var descending = parts.Length > 1 && string.Equals(parts[1], "desc", StringComparison.OrdinalIgnoreCase);
        // Messages delivered in the same instant keep a stable order (their immutable id) so that paging never repeats one.
        return descending ? messages.OrderByDescending(key).ThenByDescending(m => m.ImmutableId)
            : messages.OrderBy(key).ThenBy(m => m.ImmutableId);
    }

    private static GraphException InvalidFilter() =>
        new(StatusCodes.Status400BadRequest, "ErrorInvalidUrlQueryFilter", "The query filter contains one or more invalid nodes.");

    [GeneratedRegex(@"\s+and\s+", RegexOptions.IgnoreCase)]
    private static partial Regex AndPattern();

    [GeneratedRegex(@"^(?<property>[A-Za-z/]+)\s+(?<op>eq|ne|ge|gt|le|lt)\s+(?<value>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex ComparisonPattern();
}

/// <summary>A filtered, ordered message query, and the clauses that only memory can compare (null: none).</summary>
public sealed record GraphMessageFilter(IQueryable<SandboxMessage> Query, Func<SandboxMessage, bool>? InMemory);
