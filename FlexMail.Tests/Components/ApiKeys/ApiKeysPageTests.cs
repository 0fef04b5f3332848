using AngleSharp.Dom;
using Bunit;
using FlexMail.Domain.ApiKeys;
using FlexMail.Domain.Audit;
using FlexMail.Portal.Features.ApiKeys;
using FlexMail.Tests.Support;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace FlexMail.Tests.Components.ApiKeys;

public sealed class ApiKeysPageTests : DomainComponentTest
{
    private static readonly Actor Automation = new("command line", null);
    private IRenderedComponent<MudDialogProvider> _dialogs = null!;

    private ApiKeyService Keys => Domain.Get<ApiKeyService>();

    [Fact]
    public void Empty_SaysSoAndOffersTheCreateButton()
    {
        var page = RenderPage();

        Assert.Contains("No API key yet.", page.Markup);
        Assert.NotNull(Button(page, "Create API Key"));
    }

    [Fact]
    public async Task List_ShowsEachKeysPrefixCreatorAndStatusNeverTheKey()
    {
        var active = await CreateAsync("Release pipeline");
        var retired = await CreateAsync("Old pipeline");
        await Keys.RevokeAsync(retired.Id, TestActors.Admin, CancellationToken.None);

        var page = RenderPage();

        var activeRow = Row(page, active.Id).TextContent;
        Assert.Contains("Release pipeline", activeRow);
        Assert.Contains(active.Key[..12], activeRow);
        Assert.Contains("command line", activeRow);
        Assert.Contains("Never", activeRow);
        Assert.Contains("Active", activeRow);
        Assert.Contains($"Revoked", Row(page, retired.Id).TextContent);
        Assert.Contains($"by {TestActors.Admin.Name}", Row(page, retired.Id).TextContent);
        Assert.Empty(Row(page, retired.Id).QuerySelectorAll("button"));
        Assert.DoesNotContain(active.Key, page.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain(active.WebhookSecret, page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateDialog_WithAName_ShowsTheKeyAndWebhookSecretOnceWithCopyButtons()
    {
        var page = RenderPage();

        Button(page, "Create API Key").Click();
        _dialogs.WaitForAssertion(() => InputLabelled(_dialogs, "Name").Input("Release pipeline"));
        await _dialogs.InvokeAsync(() => Button(_dialogs, "Create API Key").Click());

        _dialogs.WaitForAssertion(() => Assert.Contains("will not be shown again", _dialogs.Find("[data-testid=shown-once]").TextContent));
        var key = CopyableValueOf(_dialogs, "new-api-key")!;
        var secret = CopyableValueOf(_dialogs, "new-webhook-secret")!;
        Assert.NotNull(Button(_dialogs, "Copy API Key"));
        Assert.NotNull(Button(_dialogs, "Copy Webhook Secret"));
        var created = await Keys.AuthenticateAsync(key, CancellationToken.None);
        Assert.Equal(("Release pipeline", TestActors.Admin.Name), (created?.Name, created?.CreatedBy));
        Assert.Equal(secret, await Keys.GetWebhookSecretAsync(created!.Id, CancellationToken.None));

        Button(_dialogs, "I copied them").Click();

        page.WaitForAssertion(() => Assert.Contains("Release pipeline", page.Find("[data-testid=api-keys]").TextContent));
        _dialogs.WaitForAssertion(() => Assert.DoesNotContain(key, _dialogs.Markup, StringComparison.Ordinal));
        Assert.DoesNotContain(key, page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateDialog_NameInUse_KeepsWhatWasTypedAndSaysWhy()
    {
        await CreateAsync("Release pipeline");
        var page = RenderPage();

        Button(page, "Create API Key").Click();
        _dialogs.WaitForAssertion(() => InputLabelled(_dialogs, "Name").Input("Release pipeline"));
        await _dialogs.InvokeAsync(() => Button(_dialogs, "Create API Key").Click());

        _dialogs.WaitForAssertion(() => Assert.Contains("is already in use", _dialogs.Markup));
        Assert.Equal("Release pipeline", InputLabelled(_dialogs, "Name").GetAttribute("value"));
        Assert.Empty(_dialogs.FindAll("[data-testid=new-api-key]"));
        await using var db = await Domain.Contexts.CreateDbContextAsync();
        Assert.Equal(1, await db.ApiKeys.CountAsync());
    }

    [Fact]
    public async Task Revoke_AfterConfirmation_MarksTheKeyRevokedAndItNoLongerAuthenticates()
    {
        var created = await CreateAsync("Release pipeline");
        var page = RenderPage();

        Row(page, created.Id).QuerySelector("button")!.Click();
        _dialogs.WaitForAssertion(() => Assert.Contains("Revoke Release pipeline?", _dialogs.Markup));
        await _dialogs.InvokeAsync(() => Button(_dialogs, "Revoke").Click());

        page.WaitForAssertion(() => Assert.Contains("Revoked", Row(page, created.Id).TextContent));
        Assert.Null(await Keys.AuthenticateAsync(created.Key, CancellationToken.None));
    }

    [Fact]
    public async Task Revoke_Cancelled_LeavesTheKeyInUse()
    {
        var created = await CreateAsync("Release pipeline");
        var page = RenderPage();

        Row(page, created.Id).QuerySelector("button")!.Click();
        _dialogs.WaitForAssertion(() => Assert.Contains("Revoke Release pipeline?", _dialogs.Markup));
        await _dialogs.InvokeAsync(() => Button(_dialogs, "Cancel").Click());

        _dialogs.WaitForAssertion(() => Assert.DoesNotContain("Revoke Release pipeline?", _dialogs.Markup));
        Assert.Contains("Active", Row(page, created.Id).TextContent);
        Assert.NotNull(await Keys.AuthenticateAsync(created.Key, CancellationToken.None));
    }

    private IRenderedComponent<ApiKeysPage> RenderPage()
    {
        _dialogs = Context.Render<MudDialogProvider>();
        var page = Render<ApiKeysPage>();
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[aria-label='Loading the API keys']")));
        return page;
    }

    private async Task<CreatedApiKey> CreateAsync(string name)
    {
        var result = await Keys.CreateAsync(name, Automation, CancellationToken.None);
        Assert.True(result.Succeeded, result.Problem?.ToString());
        return result.Value;
    }

    private static IElement Row(IRenderedComponent<ApiKeysPage> page, Guid id) => page.Find($"tr[data-row='{id}']");
}
