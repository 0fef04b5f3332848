using FlexMail.Domain.Approvals;
using FlexMail.Domain.Approvals.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FlexMail.Domain.Persistence.Configurations;

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> builder)
    {
        builder.ToTable("WebhookDeliveries");
        builder.HasKey(delivery => delivery.Id);
        builder.Property(delivery => delivery.Event).HasMaxLength(ColumnLengths.Name).IsRequired();
        builder.Property(delivery => delivery.Url).HasMaxLength(ColumnLengths.Url).IsRequired();
        builder.Property(delivery => delivery.Payload).IsRequired();
        builder.Property(delivery => delivery.Status).HasConversion<string>().HasMaxLength(ColumnLengths.EnumName);
        builder.Property(delivery => delivery.LastError).HasMaxLength(ColumnLengths.Message);
        builder.HasOne<ApprovalRequest>().WithMany().HasForeignKey(delivery => delivery.ApprovalRequestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(delivery => delivery.AttemptLog).WithOne().HasForeignKey(attempt => attempt.WebhookDeliveryId).OnDelete(DeleteBehavior.Cascade);
        // A closed request owes one callback per event, even if two instances close it at once.
        builder.HasIndex(delivery => new { delivery.ApprovalRequestId, delivery.Event }).IsUnique();
        builder.HasIndex(delivery => new { delivery.Status, delivery.NextAttemptAt });
    }
}

internal sealed class WebhookAttemptConfiguration : IEntityTypeConfiguration<WebhookAttempt>
{
    public void Configure(EntityTypeBuilder<WebhookAttempt> builder)
    {
        builder.ToTable("WebhookAttempts");
        builder.HasKey(attempt => attempt.Id);
        builder.Property(attempt => attempt.Error).HasMaxLength(ColumnLengths.Message);
        builder.HasIndex(attempt => attempt.AttemptedAt);
    }
}
