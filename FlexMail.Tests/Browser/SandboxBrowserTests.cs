using System.Text.RegularExpressions;
using FlexMail.Portal.Sandbox;
using FlexMail.Portal.Sandbox.Apps;
using FlexMail.Portal.Sandbox.Mail;
using FlexMail.Tests.Browser.PageModels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace FlexMail.Tests.Browser;

public sealed class SandboxBrowserTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task NewRegistration_ThenNewClientSecret_ShowsTheValueToCopyOnce()
    {
        var page = await portal.OpenPageAsync();
        var apps = new SandboxAppsPageModel(page);
        await apps.GotoAsync();
        var name = $"Rehearsal {Guid.NewGuid():N}"[..20];

        await apps.RegisterAsync(name, "https://localhost:7443/flexdeploy/rest/v2/oauth");
        await Assertions.Expect(apps.AppName).ToHaveTextAsync(name);
        await apps.AddClientSecretAsync("FlexMail portal");

        await Assertions.Expect(apps.NewSecretValue).ToHaveValueAsync(new Regex("^[A-Za-z0-9_-]+8Q~[A-Za-z0-9_.~-]+$"));
        var value = await apps.NewSecretValue.InputValueAsync();
        var secretId = await apps.NewSecretId.InputValueAsync();
        var app = (await portal.Services.GetRequiredService<SandboxAppRegistrations>().ListAsync(CancellationToken.None))
            .Single(a => a.DisplayName == name);
        var secret = Assert.Single(app.Secrets);
        Assert.Equal(SandboxAppRegistrations.HashSecret(value), secret.ValueHash);
        Assert.Equal(secret.Id.ToString(), secretId);
        Assert.Equal(["https://localhost:7443/flexdeploy/rest/v2/oauth"], app.RedirectUris);
    }

    [Fact]
    public async Task MailClient_ReadAnApprovalMailAndReply_TheReplyArrivesInTheApprovalsInbox()
    {
        var subject = $"Approval needed: release {Guid.NewGuid():N}"[..40];
        await portal.Services.GetRequiredService<SandboxMailDelivery>().DeliverAsync(new SandboxOutgoingMail(
            SandboxSeed.ApprovalsMailbox.Id,
            new SandboxAddress("Approvals", SandboxSeed.ApprovalsMailbox.Mail!),
            [new SandboxAddress("Megan Bowen", SandboxSeed.MeganBowen.Mail!)],
            subject, "html", "<html><body><p>Reply Approve or Reject.</p></body></html>"), CancellationToken.None);
        var page = await portal.OpenPageAsync();
        var mail = new SandboxMailPageModel(page);
        await mail.GotoAsync(SandboxSeed.MeganBowen.Mail!);

        await mail.OpenAsync(subject);
        await Assertions.Expect(mail.HtmlBody.GetByText("Reply Approve or Reject.")).ToBeVisibleAsync();
        await mail.ReplyAsync("Approve");
        await Assertions.Expect(mail.Dialog).ToHaveCountAsync(0);
        await mail.SwitchToAsync("Approvals (approvals@contoso.test), shared");

        await Assertions.Expect(mail.MessageRow($"RE: {subject}")).ToContainTextAsync("Megan Bowen");
        await mail.OpenAsync($"RE: {subject}");
        await Assertions.Expect(mail.HtmlBody.GetByText("Approve", new() { Exact = true })).ToBeVisibleAsync();
    }
    [Fact]
    public async Task MailClient_HtmlMailWithATrackingPixel_LoadsItOnlyAfterShowRemoteImages()
    {
        var subject = $"Newsletter {Guid.NewGuid():N}"[..30];
        await portal.Services.GetRequiredService<SandboxMailDelivery>().DeliverAsync(new SandboxOutgoingMail(
            SandboxSeed.ApprovalsMailbox.Id,
            new SandboxAddress("Approvals", SandboxSeed.ApprovalsMailbox.Mail!),
            [new SandboxAddress("Megan Bowen", SandboxSeed.MeganBowen.Mail!)],
            subject, "html", """<p>Monthly news</p><img alt="pixel" src="https://tracker.example/pixel.gif">"""), CancellationToken.None);
        var page = await portal.OpenPageAsync();
        var pixelRequests = 0;
        await page.RouteAsync("https://tracker.example/**", route =>
        {
            Interlocked.Increment(ref pixelRequests);
            return route.FulfillAsync(new() { ContentType = "image/gif", BodyBytes = Convert.FromBase64String("R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==") });
        });
        var mail = new SandboxMailPageModel(page);
        await mail.GotoAsync(SandboxSeed.MeganBowen.Mail!);

        await mail.OpenAsync(subject);
        await Assertions.Expect(mail.HtmlBody.GetByText("Monthly news")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Remote images are blocked", new() { Exact = false })).ToBeVisibleAsync();
        var blockedRequests = Volatile.Read(ref pixelRequests);
        await page.GetByRole(AriaRole.Button, new() { Name = "Show remote images", Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByText("Remote images are shown.")).ToBeVisibleAsync();
        await Assertions.Expect(mail.HtmlBody.GetByAltText("pixel")).ToHaveJSPropertyAsync("naturalWidth", 1);
        Assert.Equal(0, blockedRequests);
        Assert.True(Volatile.Read(ref pixelRequests) >= 1);
    }
}
