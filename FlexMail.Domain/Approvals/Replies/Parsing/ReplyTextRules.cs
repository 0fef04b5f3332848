using System.Text.RegularExpressions;

namespace FlexMail.Domain.Approvals.Replies.Parsing;

/// <summary>
/// The line patterns of plain-text replies in the seven languages FlexMail reads (English, German, French, Spanish,
/// Italian, Dutch, Portuguese): where a quote, a signature or a footer begins, gateway banners, salutations and
/// sign-offs. Every pattern is anchored, has no nested quantifier and a match timeout.
/// </summary>
internal static partial class ReplyTextRules
{
    private const int Timeout = 200;

    /// <summary>The line FlexMail's own Approve/Reject links put above the reference.</summary>
    public const string FlexMailMarker = "---- Please do not modify below this line ----";

    private static readonly string[] MobileFooters =
    [
        "Sent from my ", "Get Outlook for iOS", "Get Outlook for Android", "Sent from Outlook", "Sent from Mail for Windows",
        "Von meinem iPhone gesendet", "Von meinem iPad gesendet", "Envoyé de mon iPhone", "Envoyé de mon iPad",
        "Enviado desde mi iPhone", "Enviado desde mi iPad", "Inviato da iPhone", "Inviato da iPad", "Inviato dal mio iPhone",
        "Verzonden vanaf mijn iPhone", "Verzonden vanaf mijn iPad", "Enviado do meu iPhone", "Enviado do meu iPad",
        "Sent from Yahoo Mail", "Gesendet von Outlook",
    ];

    /// <summary>True when the (trimmed) line opens an original-message block: a separator line or its translations.</summary>
    public static bool IsOriginalMessageSeparator(string line) =>
        line.Length >= 10 && (line[0] == '-' || line[0] == '_') && (OriginalMessage().IsMatch(line) || OutlookSeparator().IsMatch(line));

    /// <summary>True when the (trimmed) line starts a header block: <c>From:</c> followed within 4 lines by <c>Sent:</c>/<c>Date:</c>.</summary>
    public static bool StartsHeaderBlock(IReadOnlyList<string> trimmed, int index)
    {
        if (!HeaderFrom().IsMatch(trimmed[index]))
        {
            return false;
        }
        for (var next = index + 1; next < trimmed.Count && next <= index + 4; next++)
        {
            if (HeaderDate().IsMatch(trimmed[next]))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>How many lines (1 or 2) an "On … wrote:" attribution at this index takes; 0 when there is none.</summary>
    public static int AttributionLength(IReadOnlyList<string> trimmed, int index)
    {
        var line = trimmed[index];
        if (!AttributionStart().IsMatch(line))
        {
            return 0;
        }
        if (Attribution().IsMatch(line))
        {
            return 1;
        }
        return index + 1 < trimmed.Count && trimmed[index + 1].Length > 0 && Attribution().IsMatch(line + " " + trimmed[index + 1]) ? 2 : 0;
    }

    /// <summary>True for a signature delimiter (<c>-- </c>, <c>--</c>), a mobile footer or FlexMail's own marker line.</summary>
    public static bool IsSignatureStart(string trimmed)
    {
        if (trimmed == "--" || trimmed == FlexMailMarker)
        {
            return true;
        }
        foreach (var footer in MobileFooters)
        {
            if (trimmed.StartsWith(footer, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>True when a (trimmed) line opens a gateway banner (<c>CAUTION:</c>, <c>[EXTERNAL]</c> …).</summary>
    public static bool IsBannerStart(string trimmed) => trimmed.Length > 0 && Banner().IsMatch(trimmed);

    /// <summary>True for a lone salutation line: short, starting with a greeting word, ending with a comma.</summary>
    public static bool IsSalutation(string trimmed) =>
        trimmed.Length is > 2 and <= 60 && trimmed[^1] == ',' && Salutation().IsMatch(trimmed);

    /// <summary>True for a sign-off line (<c>Thanks</c>, <c>Best regards,</c>, <c>Mit freundlichen Grüßen</c> …).</summary>
    public static bool IsSignOff(string trimmed) => trimmed.Length is > 0 and <= 40 && SignOff().IsMatch(trimmed);

    [GeneratedRegex(@"^-{2,}\s?(?:Original Message|Ursprüngliche Nachricht|Message d'origine|Mensaje original|Messaggio originale|Oorspronkelijk bericht|Mensagem original|Forwarded message|Weitergeleitete Nachricht)\s?-{2,}$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex OriginalMessage();

    [GeneratedRegex(@"^_{10,}$", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex OutlookSeparator();

    [GeneratedRegex(@"^\*{0,2}(?:From|Von|De|Da|Van)\*{0,2}\s?:", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex HeaderFrom();

    [GeneratedRegex(@"^\*{0,2}(?:Sent|Date|Gesendet|Datum|Envoyé|Enviado el|Enviado|Inviato|Verzonden|Data|Fecha|Enviada)\*{0,2}\s?:",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex HeaderDate();

    [GeneratedRegex(@"^(?:On|Am|Le|El|Il|Op|Em)\s", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex AttributionStart();

    [GeneratedRegex(@"^(?:On|Am|Le|El|Il|Op|Em)\s.{0,400}?\s(?:wrote|schrieb|a\s+écrit|escribió|ha\s+scritto|schreef|escreveu)(?:\s[^:]{0,300})?\s?:$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex Attribution();

    [GeneratedRegex(@"^(?:CAUTION\s?:|\[EXTERNAL\]|\[EXTERN\]|EXTERNAL EMAIL|EXTERNAL MESSAGE|WARNING\s?: This (?:e-?mail|message) originated from outside|This (?:e-?mail|message) originated from outside)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex Banner();

    [GeneratedRegex(@"^(?:Hi|Hello|Hey|Dear|Good (?:morning|afternoon|evening)|Hallo|Liebe|Lieber|Sehr geehrte|Sehr geehrter|Guten (?:Tag|Morgen)|Moin|Servus|Bonjour|Bonsoir|Salut|Cher|Chère|Hola|Buenos días|Buenas tardes|Estimado|Estimada|Querido|Querida|Ciao|Buongiorno|Salve|Gentile|Caro|Cara|Hoi|Beste|Dag|Goedemorgen|Goedemiddag|Olá|Ola|Bom dia|Boa tarde|Prezado|Prezada)(?:\s[^,]{0,50})?,$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex Salutation();

    [GeneratedRegex(@"^(?:Thanks|Thank you|Thanks a lot|Many thanks|Thx|Regards|Best|Best regards|Kind regards|Warm regards|Best wishes|Cheers|Danke|Danke schön|Vielen Dank|Viele Grüße|Beste Grüße|Liebe Grüße|Freundliche Grüße|Mit freundlichen Grüßen|Gruß|Grüße|LG|VG|MfG|Merci|Merci beaucoup|Cordialement|Bien cordialement|Bien à vous|Gracias|Muchas gracias|Saludos|Saludos cordiales|Un saludo|Grazie|Grazie mille|Cordiali saluti|Distinti saluti|Saluti|Bedankt|Met vriendelijke groet|Met vriendelijke groeten|Vriendelijke groet|Groeten|Groetjes|Obrigado|Obrigada|Atenciosamente|Cumprimentos|Abraços)[\s.,!;:)-]{0,5}$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex SignOff();
}
