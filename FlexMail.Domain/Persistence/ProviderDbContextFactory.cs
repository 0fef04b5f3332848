using Microsoft.EntityFrameworkCore;

namespace FlexMail.Domain.Persistence;

/// <summary>Hands out the configured provider's context as the provider-neutral <see cref="FlexMailDbContext"/>.</summary>
internal sealed class ProviderDbContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<FlexMailDbContext>
    where TContext : FlexMailDbContext
{
    public FlexMailDbContext CreateDbContext() => inner.CreateDbContext();
}
