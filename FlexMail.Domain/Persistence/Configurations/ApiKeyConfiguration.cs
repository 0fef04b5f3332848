using FlexMail.Domain.ApiKeys;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FlexMail.Domain.Persistence.Configurations;

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.ToTable("ApiKeys");
        builder.HasKey(key => key.Id);
        builder.Property(key => key.Name).HasMaxLength(ColumnLengths.Name).IsRequired();
        builder.Property(key => key.Prefix).HasMaxLength(ColumnLengths.Hint).IsRequired();
        builder.Property(key => key.KeyHash).HasMaxLength(ColumnLengths.Sha256Hex).IsRequired();
        builder.Property(key => key.ProtectedWebhookSecret).HasMaxLength(ColumnLengths.Message).IsRequired();
        builder.Property(key => key.CreatedBy).HasMaxLength(ColumnLengths.Name).IsRequired();
        builder.Property(key => key.CreatedById).HasMaxLength(ColumnLengths.Guid);
        builder.Property(key => key.RevokedBy).HasMaxLength(ColumnLengths.Name);
        builder.HasIndex(key => key.KeyHash).IsUnique();
        builder.Ignore(key => key.IsRevoked);
    }
}
