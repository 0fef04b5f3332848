using FlexMail.Domain.Mail;

namespace FlexMail.Domain.Approvals.Replies;

/// <summary>The headers of a reply that can change its outcome, kept with the processed reply so support can see why.</summary>
public static class ReplyHeaders
{
    private static readonly string[] Mattered =
    [
        "From", "Sender", "Return-Path", "Authentication-Results", "Auto-Submitted", "X-Autoreply", "X-Autorespond", "Precedence",
        "In-Reply-To", "References", "Content-Type", "Message-ID",
    ];

    private const int ValueCap = 1000;

    public static IReadOnlyList<ReplyHeader> Mattering(MailMessage message) =>
        [.. (message.Headers ?? [])
            .Where(h => Mattered.Contains(h.Name, StringComparer.OrdinalIgnoreCase))
            .Select(h => new ReplyHeader(h.Name, h.Value.Length <= ValueCap ? h.Value : h.Value[..ValueCap]))
            .Take(40)];
}
