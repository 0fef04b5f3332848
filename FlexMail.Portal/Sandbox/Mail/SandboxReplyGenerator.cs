using System.Text.RegularExpressions;
using FlexMail.Portal.Sandbox.Directory;
using FlexMail.Portal.Sandbox.Persistence;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace FlexMail.Portal.Sandbox.Mail;

/// <summary>How many replies of each kind <see cref="SandboxReplyGenerator.GenerateAsync"/> delivered.</summary>
public sealed record SandboxGeneratedReplies(int Approve, int Reject, int NoKeyword, int OutOfOffice, int Stranger, int Unrelated)
{
    public int Total => Approve + Reject + NoKeyword + OutOfOffice + Stranger + Unrelated;
}

/// <summary>There is no approval mail in an approver's mailbox to answer.</summary>
public sealed class NoApprovalMailException(string message) : Exception(message);

/// <summary>
/// Load for the reply monitor: realistic answers to the approval mails sitting in approvers' sandbox mailboxes,
/// delivered raw to each mail's reply address (so the inbox rule files them). About 70 % Approve or Reject written by
/// Outlook, Gmail, an iPhone or a plain-text client, 10 % without a keyword, 10 % out-of-office auto-replies, 5 % from
/// strangers and 5 % unrelated mail. The same seed gives the same replies to the same approval mails.
/// </summary>
public sealed partial class SandboxReplyGenerator(IDbContextFactory<SandboxDbContext> contexts, SandboxRawDelivery delivery)
{
    private const int BatchSize = 2000;

    /// <summary>Delivers <paramref name="count"/> replies; <see cref="NoApprovalMailException"/> when there is no approval mail to answer.</summary>
    public async Task<SandboxGeneratedReplies> GenerateAsync(int count, int seed, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var (originals, approvers) = await OriginalsAsync(cancellationToken);
        var random = new Random(seed);
        int approve = 0, reject = 0, noKeyword = 0, outOfOffice = 0, stranger = 0, unrelated = 0;
        var batch = new List<MimeMessage>(BatchSize);
        for (var i = 0; i < count; i++)
        {
            var original = originals[random.Next(originals.Count)];
            var approver = approvers[original.MailboxUserId];
            var roll = random.Next(100);
            MimeMessage message;
            if (roll < 70)
            {
                var approves = random.Next(2) == 0;
                _ = approves ? approve++ : reject++;
                message = Answer(original, approver, random, approves ? "Approve" : "Reject");
            }
            else if (roll < 80)
            {
                noKeyword++;
                message = Answer(original, approver, random, null);
            }
            else if (roll < 90)
            {
                outOfOffice++;
                message = OutOfOfficeReply(original, approver);
            }
            else if (roll < 95)
            {
                stranger++;
                var visitor = random.Next(1000);
                message = Answer(original, new SandboxAddress($"Visitor {visitor}", $"visitor{visitor}@fabrikam.test"), random, "Approve");
            }
            else
            {
                unrelated++;
                message = UnrelatedMail(original, random);
            }
            message.MessageId = $"{random.Next():x8}{random.Next():x8}.{seed}.{i}@{message.From.Mailboxes.First().Domain}";
            batch.Add(message);
            if (batch.Count == BatchSize)
            {
                await FlushAsync(batch, cancellationToken);
            }
        }
        await FlushAsync(batch, cancellationToken);
        return new SandboxGeneratedReplies(approve, reject, noKeyword, outOfOffice, stranger, unrelated);
    }

    private async Task FlushAsync(List<MimeMessage> batch, CancellationToken cancellationToken)
    {
        if (batch.Count > 0)
        {
            await delivery.DeliverManyAsync(batch, cancellationToken);
            batch.ForEach(m => m.Dispose());
            batch.Clear();
        }
    }

    private async Task<(List<SandboxMessage> Originals, Dictionary<Guid, SandboxAddress> Approvers)> OriginalsAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var mailboxes = await db.Users.AsNoTracking().Where(u => u.HasMailbox && u.Mail != null).ToListAsync(cancellationToken);
        var people = mailboxes.Where(u => u.Kind == SandboxUserKind.Member).ToList();
        var addresses = mailboxes.Select(m => m.Mail!).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var ids = people.Select(p => p.Id).ToList();
        var candidates = await db.Messages.AsNoTracking()
            .Where(m => ids.Contains(m.MailboxUserId) && !m.IsDraft && m.Subject.Contains("[FlexMail]") && !m.Subject.StartsWith("RE:"))
            .OrderBy(m => m.ReceivedDateTime).ThenBy(m => m.Id).ToListAsync(cancellationToken);
        // Only mail an approver received (not the sender's Sent Items copy) whose replies come back into the sandbox
        // (its reply address is a sandbox mailbox).
        var owners = people.ToDictionary(p => p.Id, p => p.Mail!);
        var originals = candidates.Where(m => Token().IsMatch(m.Subject) && addresses.Contains(ReplyAddress(m))
            && m.ToRecipients.Any(r => string.Equals(r.Address, owners[m.MailboxUserId], StringComparison.OrdinalIgnoreCase))).ToList();
        if (originals.Count == 0)
        {
            throw new NoApprovalMailException(
                "No approval mail (a subject with [FlexMail] and an FM- token) is in an approver's sandbox mailbox: create an approval request addressed to sandbox users first.");
        }
        return (originals, people.ToDictionary(p => p.Id, p => new SandboxAddress(p.DisplayName, p.Mail!)));
    }

    private static MimeMessage Answer(SandboxMessage original, SandboxAddress from, Random random, string? keyword)
    {
        var client = (SandboxReplyClient)random.Next(4);
        var comment = keyword switch
        {
            "Approve" => new[] { "Approve", "Approve - looks good to me.", "Approved, thanks!" }[random.Next(3)],
            "Reject" => new[] { "Reject", "Reject: the change window is closed.", "Rejected, please add the test plan." }[random.Next(3)],
            _ => new[] { "Can you send me more details first?", "Who asked for this?", "I will look at it tomorrow." }[random.Next(3)],
        };
        var message = Reply(original, from, $"RE: {original.Subject}");
        message.Body = SandboxReplyFormats.Body(client, comment, original);
        return message;
    }

    private static MimeMessage OutOfOfficeReply(SandboxMessage original, SandboxAddress from)
    {
        var message = Reply(original, from, $"Automatic reply: {original.Subject}");
        message.Headers.Add("Auto-Submitted", "auto-replied");
        message.Headers.Add("X-Auto-Response-Suppress", "All");
        message.Body = new TextPart("plain") { Text = $"I am out of the office and will have limited access to mail.\n\n{from.Name}" };
        return message;
    }

    private static MimeMessage UnrelatedMail(SandboxMessage original, Random random)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Fabrikam News", $"news{random.Next(100)}@fabrikam.test"));
        message.To.Add(MailboxAddress.Parse(ReplyAddress(original)));
        message.Subject = new[] { "Lunch on Friday?", "Your weekly digest", "Invoice 4711 is ready" }[random.Next(3)];
        message.Body = new TextPart("plain") { Text = "Hello,\n\nthis has nothing to do with approvals.\n" };
        return message;
    }

    private static MimeMessage Reply(SandboxMessage original, SandboxAddress from, string subject)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(from.Name, from.Address));
        message.To.Add(MailboxAddress.Parse(ReplyAddress(original)));
        message.Subject = subject;
        message.InReplyTo = original.InternetMessageId.Trim('<', '>');
        message.References.Add(message.InReplyTo);
        return message;
    }

    private static string ReplyAddress(SandboxMessage original) =>
        original.ReplyTo.FirstOrDefault()?.Address ?? SandboxSeed.ApprovalsMailbox.Mail!;

    [GeneratedRegex(@"FM-[A-Z0-9]{4}-[A-Z0-9]{16}", RegexOptions.IgnoreCase)]
    private static partial Regex Token();
}
