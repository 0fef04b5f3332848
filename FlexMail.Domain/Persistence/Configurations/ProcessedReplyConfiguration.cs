using FlexMail.Domain.Approvals;
using FlexMail.Domain.Approvals.Replies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FlexMail.Domain.Persistence.Configurations;

internal sealed class ProcessedReplyConfiguration : IEntityTypeConfiguration<ProcessedReply>
{
    public void Configure(EntityTypeBuilder<ProcessedReply> builder)
    {
        builder.HasKey(reply => reply.Id);
        builder.Property(reply => reply.MessageKey).HasMaxLength(ApprovalLimits.InternetMessageIdLength).IsRequired();
        builder.Property(reply => reply.InternetMessageId).HasMaxLength(ApprovalLimits.InternetMessageIdLength);
        builder.Property(reply => reply.GraphMessageId).HasMaxLength(ColumnLengths.Message).IsRequired();
        builder.Property(reply => reply.Sender).HasMaxLength(ColumnLengths.EmailAddress);
        builder.Property(reply => reply.SenderKey).HasMaxLength(ColumnLengths.EmailAddress);
        builder.Property(reply => reply.SenderName).HasMaxLength(ColumnLengths.Name);
        builder.Property(reply => reply.Subject).HasMaxLength(1000);
        builder.Property(reply => reply.Outcome).HasConversion<string>().HasMaxLength(ColumnLengths.EnumName);
        builder.Property(reply => reply.Reason).HasMaxLength(ColumnLengths.Message).IsRequired();
        builder.Property(reply => reply.MatchedBy).HasMaxLength(ColumnLengths.Name);
        builder.Property(reply => reply.Decision).HasConversion<string>().HasMaxLength(ColumnLengths.EnumName);
        builder.Property(reply => reply.Comment).HasMaxLength(ApprovalLimits.CommentLength);
        builder.Property(reply => reply.DecisiveLine).HasMaxLength(1000);
        builder.Property(reply => reply.OwnText).HasMaxLength(ColumnLengths.Message);
        builder.Property(reply => reply.QuotedText).HasMaxLength(ColumnLengths.Message);
        builder.Property(reply => reply.Removal).HasConversion<string>().HasMaxLength(ColumnLengths.EnumName);
        builder.Property(reply => reply.RemovalError).HasMaxLength(ColumnLengths.Message);
        builder.Property(reply => reply.Resolution).HasConversion<string>().HasMaxLength(ColumnLengths.EnumName);
        builder.Property(reply => reply.ResolvedBy).HasMaxLength(ColumnLengths.Name);
        builder.Property(reply => reply.ResolutionReason).HasMaxLength(ApprovalLimits.ReasonLength);
        builder.Property(reply => reply.PreviousOutcome).HasConversion<string>().HasMaxLength(ColumnLengths.EnumName);
        builder.HasOne<ApprovalRequest>().WithMany().HasForeignKey(reply => reply.ApprovalRequestId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(reply => reply.MessageKey).IsUnique();
        builder.HasIndex(reply => reply.ProcessedAt);
        builder.HasIndex(reply => new { reply.Outcome, reply.ProcessedAt });
        builder.HasIndex(reply => reply.ApprovalRequestId);
        builder.HasIndex(reply => reply.Sender);
        builder.HasIndex(reply => new { reply.SenderKey, reply.ProcessedAt });
        builder.HasIndex(reply => reply.Removal);
    }
}
