using FlexMail.Domain.Approvals.Replies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FlexMail.Domain.Persistence.Configurations;

internal sealed class ReplyMonitorStateConfiguration : IEntityTypeConfiguration<ReplyMonitorState>
{
    public void Configure(EntityTypeBuilder<ReplyMonitorState> builder)
    {
        builder.ToTable("ReplyMonitorState");
        builder.HasKey(state => state.Id);
        builder.Property(state => state.Id).ValueGeneratedNever();
        builder.Property(state => state.PausedBy).HasMaxLength(ColumnLengths.Name);
        builder.Property(state => state.LeaseHolder).HasMaxLength(ColumnLengths.Name);
        builder.Property(state => state.LastErrorCode).HasMaxLength(ColumnLengths.Name);
        builder.Property(state => state.LastErrorCause).HasMaxLength(ColumnLengths.Message);
        builder.Property(state => state.LastErrorFix).HasMaxLength(ColumnLengths.Message);
    }
}
