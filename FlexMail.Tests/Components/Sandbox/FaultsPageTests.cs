using Bunit;
using FlexMail.Portal.Features.Sandbox;
using FlexMail.Portal.Sandbox.Faults;
using FlexMail.Tests.Support;
using MudBlazor;

namespace FlexMail.Tests.Components.Sandbox;

public sealed class FaultsPageTests : SandboxComponentTest
{
    private IRenderedComponent<FaultsPage> RenderPage()
    {
        var page = Render<FaultsPage>();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=fault-settings]")));
        return page;
    }

    [Fact]
    public async Task Save_WithValidValues_StoresThem()
    {
        var page = RenderPage();

        InputLabelled(page, "Request budget").Input("50");
        InputLabelled(page, "Budget window (seconds)").Input("60");
        InputLabelled(page, "Service unavailable rate (%)").Input("25");
        InputLabelled(page, "Added latency (ms)").Input("300");
        await Button(page, "Save").ClickAsync(new());

        var saved = await Sandbox<SandboxFaults>().GetAsync(CancellationToken.None);
        Assert.Equal(50, saved.RequestBudget);
        Assert.Equal(60, saved.BudgetWindowSeconds);
        Assert.Equal(25, saved.ServiceUnavailablePercent);
        Assert.Equal(300, saved.AddedLatencyMilliseconds);
        Assert.Equal(4, saved.MaxConcurrentRequests);
    }

    [Fact]
    public async Task Save_WithARateAbove100_IsRefusedKeepingWhatWasTyped()
    {
        var snackbars = Context.Render<MudSnackbarProvider>();
        var page = RenderPage();

        InputLabelled(page, "Request budget").Input("50");
        InputLabelled(page, "Service unavailable rate (%)").Input("150");
        await Button(page, "Save").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("percentage from 0 to 100", page.Markup));
        Assert.Equal("150", InputLabelled(page, "Service unavailable rate (%)").GetAttribute("value"));
        Assert.Equal("50", InputLabelled(page, "Request budget").GetAttribute("value"));
        snackbars.WaitForAssertion(() => Assert.Contains("Nothing was saved", snackbars.Markup));
        var stored = await Sandbox<SandboxFaults>().GetAsync(CancellationToken.None);
        Assert.Equal(10_000, stored.RequestBudget);
        Assert.Equal(0, stored.ServiceUnavailablePercent);
    }

    [Fact]
    public async Task ThrottlingSwitch_TurnedOffAndSaved_IsStored()
    {
        var page = RenderPage();

        page.FindAll("label").Single(l => l.TextContent.Trim() == "Throttling").QuerySelector("input")!.Change(false);
        await Button(page, "Save").ClickAsync(new());

        Assert.False((await Sandbox<SandboxFaults>().GetAsync(CancellationToken.None)).ThrottlingEnabled);
    }
}
