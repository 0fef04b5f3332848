using FlexMail.Domain.Approvals;
using FlexMail.Domain.Approvals.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FlexMail.Domain.Persistence.Configurations;

internal sealed class ApprovalMailConfiguration : IEntityTypeConfiguration<ApprovalMail>
{
    public void Configure(EntityTypeBuilder<ApprovalMail> builder)
    {
        builder.ToTable("ApprovalMails");
        builder.HasKey(mail => mail.Id);
        builder.Property(mail => mail.Kind).HasConversion<string>().HasMaxLength(ColumnLengths.EnumName);
        builder.Property(mail => mail.Status).HasConversion<string>().HasMaxLength(ColumnLengths.EnumName);
        builder.Property(mail => mail.Recipient).HasMaxLength(ColumnLengths.EmailAddress).IsRequired();
        builder.Property(mail => mail.TokenHash).HasMaxLength(ColumnLengths.Sha256Hex);
        builder.Property(mail => mail.ProtectedToken).HasMaxLength(ColumnLengths.Message);
        builder.Property(mail => mail.DraftId).HasMaxLength(ColumnLengths.Message);
        builder.Property(mail => mail.InternetMessageId).HasMaxLength(ApprovalLimits.InternetMessageIdLength);
        builder.Property(mail => mail.FailureCode).HasMaxLength(ColumnLengths.Name);
        builder.Property(mail => mail.FailureCause).HasMaxLength(ColumnLengths.Message);
        builder.Property(mail => mail.FailureFix).HasMaxLength(ColumnLengths.Message);
        builder.Property(mail => mail.AnswerSubject).HasMaxLength(ColumnLengths.Message);
        builder.Property(mail => mail.AnswerText).HasMaxLength(ColumnLengths.Message);
        builder.HasOne<ApprovalRequest>().WithMany().HasForeignKey(mail => mail.ApprovalRequestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApprovalApprover>().WithMany().HasForeignKey(mail => mail.ApproverId).OnDelete(DeleteBehavior.NoAction);
        builder.HasIndex(mail => mail.TokenHash).IsUnique();
        builder.HasIndex(mail => mail.InternetMessageId);
        builder.HasIndex(mail => new { mail.Status, mail.NextAttemptAt });
    }
}
