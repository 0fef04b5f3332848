using System.Text.Json;
using System.Text.Json.Serialization;
using FlexMail.Domain.EmailTest;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FlexMail.Domain.Persistence.Configurations;

internal sealed class EmailConfigurationTestRunConfiguration : IEntityTypeConfiguration<EmailConfigurationTestRun>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public void Configure(EntityTypeBuilder<EmailConfigurationTestRun> builder)
    {
        builder.ToTable("EmailConfigurationTestRuns");
        builder.HasKey(run => run.Id);
        builder.Property(run => run.RequestedBy).HasMaxLength(ColumnLengths.Name).IsRequired();
        builder.Property(run => run.RequestedById).HasMaxLength(ColumnLengths.Guid);
        builder.Property(run => run.Recipient).HasMaxLength(ColumnLengths.EmailAddress).IsRequired();
        builder.Property(run => run.Verdict).HasConversion<string>().HasMaxLength(ColumnLengths.EnumName);
        builder.Property(run => run.Steps)
            .HasColumnName("StepsJson")
            .HasConversion(
                steps => JsonSerializer.Serialize(steps, Json),
                json => JsonSerializer.Deserialize<List<StoredTestStep>>(json, Json) ?? new List<StoredTestStep>(),
                new ValueComparer<List<StoredTestStep>>(
                    (left, right) => left!.SequenceEqual(right!),
                    steps => steps.Aggregate(0, (hash, step) => HashCode.Combine(hash, step.GetHashCode())),
                    steps => steps.ToList()))
            .IsRequired();
        builder.HasIndex(run => run.StartedAt);
    }
}
