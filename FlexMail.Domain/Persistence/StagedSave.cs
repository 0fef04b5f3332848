using FlexMail.Domain.Validation;
using Microsoft.EntityFrameworkCore;

namespace FlexMail.Domain.Persistence;

/// <summary>
/// The one way FlexMail saves a form: stage the changes in a fresh context (validate, apply, audit), then one
/// SaveChanges — one transaction. When the database refuses the write (another admin saved the same rows at the same
/// moment), nothing is stored and the caller's <c>refused</c> says so with fresh findings.
/// </summary>
internal static class StagedSave
{
    public static async Task<TResult> SaveStagedAsync<TResult>(
        this IDbContextFactory<FlexMailDbContext> contexts,
        Func<FlexMailDbContext, Task<TResult>> stage,
        Func<TResult, bool> staged,
        Func<Task<TResult>> refused,
        CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var result = await stage(db);
        if (!staged(result))
        {
            return result;
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return result;
        }
        catch (DbUpdateException)
        {
            return await refused();
        }
    }

    /// <summary>Saves one form's staged changes; a concurrent change answers a <see cref="ValidationProblem"/>.</summary>
    public static Task<Result<Saved>> SaveStagedAsync(
        this IDbContextFactory<FlexMailDbContext> contexts,
        Func<FlexMailDbContext, Task<Result<Saved>>> stage,
        Func<Task<ValidationReport>> revalidate,
        CancellationToken cancellationToken) =>
        contexts.SaveStagedAsync(stage, result => result.Succeeded,
            async () => (Result<Saved>)ValidationProblem.ConcurrentChange(await revalidate()), cancellationToken);
}
