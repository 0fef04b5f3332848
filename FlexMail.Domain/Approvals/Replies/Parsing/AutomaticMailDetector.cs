using System.Text.RegularExpressions;
using FlexMail.Domain.Mail;

namespace FlexMail.Domain.Approvals.Replies.Parsing;

/// <summary>
/// Tells auto-replies and bounces from replies a person wrote, by their headers, subject and sender. A bounce wins
/// over an auto-reply. <c>X-Auto-Response-Suppress</c> does not count: FlexMail sends it itself.
/// </summary>
public static partial class AutomaticMailDetector
{
    private static readonly string[] AutoReplySubjects =
    [
        "Automatic reply:", "Autosvar:", "Automatische Antwort:", "Réponse automatique :", "Réponse automatique:",
        "Respuesta automática:", "Risposta automatica:", "Automatisch antwoord:", "Resposta automática:",
    ];

    private static readonly string[] AutoReplySubjectWords = ["Out of Office", "Abwesenheitsnotiz"];

    private static readonly string[] BounceSubjects =
    [
        "Undeliverable:", "Unzustellbar:", "Non remis :", "Non remis:", "No se puede entregar:", "Non recapitabile:",
        "Onbestelbaar:", "Não é possível entregar:",
    ];

    private static readonly string[] BounceSubjectWords = ["Delivery Status Notification", "Mail delivery failed"];

    /// <summary>The automatic mail this is, or null when a person (as far as the headers tell) wrote it.</summary>
    public static AutomaticMail? Detect(IReadOnlyList<MailHeader> headers, string? subject, string? fromAddress)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var bare = WithoutReplyPrefixes(subject?.Trim() ?? "");
        return Bounce(headers, subject, bare, fromAddress) ?? AutoReply(headers, subject, bare);
    }

    private static AutomaticMail? Bounce(IReadOnlyList<MailHeader> headers, string? subject, string bare, string? from)
    {
        if (Header(headers, "Content-Type") is { } type && type.TrimStart().StartsWith("multipart/report", StringComparison.OrdinalIgnoreCase))
        {
            return new AutomaticMail(AutomaticMailKind.Bounce, "Content-Type is multipart/report (a delivery report).");
        }
        var local = from is null ? "" : from.Split('@')[0].Trim();
        if (local.Equals("mailer-daemon", StringComparison.OrdinalIgnoreCase) || local.Equals("postmaster", StringComparison.OrdinalIgnoreCase))
        {
            return new AutomaticMail(AutomaticMailKind.Bounce, $"Sent by {from} (a mail server).");
        }
        if (BounceSubjects.Any(s => bare.StartsWith(s, StringComparison.OrdinalIgnoreCase))
            || BounceSubjectWords.Any(s => bare.Contains(s, StringComparison.OrdinalIgnoreCase)))
        {
            return new AutomaticMail(AutomaticMailKind.Bounce, $"The subject \"{subject}\" is a delivery failure's.");
        }
        return null;
    }

    private static AutomaticMail? AutoReply(IReadOnlyList<MailHeader> headers, string? subject, string bare)
    {
        if (Header(headers, "Auto-Submitted") is { } submitted && !submitted.Trim().Equals("no", StringComparison.OrdinalIgnoreCase))
        {
            return new AutomaticMail(AutomaticMailKind.AutoReply, $"Auto-Submitted: {submitted.Trim()}.");
        }
        foreach (var name in new[] { "X-Autoreply", "X-Autorespond" })
        {
            if (Header(headers, name) is not null)
            {
                return new AutomaticMail(AutomaticMailKind.AutoReply, $"The {name} header is set.");
            }
        }
        if (Header(headers, "Precedence") is { } precedence
            && precedence.Trim().ToLowerInvariant() is "auto_reply" or "bulk" or "junk")
        {
            return new AutomaticMail(AutomaticMailKind.AutoReply, $"Precedence: {precedence.Trim()}.");
        }
        if (AutoReplySubjects.Any(s => bare.StartsWith(s, StringComparison.OrdinalIgnoreCase))
            || AutoReplySubjectWords.Any(s => bare.Contains(s, StringComparison.OrdinalIgnoreCase)))
        {
            return new AutomaticMail(AutomaticMailKind.AutoReply, $"The subject \"{subject}\" is an automatic reply's.");
        }
        return null;
    }

    private static string? Header(IReadOnlyList<MailHeader> headers, string name) =>
        headers.FirstOrDefault(h => string.Equals(h.Name?.Trim(), name, StringComparison.OrdinalIgnoreCase))?.Value;

    private static string WithoutReplyPrefixes(string subject)
    {
        for (var i = 0; i < 10; i++)
        {
            var match = ReplyPrefix().Match(subject);
            if (!match.Success)
            {
                break;
            }
            subject = subject[match.Length..];
        }
        return subject;
    }

    [GeneratedRegex(@"^(?:RE|AW|WG|FW|FWD|TR|RV|RES|R|SV|VS|ANTW|DOORST|ENC|RIF|Antwort)\s?:\s*",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex ReplyPrefix();
}
