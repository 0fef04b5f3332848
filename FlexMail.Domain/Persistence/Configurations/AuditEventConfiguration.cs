using FlexMail.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FlexMail.Domain.Persistence.Configurations;

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> builder)
    {
        builder.ToTable("AuditEvents");
        builder.HasKey(auditEvent => auditEvent.Id);
        builder.Property(auditEvent => auditEvent.Actor).HasMaxLength(ColumnLengths.Name).IsRequired();
        builder.Property(auditEvent => auditEvent.Action).HasMaxLength(ColumnLengths.Name).IsRequired();
        builder.Property(auditEvent => auditEvent.ActorId).HasMaxLength(ColumnLengths.Guid);
        builder.Property(auditEvent => auditEvent.Subject).HasMaxLength(ColumnLengths.AuditSubject).IsRequired();
        builder.Property(auditEvent => auditEvent.Details).HasMaxLength(ColumnLengths.Message);
        builder.HasIndex(auditEvent => auditEvent.OccurredAt);
    }
}
