using System.Diagnostics;
using FlexMail.Domain.Approvals.Outbox;
using FlexMail.Domain.Approvals.Replies.Parsing;
using FlexMail.Domain.Mail;
using FlexMail.Domain.Persistence;
using FlexMail.Domain.Validation;
using Microsoft.EntityFrameworkCore;

namespace FlexMail.Domain.Approvals.Replies;

/// <summary>
/// The steps before a decision, each with its verdict: <b>classify</b> (automatic reply or bounce → ignored),
/// <b>match</b> (this installation's token in the subject or the reference block, else <c>In-Reply-To</c> /
/// <c>References</c> naming the Message-ID FlexMail sent; another installation's token → foreign; an unknown or changed
/// token of ours → refused; nothing → not FlexMail's, unless a pending approver wrote a new mail that starts like a
/// decision), <b>sender</b> (the address the approval mail went to; <c>Authentication-Results</c> must not say
/// <c>dmarc=fail</c> or <c>compauth=fail</c>), <b>parse</b> (the approver's own text, its first line).
/// </summary>
public sealed class ReplyAssessor(IDbContextFactory<FlexMailDbContext> contexts)
{
    public async Task<ReplyAssessment> AssessAsync(MailMessage message, string installationCode, CancellationToken cancellationToken)
    {
        var steps = new List<ReplyStep>();
        var watch = Stopwatch.StartNew();
        var headers = message.Headers ?? [];
        var from = message.From?.Address;

        if (AutomaticMailDetector.Detect(headers, message.Subject, from) is { } automatic)
        {
            var kind = automatic.Kind == AutomaticMailKind.Bounce ? "A bounce" : "An automatic reply";
            Step(steps, "classify", $"{kind}: {automatic.Reason}", watch);
            var matched = await MatchAsync(message, installationCode, cancellationToken);
            if (matched.Mail is null)
            {
                // Someone's out-of-office to a mail that is not FlexMail's: not ours to touch.
                return new ReplyAssessment { NotOurs = true, Reason = "An automatic mail that does not answer a FlexMail mail." };
            }
            return new ReplyAssessment
            {
                Outcome = ReplyOutcome.Ignored, Reason = $"{kind} ({automatic.Reason}); it decides nothing.", Steps = steps,
                ApprovalMail = matched.Mail, MatchedBy = matched.By,
            };
        }
        Step(steps, "classify", "A reply written by a person.", watch);

        var match = await MatchAsync(message, installationCode, cancellationToken);
        if (match.Mail is null)
        {
            return await UnmatchedAsync(message, match, steps, watch, cancellationToken);
        }
        Step(steps, "match", $"Matched by {match.By}.", watch);

        var mail = match.Mail;
        if (!Formats.SameAddress(from ?? "", mail.Recipient))
        {
            Step(steps, "sender", $"Sent by {from ?? "an unknown sender"}, not {mail.Recipient}.", watch);
            return new ReplyAssessment
            {
                Outcome = ReplyOutcome.Refused, ApprovalMail = mail, MatchedBy = match.By, Steps = steps, OwesAnswer = from is not null,
                Reason = $"Sent by {from ?? "an unknown sender"}, but the approval mail went to {mail.Recipient}: only that approver's reply counts.",
            };
        }
        if (FailedAuthentication(headers) is { } failed)
        {
            Step(steps, "sender", $"Authentication-Results says {failed}.", watch);
            return new ReplyAssessment
            {
                Outcome = ReplyOutcome.Refused, ApprovalMail = mail, MatchedBy = match.By, Steps = steps,
                Reason = $"The mail failed authentication (Authentication-Results: {failed}); it may not come from {mail.Recipient}.",
            };
        }
        Step(steps, "sender", $"{mail.Recipient}, the approver the mail went to.", watch);
        return Parsed(message, steps, watch) with { ApprovalMail = mail, MatchedBy = match.By };
    }

    private static ReplyAssessment Parsed(MailMessage message, List<ReplyStep> steps, Stopwatch watch)
    {
        var parsed = ReplyParser.Parse(BodyOf(message));
        Step(steps, "parse", parsed.Reason, watch);
        return parsed.Decision == ReplyDecision.None
            ? new ReplyAssessment { Outcome = ReplyOutcome.NoDecision, Reason = parsed.Reason, Parsed = parsed, Steps = steps, OwesAnswer = true }
            : new ReplyAssessment
            {
                Outcome = parsed.Decision == ReplyDecision.Approve ? ReplyOutcome.Approved : ReplyOutcome.Rejected,
                Reason = parsed.Reason, Parsed = parsed, Steps = steps,
            };
    }

    private async Task<ReplyAssessment> UnmatchedAsync(MailMessage message, Match match, List<ReplyStep> steps, Stopwatch watch,
        CancellationToken cancellationToken)
    {
        if (match.UnknownOwnToken is { } unknown)
        {
            Step(steps, "match", $"The reference {unknown} is not one this installation issued.", watch);
            return new ReplyAssessment
            {
                Outcome = ReplyOutcome.Refused, Steps = steps,
                Reason = $"The reference {unknown} is not one FlexMail issued (changed or made up), so the reply matches no approval mail.",
            };
        }
        if (match.ForeignCode is { } code)
        {
            Step(steps, "match", $"A reply to installation {code}; left in the folder for it.", watch);
            return ReplyAssessment.Foreign($"A reply to another FlexMail installation ({code}); left in the folder for it.", steps);
        }
        // A new mail (no reference) from an approver of a pending request, that starts like a decision: answer it, decide nothing.
        var parsed = ReplyParser.Parse(BodyOf(message));
        if (parsed.Decision == ReplyDecision.None && parsed.Ambiguity != ReplyAmbiguity.BothKeywords && parsed.Ambiguity != ReplyAmbiguity.Negation
            && parsed.Ambiguity != ReplyAmbiguity.TextBeforeKeyword)
        {
            return new ReplyAssessment { NotOurs = true, Reason = "Not a FlexMail reply." };
        }
        var address = ApprovalApprover.Normalize(message.From?.Address ?? "");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var pending = await db.ApprovalApprovers.AsNoTracking()
            .Where(a => a.NormalizedAddress == address)
            .Join(db.ApprovalRequests.Where(r => r.Status == ApprovalStatus.Pending), a => a.ApprovalRequestId, r => r.Id, (a, r) => new { a.Id, RequestId = r.Id, r.CreatedAt })
            .ToListAsync(cancellationToken);
        if (pending.Count == 0)
        {
            return new ReplyAssessment { NotOurs = true, Reason = "Not a FlexMail reply." };
        }
        var latest = pending.OrderByDescending(p => p.CreatedAt).First();
        Step(steps, "match", "No reference to an approval mail: a new mail, not a reply.", watch);
        return new ReplyAssessment
        {
            Outcome = ReplyOutcome.NoDecision, RequestId = latest.RequestId, ApproverId = latest.Id, Parsed = parsed, Steps = steps, OwesAnswer = true,
            Reason = "A new mail without the approval mail's reference: FlexMail cannot tell which request it answers.",
        };
    }

    private async Task<Match> MatchAsync(MailMessage message, string installationCode, CancellationToken cancellationToken)
    {
        var inSubject = ReplyTokens.FindAll(message.Subject);
        var inBody = ReplyTokens.FindAll(message.Body);
        var ours = inSubject.Concat(inBody).Where(t => t.InstallationCode == installationCode).Distinct().ToList();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        foreach (var token in ours)
        {
            var hash = ReplyTokens.Hash(token);
            if (await db.ApprovalMails.AsNoTracking().SingleOrDefaultAsync(m => m.TokenHash == hash, cancellationToken) is { } mail)
            {
                return new Match(mail, inSubject.Contains(token) ? "the token in the subject" : "the token in the reference block", null, null);
            }
        }
        var referenced = References(message.Headers ?? []);
        if (referenced.Count > 0)
        {
            var mail = await db.ApprovalMails.AsNoTracking()
                .Where(m => m.InternetMessageId != null && referenced.Contains(m.InternetMessageId))
                .OrderByDescending(m => m.CreatedAt).FirstOrDefaultAsync(cancellationToken);
            if (mail is not null)
            {
                return new Match(mail, "In-Reply-To / References (the Message-ID FlexMail sent)", null, null);
            }
        }
        var foreign = inSubject.Concat(inBody).FirstOrDefault(t => t.InstallationCode != installationCode)?.InstallationCode;
        return new Match(null, null, ours.FirstOrDefault()?.ToString(), foreign);
    }

    private static List<string> References(IReadOnlyList<MailHeader> headers) =>
        [.. headers.Where(h => h.Name.Equals("In-Reply-To", StringComparison.OrdinalIgnoreCase) || h.Name.Equals("References", StringComparison.OrdinalIgnoreCase))
            .SelectMany(h => h.Value.Split([' ', '\t', '\r', '\n', ','], StringSplitOptions.RemoveEmptyEntries))
            .Where(id => id.StartsWith('<') && id.EndsWith('>')).Take(50)];

    private static string? FailedAuthentication(IReadOnlyList<MailHeader> headers)
    {
        foreach (var header in headers.Where(h => h.Name.Equals("Authentication-Results", StringComparison.OrdinalIgnoreCase)))
        {
            var value = header.Value.ToLowerInvariant();
            foreach (var verdict in new[] { "dmarc=fail", "compauth=fail" })
            {
                if (value.Contains(verdict, StringComparison.Ordinal))
                {
                    return verdict;
                }
            }
        }
        return null;
    }

    internal static ReplyBody BodyOf(MailMessage message) =>
        message.BodyContentType == "html" ? new ReplyBody(null, message.Body) : new ReplyBody(message.Body, null);

    private static void Step(List<ReplyStep> steps, string name, string verdict, Stopwatch watch)
    {
        steps.Add(new ReplyStep(name, verdict, Math.Round(watch.Elapsed.TotalMilliseconds, 2)));
        watch.Restart();
    }

    private sealed record Match(ApprovalMail? Mail, string? By, string? UnknownOwnToken, string? ForeignCode);
}
