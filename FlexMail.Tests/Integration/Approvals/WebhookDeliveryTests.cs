using System.Text.Json;
using FlexMail.Domain.ApiKeys;
using FlexMail.Domain.Approvals;
using FlexMail.Domain.Approvals.Webhooks;
using FlexMail.Portal.Sandbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace FlexMail.Tests.Integration.Approvals;

/// <summary>Webhooks to a real local receiver: signed calls, retries with backoff, the retry window, and what is recorded.</summary>
[Collection(ApprovalsCollection.Name)]
public sealed class WebhookDeliveryTests(ApprovalsPortal portal) : IAsyncLifetime
{
    private readonly ApprovalScenario _scenario = new(portal);
    private WebhookReceiver _receiver = null!;
    private CreatedApiKey _key = null!;

    public async Task InitializeAsync()
    {
        _receiver = await WebhookReceiver.StartAsync();
        var key = await portal.Get<ApiKeyService>().CreateAsync($"Pipeline {Guid.NewGuid():N}", ApprovalScenario.Pipeline, CancellationToken.None);
        _key = key.Value!;
        // Earlier tests' deliveries are not this test's.
        await using var db = await _scenario.Contexts.CreateDbContextAsync();
        await db.WebhookDeliveries.ExecuteUpdateAsync(update => update.SetProperty(d => d.Status, WebhookDeliveryStatus.Failed));
    }

    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    [Fact]
    public async Task Run_RequestApproved_PostsTheSignedRequestOnceAndRecordsTheAttempt()
    {
        var id = await DecidedRequestAsync();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddSeconds(1));

        var (attempted, next) = await _scenario.Webhooks(clock).RunOnceAsync(CancellationToken.None);
        await _scenario.Webhooks(clock).RunOnceAsync(CancellationToken.None);

        Assert.Equal(1, attempted);
        Assert.Null(next);
        var call = Assert.Single(_receiver.Calls);
        Assert.True(WebhookSignature.Verify(_key.WebhookSecret, call.Headers[WebhookSignature.HeaderName], call.Body, clock.GetUtcNow(), TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify(_key.WebhookSecret, call.Headers[WebhookSignature.HeaderName], call.Body.Replace("approved", "rejected"),
            clock.GetUtcNow(), TimeSpan.FromMinutes(5)));
        Assert.Equal("approval.approved", call.Headers[WebhookSignature.EventHeaderName]);
        using var json = JsonDocument.Parse(call.Body);
        Assert.Equal("approval.approved", json.RootElement.GetProperty("event").GetString());
        Assert.Equal(id, json.RootElement.GetProperty("approval").GetProperty("id").GetGuid());
        Assert.Equal("approved", json.RootElement.GetProperty("approval").GetProperty("status").GetString());
        var decision = json.RootElement.GetProperty("approval").GetProperty("decisions")[0];
        Assert.Equal("api", decision.GetProperty("via").GetString());
        Assert.Equal("Tests green", decision.GetProperty("comment").GetString());

        var details = await portal.Get<ApprovalQueries>().GetDetailsAsync(id, CancellationToken.None);
        var delivery = Assert.Single(details!.Webhooks);
        Assert.Equal(WebhookDeliveryStatus.Delivered, delivery.Status);
        Assert.Equal(200, Assert.Single(delivery.AttemptLog).StatusCode);
        Assert.Equal(call.Headers[WebhookSignature.DeliveryHeaderName], delivery.Id.ToString());
    }

    [Fact]
    public async Task Run_ReceiverFailsTwice_RetriesWithGrowingBackoffThenDelivers()
    {
        var id = await DecidedRequestAsync();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddSeconds(1));
        _receiver.AnswerNext(500, 503);

        var (_, firstRetry) = await _scenario.Webhooks(clock).RunOnceAsync(CancellationToken.None);
        var afterFirst = clock.GetUtcNow();
        clock.SetUtcNow(firstRetry!.Value);
        var (_, secondRetry) = await _scenario.Webhooks(clock).RunOnceAsync(CancellationToken.None);
        var afterSecond = clock.GetUtcNow();
        clock.SetUtcNow(secondRetry!.Value);
        var (_, done) = await _scenario.Webhooks(clock).RunOnceAsync(CancellationToken.None);

        Assert.Equal(30, Math.Round((firstRetry.Value - afterFirst).TotalSeconds));
        Assert.Equal(60, Math.Round((secondRetry.Value - afterSecond).TotalSeconds));
        Assert.Null(done);
        Assert.Equal(3, _receiver.Calls.Count);
        var delivery = Assert.Single((await portal.Get<ApprovalQueries>().GetDetailsAsync(id, CancellationToken.None))!.Webhooks);
        Assert.Equal(WebhookDeliveryStatus.Delivered, delivery.Status);
        Assert.Equal([500, 503, 200], delivery.AttemptLog.Select(a => a.StatusCode));
        // The same bytes every time, so every signature covers the same body.
        Assert.Single(_receiver.Calls.Select(c => c.Body).Distinct());
    }

    [Fact]
    public async Task Run_ReceiverDownForTheWholeWindow_MarksTheDeliveryFailed()
    {
        var id = await DecidedRequestAsync();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddSeconds(1));
        var window = TimeSpan.FromHours(25);
        var attempts = 0;
        for (DateTimeOffset? next = clock.GetUtcNow(); next is { } due && attempts < 100; attempts++)
        {
            _receiver.AnswerNext(502);
            clock.SetUtcNow(due > clock.GetUtcNow() ? due : clock.GetUtcNow());
            (_, next) = await _scenario.Webhooks(clock, window).RunOnceAsync(CancellationToken.None);
        }

        var delivery = Assert.Single((await portal.Get<ApprovalQueries>().GetDetailsAsync(id, CancellationToken.None))!.Webhooks);
        Assert.Equal(WebhookDeliveryStatus.Failed, delivery.Status);
        Assert.InRange(delivery.Attempts, 20, 40);
        Assert.True(delivery.AttemptLog[^1].AttemptedAt - delivery.CreatedAt >= TimeSpan.FromHours(24), "retried for at least 24 hours");
        Assert.Equal(502, delivery.LastStatusCode);
    }

    [Fact]
    public async Task Run_ApiKeyRevoked_FailsAtOnceSayingTheCallCannotBeSigned()
    {
        var id = await DecidedRequestAsync();
        await portal.Get<ApiKeyService>().RevokeAsync(_key.Id, ApprovalScenario.Pipeline, CancellationToken.None);

        await _scenario.Webhooks(new FakeTimeProvider(DateTimeOffset.UtcNow.AddSeconds(1))).RunOnceAsync(CancellationToken.None);

        Assert.Empty(_receiver.Calls);
        var delivery = Assert.Single((await portal.Get<ApprovalQueries>().GetDetailsAsync(id, CancellationToken.None))!.Webhooks);
        Assert.Equal(WebhookDeliveryStatus.Failed, delivery.Status);
        Assert.Contains("revoked", delivery.LastError);
    }

    private async Task<Guid> DecidedRequestAsync()
    {
        var origin = ApprovalOrigin.Api(ApprovalScenario.Pipeline, _key.Id);
        var created = await portal.Get<ApprovalService>().CreateAsync(new ApprovalRequestDraft
        {
            Title = $"Webhook {Guid.NewGuid():N}",
            Approvers = [SandboxSeed.AdeleVance.Mail!],
            CallbackUrl = _receiver.Url.ToString(),
        }, origin, CancellationToken.None);
        Assert.True(created.Succeeded, created.Problem?.ToString());
        var decided = await portal.Get<ApprovalDecider>().DecideAsync(created.Value.Id,
            new DecisionCommand(SandboxSeed.AdeleVance.Mail!.ToUpperInvariant(), DecisionKind.Approve, "Tests green"), origin, CancellationToken.None);
        Assert.True(decided.Succeeded, decided.Problem?.ToString());
        return created.Value.Id;
    }
}
