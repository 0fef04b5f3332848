using FlexMail.Domain.Approvals.Replies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FlexMail.Domain.Persistence.Configurations;

internal sealed class ReplyEventConfiguration : IEntityTypeConfiguration<ReplyEvent>
{
    public void Configure(EntityTypeBuilder<ReplyEvent> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedOnAdd();
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(ColumnLengths.EnumName);
        builder.HasIndex(e => e.OccurredAt);
    }
}
