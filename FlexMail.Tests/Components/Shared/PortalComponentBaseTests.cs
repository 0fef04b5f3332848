using Bunit;
using FlexMail.Portal.Components.Shared;
using FlexMail.Tests.Support;

namespace FlexMail.Tests.Components.Shared;

public sealed class PortalComponentBaseTests : ComponentTest
{
    [Fact]
    public async Task Dispose_ComponentGoesAway_CancelsTheWorkItStarted()
    {
        var page = Render<SlowPage>();
        var work = page.Instance.Work;
        var token = page.Instance.Token;
        Assert.False(work.IsCompleted);

        await Context.DisposeComponentsAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => work);
        Assert.True(token.IsCancellationRequested);
    }

    /// <summary>A page whose load waits until it is cancelled, as a slow query would.</summary>
    private sealed class SlowPage : PortalComponentBase
    {
        public Task Work { get; private set; } = Task.CompletedTask;

        public CancellationToken Token => Aborted;

        protected override void OnInitialized() => Work = Task.Delay(Timeout.InfiniteTimeSpan, Aborted);
    }
}
