using FlexMail.Domain.Approvals;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FlexMail.Domain.Persistence.Configurations;

internal sealed class ApprovalDecisionConfiguration : IEntityTypeConfiguration<ApprovalDecision>
{
    public void Configure(EntityTypeBuilder<ApprovalDecision> builder)
    {
        builder.ToTable("ApprovalDecisions");
        builder.HasKey(decision => decision.Id);
        builder.Property(decision => decision.Decision).HasConversion<string>().HasMaxLength(ColumnLengths.EnumName);
        builder.Property(decision => decision.Via).HasConversion<string>().HasMaxLength(ColumnLengths.EnumName);
        builder.Property(decision => decision.Comment).HasMaxLength(ApprovalLimits.CommentLength);
        builder.Property(decision => decision.RecordedBy).HasMaxLength(ColumnLengths.Name).IsRequired();
        builder.Property(decision => decision.RecordedById).HasMaxLength(ColumnLengths.Guid);
        builder.Property(decision => decision.OnBehalfReason).HasMaxLength(ApprovalLimits.ReasonLength);
        // Once per approver, whatever path records it: the database refuses a second one.
        builder.HasIndex(decision => new { decision.ApprovalRequestId, decision.ApproverId }).IsUnique();
        builder.HasOne<ApprovalApprover>().WithMany().HasForeignKey(decision => decision.ApproverId).OnDelete(DeleteBehavior.NoAction);
        builder.HasIndex(decision => decision.DecidedAt);
    }
}
