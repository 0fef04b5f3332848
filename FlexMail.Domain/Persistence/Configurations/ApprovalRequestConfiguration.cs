using System.Text.Json;
using FlexMail.Domain.Approvals;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FlexMail.Domain.Persistence.Configurations;

internal sealed class ApprovalRequestConfiguration : IEntityTypeConfiguration<ApprovalRequest>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<ApprovalRequest> builder)
    {
        builder.ToTable("ApprovalRequests");
        builder.HasKey(request => request.Id);
        builder.Property(request => request.Title).HasMaxLength(ApprovalLimits.TitleLength).IsRequired();
        builder.Property(request => request.Details).HasMaxLength(ApprovalLimits.DetailsLength);
        builder.Property(request => request.DetailsFormat).HasConversion<string>().HasMaxLength(ColumnLengths.EnumName);
        builder.Property(request => request.RequestedBy).HasMaxLength(ColumnLengths.Name).IsRequired();
        builder.Property(request => request.RequestedById).HasMaxLength(ColumnLengths.Guid);
        builder.Property(request => request.RequesterEmail).HasMaxLength(ColumnLengths.EmailAddress);
        builder.Property(request => request.CreatedVia).HasConversion<string>().HasMaxLength(ColumnLengths.EnumName);
        builder.Property(request => request.Policy).HasConversion<string>().HasMaxLength(ColumnLengths.EnumName);
        builder.Property(request => request.Status).HasConversion<string>().HasMaxLength(ColumnLengths.EnumName);
        builder.Property(request => request.ClosedReason).HasMaxLength(ColumnLengths.Message);
        builder.Property(request => request.CallbackUrl).HasMaxLength(ColumnLengths.Url);
        builder.Property(request => request.ExternalId).HasMaxLength(ApprovalLimits.ExternalIdLength);
        builder.Property(request => request.Fingerprint).HasMaxLength(ColumnLengths.Sha256Hex);
        builder.Property(request => request.ConcurrencyStamp).IsConcurrencyToken();
        builder.Property(request => request.Metadata)
            .HasColumnName("MetadataJson")
            .HasConversion(
                entries => JsonSerializer.Serialize(entries, Json),
                json => JsonSerializer.Deserialize<List<MetadataEntry>>(json, Json) ?? new List<MetadataEntry>(),
                new ValueComparer<List<MetadataEntry>>(
                    (left, right) => left!.SequenceEqual(right!),
                    entries => entries.Aggregate(0, (hash, entry) => HashCode.Combine(hash, entry.GetHashCode())),
                    entries => entries.ToList()))
            .IsRequired();
        builder.HasMany(request => request.Approvers).WithOne().HasForeignKey(approver => approver.ApprovalRequestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(request => request.Decisions).WithOne().HasForeignKey(decision => decision.ApprovalRequestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(request => request.ExternalId).IsUnique();
        builder.HasIndex(request => new { request.Status, request.ExpiresAt });
        builder.HasIndex(request => request.CreatedAt);
        builder.Ignore(request => request.IsClosed);
    }
}
