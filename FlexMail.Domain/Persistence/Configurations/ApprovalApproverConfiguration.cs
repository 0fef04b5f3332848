using FlexMail.Domain.Approvals;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FlexMail.Domain.Persistence.Configurations;

internal sealed class ApprovalApproverConfiguration : IEntityTypeConfiguration<ApprovalApprover>
{
    public void Configure(EntityTypeBuilder<ApprovalApprover> builder)
    {
        builder.ToTable("ApprovalApprovers");
        builder.HasKey(approver => approver.Id);
        builder.Property(approver => approver.Address).HasMaxLength(ColumnLengths.EmailAddress).IsRequired();
        builder.Property(approver => approver.NormalizedAddress).HasMaxLength(ColumnLengths.EmailAddress).IsRequired();
        builder.HasIndex(approver => new { approver.ApprovalRequestId, approver.NormalizedAddress }).IsUnique();
        builder.HasIndex(approver => approver.NormalizedAddress);
    }
}
