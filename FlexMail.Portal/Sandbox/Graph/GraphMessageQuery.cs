using System.Globalization;
using System.Text.RegularExpressions;
using FlexMail.Portal.Sandbox.Mail;

namespace FlexMail.Portal.Sandbox.Graph;

/// <summary>
/// The <c>$filter</c> and <c>$orderby</c> of a message list. <c>$filter</c> takes comparisons joined by <c>and</c> on
/// <c>isRead</c>, <c>receivedDateTime</c>, <c>sentDateTime</c>, <c>from/emailAddress/address</c>,
/// <c>sender/emailAddress/address</c>, <c>subject</c>, <c>conversationId</c> and <c>internetMessageId</c>;
/// <c>$orderby</c> a date property with <c>asc</c>/<c>desc</c> (default <c>receivedDateTime desc</c>).
/// </summary>
public static partial class GraphMessageQuery
{
    public static IEnumerable<SandboxMessage> Apply(IEnumerable<SandboxMessage> messages, GraphRequest request)
    {
        if (request.Option("filter") is { Length: > 0 } filter)
        {
            foreach (var clause in AndPattern().Split(filter.Trim()))
            {
                var predicate = Clause(clause);
                messages = messages.Where(predicate);
            }
        }
        return Order(messages, request.Option("orderby"));
    }

    private static Func<SandboxMessage, bool> Clause(string clause)
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
                return op switch { "eq" => m => m.IsRead == flag, "ne" => m => m.IsRead != flag, _ => throw InvalidFilter() };
            case "receiveddatetime":
                return Compare(op, Date(literal), m => m.ReceivedDateTime);
            case "sentdatetime":
                return Compare(op, Date(literal), m => m.SentDateTime);
            case "from/emailaddress/address":
                return Text(op, literal, m => m.From.Address);
            case "sender/emailaddress/address":
                return Text(op, literal, m => m.Sender.Address);
            case "subject":
                return Text(op, literal, m => m.Subject);
            case "conversationid":
                return Text(op, literal, m => m.ConversationId);
            case "internetmessageid":
                return Text(op, literal, m => m.InternetMessageId);
            default:
                throw InvalidFilter();
        }
    }

    private static Func<SandboxMessage, bool> Compare(string op, DateTimeOffset value, Func<SandboxMessage, DateTimeOffset> read) => op switch
    {
        "eq" => m => read(m) == value,
        "ne" => m => read(m) != value,
        "ge" => m => read(m) >= value,
        "gt" => m => read(m) > value,
        "le" => m => read(m) <= value,
        "lt" => m => read(m) < value,
        _ => throw InvalidFilter(),
    };

    private static Func<SandboxMessage, bool> Text(string op, string literal, Func<SandboxMessage, string> read)
    {
        if (literal.Length < 2 || literal[0] != '\'' || literal[^1] != '\'')
        {
            throw InvalidFilter();
        }
        var value = literal[1..^1].Replace("''", "'");
        return op switch
        {
            "eq" => m => string.Equals(read(m), value, StringComparison.OrdinalIgnoreCase),
            "ne" => m => !string.Equals(read(m), value, StringComparison.OrdinalIgnoreCase),
            _ => throw InvalidFilter(),
        };
    }

    private static DateTimeOffset Date(string literal) =>
        DateTimeOffset.TryParse(literal.Trim('\''), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            ? value
            : throw InvalidFilter();

    private static IEnumerable<SandboxMessage> Order(IEnumerable<SandboxMessage> messages, string? orderBy)
    {
        var parts = (orderBy ?? "receivedDateTime desc").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0)
        {
            throw GraphException.BadRequest("The $orderby query option is empty: name a property, optionally followed by asc or desc.");
        }
        Func<SandboxMessage, DateTimeOffset> key = parts[0].ToLowerInvariant() switch
        {
            "receiveddatetime" => m => m.ReceivedDateTime,
            "sentdatetime" => m => m.SentDateTime,
            "createddatetime" => m => m.CreatedDateTime,
            "lastmodifieddatetime" => m => m.LastModifiedDateTime,
            _ => throw GraphException.BadRequest($"Could not find a property named '{parts[0]}' on type 'microsoft.graph.message'."),
        };
        var descending = parts.Length > 1 && string.Equals(parts[1], "desc", StringComparison.OrdinalIgnoreCase);
        // Messages delivered in the same instant keep a stable order (their key) so that paging never repeats one.
        return descending ? messages.OrderByDescending(key).ThenByDescending(m => m.ImmutableId, StringComparer.Ordinal)
            : messages.OrderBy(key).ThenBy(m => m.ImmutableId, StringComparer.Ordinal);
    }

    private static GraphException InvalidFilter() =>
        new(StatusCodes.Status400BadRequest, "ErrorInvalidUrlQueryFilter", "The query filter contains one or more invalid nodes.");

    [GeneratedRegex(@"\s+and\s+", RegexOptions.IgnoreCase)]
    private static partial Regex AndPattern();

    [GeneratedRegex(@"^(?<property>[A-Za-z/]+)\s+(?<op>eq|ne|ge|gt|le|lt)\s+(?<value>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex ComparisonPattern();
}
