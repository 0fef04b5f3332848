using FlexMail.Portal.Sandbox.Directory;
using FlexMail.Portal.Sandbox.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FlexMail.Portal.Sandbox.Persistence.Configurations;

internal sealed class SandboxInboxRuleConfiguration : IEntityTypeConfiguration<SandboxInboxRule>
{
    public void Configure(EntityTypeBuilder<SandboxInboxRule> builder)
    {
        builder.HasIndex(rule => new { rule.MailboxUserId, rule.Sequence });
        builder.HasOne<SandboxUser>().WithMany().HasForeignKey(rule => rule.MailboxUserId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(rule => rule.Conditions).HasConversion(JsonColumn.Converter<SandboxRuleConditions>());
        builder.Property(rule => rule.Actions).HasConversion(JsonColumn.Converter<SandboxRuleActions>());
    }
}
