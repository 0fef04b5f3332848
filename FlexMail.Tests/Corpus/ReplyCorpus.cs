using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using MimeKit;
using MimeKit.Utils;

namespace FlexMail.Tests.Corpus;

/// <summary>
/// The shipped corpus of approval replies (<c>Corpus/Replies/&lt;client&gt;/&lt;case&gt;.eml</c>) and its manifest
/// (<c>Corpus/replies.json</c>). A case's MIME text holds placeholders (<c>{{token}}</c>, <c>{{messageId}}</c>,
/// <c>{{approver}}</c>, <c>{{replyAddress}}</c>, <c>{{date}}</c>) that <see cref="Fill"/> binds to a real approval.
/// </summary>
public static class ReplyCorpus
{
    private static readonly Lazy<IReadOnlyList<ReplyCase>> LoadedCases = new(Load);

    /// <summary>The folder the corpus is copied to next to the test assembly.</summary>
    public static string Root { get; } = Path.Combine(AppContext.BaseDirectory, "Corpus");

    /// <summary>Every case of the manifest, in manifest order.</summary>
    public static IReadOnlyList<ReplyCase> Cases => LoadedCases.Value;

    /// <summary>The case's MIME text as stored, placeholders included.</summary>
    public static string Raw(ReplyCase replyCase) => File.ReadAllText(PathOf(replyCase), Encoding.UTF8);

    /// <summary>The absolute path of a case's .eml file.</summary>
    public static string PathOf(ReplyCase replyCase) =>
        Path.Combine(Root, replyCase.File.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>
    /// The case's MIME text with its placeholders replaced. Placeholders inside base64 parts are replaced in the decoded
    /// text and the part is encoded again.
    /// </summary>
    public static string Fill(ReplyCase replyCase, CorpusValues values)
    {
        var text = FillText(Raw(replyCase), values);
        if (!text.Contains("base64", StringComparison.OrdinalIgnoreCase))
        {
            return text;
        }
        var message = MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(text)));
        foreach (var part in message.BodyParts.OfType<TextPart>().Where(p => p.Text.Contains("{{", StringComparison.Ordinal)))
        {
            var charset = part.ContentType.CharsetEncoding ?? Encoding.UTF8;
            var encoding = part.ContentTransferEncoding;
            part.SetText(charset, FillText(part.Text, values));
            part.ContentTransferEncoding = encoding;
        }
        using var output = new MemoryStream();
        message.WriteTo(output);
        return Encoding.UTF8.GetString(output.ToArray());
    }

    /// <summary>A text (a MIME text, an expected comment) with the corpus placeholders replaced.</summary>
    public static string FillText(string text, CorpusValues values)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(values);
        return text
            .Replace("{{token}}", values.Token, StringComparison.Ordinal)
            .Replace("{{messageId}}", values.MessageId.Trim().TrimStart('<').TrimEnd('>'), StringComparison.Ordinal)
            .Replace("{{approver}}", values.Approver, StringComparison.Ordinal)
            .Replace("{{replyAddress}}", values.ReplyAddress, StringComparison.Ordinal)
            .Replace("{{date}}", DateUtils.FormatDate(values.Date), StringComparison.Ordinal);
    }

    /// <summary>The filled case parsed by MimeKit.</summary>
    public static MimeMessage Message(ReplyCase replyCase, CorpusValues values) =>
        MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(Fill(replyCase, values))));

    /// <summary>Every .eml file under the corpus folder, as manifest-style relative paths.</summary>
    public static IReadOnlyList<string> Files() =>
        [.. Directory.EnumerateFiles(Path.Combine(Root, "Replies"), "*.eml", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(Root, path).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal)];

    private static IReadOnlyList<ReplyCase> Load()
    {
        using var stream = File.OpenRead(Path.Combine(Root, "replies.json"));
        return JsonSerializer.Deserialize<List<ReplyCase>>(stream, JsonOptions) ?? [];
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter<CorpusOutcome>(JsonNamingPolicy.KebabCaseLower) },
    };
}

/// <summary>One corpus case as the manifest describes it.</summary>
/// <param name="File">Path of the .eml file relative to the corpus folder.</param>
/// <param name="Client">The mail client (or gateway, auto-reply, bounce) whose format the mail has.</param>
/// <param name="Language">Language of the quote headers and sign-offs.</param>
/// <param name="Format"><c>html</c> when the mail has an HTML body (which is read), else <c>text</c>.</param>
/// <param name="Outcome">What FlexMail must make of the mail.</param>
/// <param name="Comment">The expected comment (the contract's Comment rule), null when none.</param>
/// <param name="Ambiguity">The expected ambiguity name for no-decision cases; informational.</param>
/// <param name="Note">What the case is about.</param>
public sealed record ReplyCase(string File, string Client, string Language, string Format, CorpusOutcome Outcome,
    string? Comment, string? Ambiguity, string Note)
{
    public override string ToString() => File;
}

/// <summary>The outcome a corpus case expects.</summary>
public enum CorpusOutcome { Approved, Rejected, NoDecision, Ignored }

/// <summary>The real values a case is bound to.</summary>
/// <param name="Token">The reply token, e.g. <c>FM-7KQ2-3M9X4T8RZP1V6WQH</c>.</param>
/// <param name="MessageId">FlexMail's Message-ID of the approval mail, with or without angle brackets.</param>
/// <param name="Approver">The approver's address (From).</param>
/// <param name="ReplyAddress">The Approval Reply Address (To).</param>
/// <param name="Date">The reply's date.</param>
public sealed record CorpusValues(string Token, string MessageId, string Approver, string ReplyAddress, DateTimeOffset Date)
{
    /// <summary>Values for tests that need no particular approval.</summary>
    public static CorpusValues Sample { get; } = new("FM-7KQ2-3M9X4T8RZP1V6WQH", "<approval-1.3f2a@flexmail.example>",
        "anna.berg@contoso.example", "approvals@flexmail.example", new DateTimeOffset(2026, 12, 2, 15, 4, 0, TimeSpan.Zero));
}
