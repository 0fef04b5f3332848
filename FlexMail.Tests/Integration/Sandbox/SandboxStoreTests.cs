using FlexMail.Portal.Sandbox;
using FlexMail.Portal.Sandbox.Apps;
using FlexMail.Portal.Sandbox.Mail;
using FlexMail.Portal.Sandbox.Persistence;
using FlexMail.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace FlexMail.Tests.Integration.Sandbox;

public sealed class SandboxStoreTests(KestrelPortal portal) : IClassFixture<KestrelPortal>
{
    [Fact]
    public void SandboxMigrations_MatchTheModel()
    {
        using var db = new SandboxDbContext(new DbContextOptionsBuilder<SandboxDbContext>().UseSqlite("Data Source=:memory:").Options);

        Assert.False(db.Database.HasPendingModelChanges(),
            "The sandbox model changed without a migration. Run: dotnet ef migrations add <Name> --project FlexMail.Portal " +
            "--startup-project FlexMail.Portal --context SandboxDbContext --output-dir Sandbox/Persistence/Migrations");
    }

    [Fact]
    public async Task Seed_GivesEveryMailboxTheWellKnownFoldersAndAWelcomeMail()
    {
        await using var db = await portal.Get<IDbContextFactory<SandboxDbContext>>().CreateDbContextAsync();

        var inboxes = await db.MailFolders.Where(f => f.WellKnownName == WellKnownFolders.Inbox).ToListAsync();
        var sharedInbox = inboxes.Single(f => f.MailboxUserId == SandboxSeed.ApprovalsMailbox.Id);
        var children = await db.MailFolders.Where(f => f.ParentFolderId == sharedInbox.Id).Select(f => f.DisplayName).ToListAsync();
        var welcome = await db.Messages.FirstAsync(m => m.FolderId == sharedInbox.Id);

        Assert.Equal(SandboxSeed.Users.Count(u => u.HasMailbox), inboxes.Count);
        Assert.Equal(["FlexMail Replies", "Processed"], children.Order());
        Assert.StartsWith("<", welcome.InternetMessageId);
        Assert.Equal(welcome.InternetMessageId, welcome.HeaderValue("Message-ID"));
        Assert.False(welcome.IsRead);
    }

    [Fact]
    public async Task Delivery_OfAReply_SetsInReplyToAndReferences_AndKeepsTheConversation()
    {
        var delivery = portal.Get<SandboxMailDelivery>();
        var contexts = portal.Get<IDbContextFactory<SandboxDbContext>>();
        var adele = SandboxSeed.AdeleVance;
        var subject = $"Approval {Guid.NewGuid():N}";
        await delivery.DeliverAsync(new SandboxOutgoingMail(SandboxSeed.ApprovalsMailbox.Id,
            new SandboxAddress("Approvals", SandboxSeed.ApprovalsMailbox.Mail!), [new SandboxAddress(adele.DisplayName, adele.Mail!)],
            subject, "text", "Please approve."), CancellationToken.None);
        SandboxMessage received;
        await using (var db = await contexts.CreateDbContextAsync())
        {
            received = await db.Messages.SingleAsync(m => m.MailboxUserId == adele.Id && m.Subject == subject);
        }

        var reply = SandboxReply.Build(received, new SandboxAddress(adele.DisplayName, adele.Mail!), "Approve", replyAll: false);
        var delivered = await delivery.DeliverAsync(reply, CancellationToken.None);

        await using var check = await contexts.CreateDbContextAsync();
        var answer = await check.Messages.SingleAsync(m => m.MailboxUserId == SandboxSeed.ApprovalsMailbox.Id && m.Subject == $"RE: {subject}");
        Assert.Equal(1, delivered.DeliveredTo);
        Assert.Equal(received.InternetMessageId, answer.HeaderValue("In-Reply-To"));
        Assert.Equal(received.InternetMessageId, answer.HeaderValue("References"));
        Assert.Equal(received.ConversationId, answer.ConversationId);
        Assert.Contains("Approve", answer.Body);
        Assert.True(await check.Messages.AnyAsync(m => m.MailboxUserId == adele.Id && m.Subject == $"RE: {subject}" && m.IsRead),
            "The reply's copy is kept in the replier's Sent Items.");
    }

    [Fact]
    public async Task AddSecret_ReturnsTheValueOnce_AndStoresOnlyItsHashAndHint()
    {
        var apps = portal.Get<SandboxAppRegistrations>();
        var app = await apps.CreateAsync("Secret test", ["https://localhost/callback"], CancellationToken.None);

        var secret = await apps.AddSecretAsync(app.AppId, "test", SandboxAppRegistrations.DefaultSecretLifetime, CancellationToken.None);

        var stored = (await apps.FindByClientIdAsync(app.AppId, CancellationToken.None))!.Secrets.Single();
        Assert.Equal(40, secret.Value.Length);
        Assert.NotEqual(secret.SecretId.ToString(), secret.Value);
        Assert.Equal(secret.Value[..3], stored.Hint);
        Assert.Equal(SandboxAppRegistrations.HashSecret(secret.Value), stored.ValueHash);
        Assert.DoesNotContain(secret.Value, stored.ValueHash);
    }
}
