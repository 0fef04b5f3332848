using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FlexMail.Portal.Sandbox;
using FlexMail.Portal.Sandbox.Mail;
using FlexMail.Portal.Sandbox.Persistence;
using FlexMail.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace FlexMail.Tests.Integration.Sandbox.Mail;

/// <summary>Generated replies for load: a deterministic mix answering approval mails, filed by the approvals mailbox's inbox rule.</summary>
public sealed class SandboxReplyGeneratorTests(KestrelPortal portal) : IClassFixture<KestrelPortal>
{
    private readonly SandboxAutomationKit _kit = new(portal);

    [Fact]
    public async Task Generate_TenThousand_DeliversTheMixWellUnderAMinute()
    {
        await ApprovalMailAsync();
        var before = await CountAsync(inFlexMailReplies: false);
        var filedBefore = await CountAsync(inFlexMailReplies: true);
        var watch = Stopwatch.StartNew();

        var counts = await portal.Get<SandboxReplyGenerator>().GenerateAsync(10_000, 42, CancellationToken.None);

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(45), $"took {watch.Elapsed}");
        Assert.Equal(10_000, counts.Total);
        Assert.InRange(counts.Approve + counts.Reject, 6500, 7500);
        Assert.InRange(counts.OutOfOffice, 700, 1300);
        Assert.InRange(counts.NoKeyword, 700, 1300);
        Assert.InRange(counts.Stranger, 300, 700);
        Assert.InRange(counts.Unrelated, 300, 700);
        Assert.Equal(before + 10_000, await CountAsync(inFlexMailReplies: false));
        Assert.Equal(filedBefore + counts.Total - counts.Unrelated, await CountAsync(inFlexMailReplies: true));
    }

    [Fact]
    public async Task Generate_SameSeed_GivesTheSameCounts()
    {
        await ApprovalMailAsync();
        var generator = portal.Get<SandboxReplyGenerator>();

        var first = await generator.GenerateAsync(200, 7, CancellationToken.None);
        var second = await generator.GenerateAsync(200, 7, CancellationToken.None);

        Assert.Equal(first, second);
    }

    [Fact]
    public async Task Post_Generate_AnswersCountsAndFilesRepliesInFlexMailReplies()
    {
        var original = await ApprovalMailAsync();
        using var client = await _kit.ApiKeyClientAsync();

        using var response = await client.PostAsJsonAsync(_kit.Url("/replies/generate"), new { count = 50, seed = 3 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var counts = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(50, counts.RootElement.GetProperty("total").GetInt32());
        await using var db = await portal.Get<IDbContextFactory<SandboxDbContext>>().CreateDbContextAsync();
        var reply = await db.Messages.FirstAsync(m => m.Subject == $"RE: {original.Subject}");
        Assert.Equal("Inbox/FlexMail Replies", await FolderPathAsync(db, reply.FolderId));
        Assert.Equal(original.InternetMessageId, reply.HeaderValue("In-Reply-To"));
        Assert.Equal(original.InternetMessageId, reply.HeaderValue("References"));
    }

    [Fact]
    public async Task Post_Generate_WithACountOfZero_Answers400()
    {
        using var client = await _kit.ApiKeyClientAsync();

        using var response = await client.PostAsJsonAsync(_kit.Url("/replies/generate"), new { count = 0, seed = 1 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    // An approval mail as FlexMail sends it: from the approvals mailbox to an approver, Reply-To the approvals mailbox.
    private async Task<SandboxMessage> ApprovalMailAsync()
    {
        var hex = Guid.NewGuid().ToString("N").ToUpperInvariant();
        var subject = $"[FlexMail] Approve release FM-{hex[..4]}-{hex[4..20]}";
        var approvals = await _kit.MailboxAsync(SandboxAutomationKit.Approvals);
        await portal.Get<SandboxMailDelivery>().DeliverAsync(new SandboxOutgoingMail(approvals.UserId, approvals.AsAddress,
            [SandboxAutomationKit.Adele], subject, "html", "<p>Reply Approve or Reject.</p>") { ReplyTo = [approvals.AsAddress] }, CancellationToken.None);
        await using var db = await portal.Get<IDbContextFactory<SandboxDbContext>>().CreateDbContextAsync();
        return await db.Messages.SingleAsync(m => m.MailboxUserId == SandboxSeed.AdeleVance.Id && m.Subject == subject);
    }

    private async Task<int> CountAsync(bool inFlexMailReplies)
    {
        await using var db = await portal.Get<IDbContextFactory<SandboxDbContext>>().CreateDbContextAsync();
        var inApprovals = db.Messages.Where(m => m.MailboxUserId == SandboxSeed.ApprovalsMailbox.Id);
        if (!inFlexMailReplies)
        {
            return await inApprovals.CountAsync();
        }
        var folder = await db.MailFolders.SingleAsync(f => f.MailboxUserId == SandboxSeed.ApprovalsMailbox.Id && f.DisplayName == SandboxInboxRules.FlexMailRepliesFolder);
        return await inApprovals.CountAsync(m => m.FolderId == folder.Id);
    }

    private static async Task<string> FolderPathAsync(SandboxDbContext db, string folderId)
    {
        var folder = await db.MailFolders.SingleAsync(f => f.Id == folderId);
        var parent = folder.ParentFolderId is { } id ? await db.MailFolders.SingleAsync(f => f.Id == id) : null;
        return parent is null ? folder.DisplayName : $"{parent.DisplayName}/{folder.DisplayName}";
    }
}
