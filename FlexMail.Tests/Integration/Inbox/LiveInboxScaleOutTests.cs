using FlexMail.Domain;
using FlexMail.Domain.Approvals.Replies;
using FlexMail.Domain.Security;
using FlexMail.Portal.Live;
using FlexMail.Portal.Workers;
using FlexMail.Tests.Integration.Approvals.Replies;
using FlexMail.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace FlexMail.Tests.Integration.Inbox;

/// <summary>
/// Two portal instances on one database, as behind a load balancer: the collection's portal runs the monitor's cycle;
/// a second instance (its own data folder, the same database file and key-encryption certificate, no workers of its own
/// but its feed) tells its Live Inbox subscribers about the reply the first one processed.
/// </summary>
[Collection(ReplyMonitorCollection.Name)]
public sealed class LiveInboxScaleOutTests(RepliesPortal portal, ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    private readonly ReplyScenario _scenario = new(portal);
    private PortalFactory _second = null!;

    public async Task InitializeAsync()
    {
        await _scenario.ConnectAsync();
        await _scenario.ClearFolderAsync(ReplyScenario.ReplyFolder);
        _second = await SecondInstanceAsync();
    }

    public async Task DisposeAsync() => await _second.DisposeAsync();

    [Fact]
    public async Task SecondInstance_FirstProcessesReply_SecondsSubscriberGetsItsId()
    {
        var hosted = _second.Services.GetServices<IHostedService>().ToList();
        Assert.DoesNotContain(hosted, service => service is ReplyMonitorWorker);
        Assert.Single(hosted.OfType<LiveInboxFeedWorker>());
        using var changes = new LiveInboxChanges(_second.Services.GetRequiredService<LiveInboxNotifier>());
        await changes.WaitUntilFollowingAsync(_scenario.Contexts, Deadline);
        var sent = await _scenario.RequestAsync("Scale-out: deploy 6.0");
        await _scenario.DeliverAsync(ReplyScenario.Reply(sent[0], "Approve"));

        await _scenario.Cycle().RunAsync(CancellationToken.None);

        var row = Assert.Single(await _scenario.RowsAsync(sent[0].RequestId));
        var received = await changes.WaitForAsync(change => change.NewReplyIds.Contains(row.Id), Deadline);
        output.WriteLine($"Recorded on the first instance at {row.ProcessedAt:O}; the second instance's subscriber had it "
            + $"{(received.At - row.ProcessedAt).TotalMilliseconds:N0} ms later (poll interval {PollInterval().TotalMilliseconds:N0} ms).");
        var found = await _second.Services.GetRequiredService<ReplyQueries>()
            .FindAsync(new ReplyListQuery { Outcome = ReplyOutcome.Approved }, received.Change.ReplyIds, CancellationToken.None);
        Assert.Contains(found, item => item.Id == row.Id);
    }

    /// <summary>A second portal with a data folder (and sandbox) of its own on the collection portal's database file.</summary>
    private async Task<PortalFactory> SecondInstanceAsync()
    {
        string connectionString;
        await using (var db = await _scenario.Contexts.CreateDbContextAsync())
        {
            connectionString = db.Database.GetConnectionString()!;
        }
        var keyEncryption = portal.Get<IOptions<DataProtectionSettings>>().Value.CertificateFile(portal.Get<DataFolder>());
        var second = new PortalFactory();
        second.Settings["ConnectionStrings:FlexMail"] = connectionString;
        second.Settings["FlexMail:DataProtection:KeyEncryptionCertificatePath"] = keyEncryption;
        second.Settings["FlexMail:Approvals:RunWorkers"] = "false";
        Assert.NotEqual(portal.Get<DataFolder>().Path, second.DataPath);
        _ = second.Services; // starts it: migrations (none left), its sandbox, its feed worker
        return second;
    }

    private TimeSpan PollInterval() => _second.Services.GetRequiredService<IOptions<LiveInboxOptions>>().Value.PollInterval;
}
