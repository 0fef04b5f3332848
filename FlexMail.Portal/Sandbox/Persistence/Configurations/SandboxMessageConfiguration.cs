using FlexMail.Portal.Sandbox.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FlexMail.Portal.Sandbox.Persistence.Configurations;

internal sealed class SandboxMessageConfiguration : IEntityTypeConfiguration<SandboxMessage>
{
    public void Configure(EntityTypeBuilder<SandboxMessage> builder)
    {
        builder.HasIndex(message => message.ImmutableId).IsUnique();
        builder.HasIndex(message => new { message.FolderId, message.ReceivedDateTime });
        builder.HasOne<SandboxMailFolder>().WithMany().HasForeignKey(message => message.FolderId)
            .OnDelete(DeleteBehavior.Cascade);
        builder.Property(message => message.From).HasConversion(JsonColumn.Converter<SandboxAddress>());
        builder.Property(message => message.Sender).HasConversion(JsonColumn.Converter<SandboxAddress>());
        builder.Property(message => message.ToRecipients)
            .HasConversion(JsonColumn.Converter<List<SandboxAddress>>(), JsonColumn.Comparer<SandboxAddress>());
        builder.Property(message => message.CcRecipients)
            .HasConversion(JsonColumn.Converter<List<SandboxAddress>>(), JsonColumn.Comparer<SandboxAddress>());
        builder.Property(message => message.ReplyTo)
            .HasConversion(JsonColumn.Converter<List<SandboxAddress>>(), JsonColumn.Comparer<SandboxAddress>());
        builder.Property(message => message.Headers)
            .HasConversion(JsonColumn.Converter<List<SandboxHeader>>(), JsonColumn.Comparer<SandboxHeader>());
    }
}
