using FlexMail.Portal.Sandbox.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FlexMail.Portal.Sandbox.Persistence.Configurations;

internal sealed class SandboxRefreshTokenConfiguration : IEntityTypeConfiguration<SandboxRefreshToken>
{
    public void Configure(EntityTypeBuilder<SandboxRefreshToken> builder)
    {
        builder.HasIndex(token => new { token.ClientId, token.UserId });
    }
}
