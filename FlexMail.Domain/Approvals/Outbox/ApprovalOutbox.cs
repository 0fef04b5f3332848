using FlexMail.Domain.Persistence;
using FlexMail.Domain.Security;

namespace FlexMail.Domain.Approvals.Outbox;

/// <summary>
/// Puts mails in the outbox, in the caller's transaction: each approval mail or reminder gets its own reply token, whose
/// hash is stored for matching and whose value is kept encrypted only until the mail is sent.
/// </summary>
public sealed class ApprovalOutbox(ISecretProtector protector, OutboxSignal signal)
{
    public ApprovalMail StageApprovalMail(FlexMailDbContext db, ApprovalRequest request, ApprovalApprover approver, ApprovalMailKind kind,
        string installationCode, DateTimeOffset now)
    {
        var token = ReplyTokens.Create(installationCode);
        var mail = new ApprovalMail
        {
            ApprovalRequestId = request.Id,
            ApproverId = approver.Id,
            Kind = kind,
            Recipient = approver.Address,
            TokenHash = ReplyTokens.Hash(token),
            ProtectedToken = protector.Protect(token.ToString()),
            Status = ApprovalMailStatus.Queued,
            NextAttemptAt = now,
            CreatedAt = now,
        };
        db.ApprovalMails.Add(mail);
        return mail;
    }

    public ApprovalMail StageExpiryNotice(FlexMailDbContext db, ApprovalRequest request, DateTimeOffset now)
    {
        var mail = new ApprovalMail
        {
            ApprovalRequestId = request.Id,
            Kind = ApprovalMailKind.ExpiryNotice,
            Recipient = request.RequesterEmail!,
            Status = ApprovalMailStatus.Queued,
            NextAttemptAt = now,
            CreatedAt = now,
        };
        db.ApprovalMails.Add(mail);
        return mail;
    }

    /// <summary>FlexMail's answer to an approver's reply (a confirmation, or why it could not be used): no token, no Reply-To.</summary>
    public ApprovalMail StageReplyAnswer(FlexMailDbContext db, Guid requestId, Guid? approverId, string recipient, string subject, string text,
        DateTimeOffset now)
    {
        var mail = new ApprovalMail
        {
            ApprovalRequestId = requestId,
            ApproverId = approverId,
            Kind = ApprovalMailKind.ReplyAnswer,
            Recipient = recipient,
            AnswerSubject = subject,
            AnswerText = text,
            Status = ApprovalMailStatus.Queued,
            NextAttemptAt = now,
            CreatedAt = now,
        };
        db.ApprovalMails.Add(mail);
        return mail;
    }

    /// <summary>Wakes the sender once the caller's transaction has committed.</summary>
    public void Committed() => signal.Notify();
}
