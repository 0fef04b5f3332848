using FlexMail.Domain.Approvals;
using FlexMail.Domain.Audit;
using FlexMail.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace FlexMail.Tests.Domain.Approvals;

/// <summary>The real approvals domain on a fresh SQLite database, on a fake clock the tests move.</summary>
public sealed class ApprovalTestDomain : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    public static readonly ApprovalOrigin Api = ApprovalOrigin.Api(new Actor("Release pipeline", "api-key-1"), Guid.NewGuid());

    public static readonly ApprovalOrigin ApiWithoutKey = ApprovalOrigin.Api(new Actor("Release pipeline", null), null);

    public static readonly ApprovalOrigin Portal = ApprovalOrigin.Portal(TestActors.Admin);

    public static readonly ApprovalOrigin Email = new(new Actor("approver", null), DecisionVia.Email);

    private ApprovalTestDomain(TestDomain domain, FakeTimeProvider clock)
    {
        Domain = domain;
        Clock = clock;
    }

    public TestDomain Domain { get; }

    public FakeTimeProvider Clock { get; }

    public ApprovalService Service => Domain.Get<ApprovalService>();

    public ApprovalDecider Decider => Domain.Get<ApprovalDecider>();

    public ApprovalLifecycle Lifecycle => Domain.Get<ApprovalLifecycle>();

    public ApprovalQueries Queries => Domain.Get<ApprovalQueries>();

    public static async Task<ApprovalTestDomain> CreateAsync()
    {
        var clock = new FakeTimeProvider(Start);
        var domain = await TestDomain.CreateMigratedAsync(addServices: (services, _) => services.AddSingleton<TimeProvider>(clock));
        return new ApprovalTestDomain(domain, clock);
    }

    /// <summary>A valid draft for the given approvers (two by default).</summary>
    public static ApprovalRequestDraft Draft(params string[] approvers) => new()
    {
        Title = "Deploy release 4.2 to production",
        Details = "Release notes: faster search.",
        Approvers = approvers.Length == 0 ? ["adele.vance@contoso.test", "alex.wilber@contoso.test"] : approvers,
        Metadata = [new("environment", "production"), new("release", "4.2")],
    };

    public async Task<Guid> CreateAsync(ApprovalRequestDraft draft, ApprovalOrigin? origin = null)
    {
        var created = await Service.CreateAsync(draft, origin ?? Api, CancellationToken.None);
        Assert.True(created.Succeeded, created.Problem?.ToString());
        return created.Value.Id;
    }

    public Task<Result<DecisionView>> DecideAsync(Guid id, string approver, DecisionKind decision, ApprovalOrigin? origin = null) =>
        Decider.DecideAsync(id, new DecisionCommand(approver, decision, null), origin ?? Api, CancellationToken.None);

    public async Task<ApprovalView> ViewAsync(Guid id) =>
        await Queries.GetViewAsync(id, CancellationToken.None) ?? throw new InvalidOperationException($"No request {id}.");

    public ValueTask DisposeAsync() => Domain.DisposeAsync();
}
