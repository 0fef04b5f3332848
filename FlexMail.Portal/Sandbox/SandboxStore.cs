using FlexMail.Portal.Sandbox.Apps;
using FlexMail.Portal.Sandbox.Directory;
using FlexMail.Portal.Sandbox.Faults;
using FlexMail.Portal.Sandbox.Identity;
using FlexMail.Portal.Sandbox.Mail;
using FlexMail.Portal.Sandbox.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace FlexMail.Portal.Sandbox;

/// <summary>Creates the sandbox database and its seed on first run, and resets it on demand.</summary>
public sealed partial class SandboxStore(
    IDbContextFactory<SandboxDbContext> contexts,
    SandboxMailDelivery delivery,
    SandboxSigningKeys signingKeys,
    SandboxFaults faults,
    SandboxMailboxThrottle throttle,
    SandboxAppSeeder appSeeder,
    SandboxPortalSignIn portalSignIn,
    TimeProvider clock,
    ILogger<SandboxStore> logger)
{
    /// <summary>Migrates the sandbox database, seeds a new one, and writes the seeded app registrations if they are missing.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        bool seeded;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            await FlexMail.Domain.Persistence.MigrationLockRecovery.MigrateAsync(db, logger, cancellationToken);
            seeded = await db.Users.AnyAsync(cancellationToken);
        }
        if (!seeded)
        {
            await SeedAsync(cancellationToken);
            LogSeeded(logger, SandboxTenant.Domain);
        }
        await appSeeder.EnsureAsync(cancellationToken);
    }

    /// <summary>
    /// Throws away every change made in the sandbox (apps, grants, tokens, mail, faults) and seeds it again; the portal's
    /// sign-in app gets its redirect URIs back and a new secret.
    /// </summary>
    public async Task ResetAsync(CancellationToken cancellationToken)
    {
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            await db.Database.EnsureDeletedAsync(cancellationToken);
        }
        SqliteConnection.ClearAllPools();
        signingKeys.Forget();
        faults.Forget();
        throttle.Clear();
        await InitializeAsync(cancellationToken);
        await portalSignIn.ReseededAsync(cancellationToken);
        LogReset(logger);
    }

    private async Task SeedAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            db.Users.AddRange(SandboxSeed.Users.Select(Clone));
            db.MailboxPermissions.AddRange(SandboxSeed.Permissions);
            db.FaultSettings.Add(SandboxSeed.Faults);
            foreach (var mailbox in SandboxSeed.Users.Where(u => u.HasMailbox))
            {
                foreach (var (wellKnownName, displayName) in WellKnownFolders.All)
                {
                    var folder = new SandboxMailFolder
                    {
                        Id = SandboxIds.NewFolderId(),
                        MailboxUserId = mailbox.Id,
                        DisplayName = displayName,
                        WellKnownName = wellKnownName,
                        CreatedAt = now,
                    };
                    db.MailFolders.Add(folder);
                    if (wellKnownName == WellKnownFolders.Inbox)
                    {
                        var children = SandboxSeed.InboxChildFolders(mailbox).Select(child => new SandboxMailFolder
                        {
                            Id = SandboxIds.NewFolderId(),
                            MailboxUserId = mailbox.Id,
                            ParentFolderId = folder.Id,
                            DisplayName = child,
                            CreatedAt = now,
                        }).ToList();
                        var rules = SandboxSeed.InboxRules(mailbox, folder, children).ToList();
                        db.MailFolders.AddRange(children);
                        db.InboxRules.AddRange(rules);
                    }
                }
            }
            await db.SaveChangesAsync(cancellationToken);
        }

        foreach (var mailbox in SandboxSeed.Users.Where(u => u.HasMailbox))
        {
            await delivery.DeliverAsync(SandboxSeed.Welcome(mailbox), cancellationToken);
        }
    }

    // The seed's objects are shared statics: the database gets copies.
    private static SandboxUser Clone(SandboxUser user) => new()
    {
        Id = user.Id,
        UserPrincipalName = user.UserPrincipalName,
        DisplayName = user.DisplayName,
        GivenName = user.GivenName,
        Surname = user.Surname,
        JobTitle = user.JobTitle,
        Kind = user.Kind,
        HasMailbox = user.HasMailbox,
        Mail = user.Mail,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Sandbox tenant {Domain} created with its users and mailboxes")]
    private static partial void LogSeeded(ILogger logger, string domain);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sandbox tenant reset: every app registration, grant, token and mail made in it is gone; the seeded ones are back")]
    private static partial void LogReset(ILogger logger);
}
