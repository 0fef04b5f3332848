using AngleSharp.Dom;
using Bunit;
using FlexMail.Domain.Audit;
using FlexMail.Domain.MailboxAccess.Authorize;
using FlexMail.Domain.OAuthApps;
using FlexMail.Domain.Settings;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FlexMail.Tests.Support;

/// <summary>bUnit with the real domain services over a real, migrated SQLite database.</summary>
public abstract class DomainComponentTest : ComponentTest
{
    protected TestDomain Domain { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        Domain = await TestDomain.CreateMigratedAsync(addServices: AddServices);
        // Components get the domain's real registrations: whatever the domain registers, a component may inject.
        Context.Services.AddFallbackServiceProvider(Domain.Services);
        // Options are an open generic the test context answers itself (MudBlazor adds options): forward the domain's.
        Context.Services.AddSingleton(Domain.Get<IOptions<OAuthOptions>>());
        Context.Services.AddScoped<FlexMail.Portal.Components.Shared.FileDownloader>();
    }

    /// <summary>More services for the domain's provider (the sandbox tenant's), given the data folder's path.</summary>
    protected virtual void AddServices(IServiceCollection services, string dataPath)
    {
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Domain.DisposeAsync();
    }

    /// <summary>
    /// Saves a valid OAuth application ("FlexMail production", delegated unless <paramref name="mode"/> says otherwise)
    /// and email settings for svc-flexmail@contoso.com at https://flexmail.contoso.com, as the wizard would; <paramref name="change"/>
    /// adjusts the settings first. Returns the application's id.
    /// </summary>
    protected async Task<Guid> SaveSetupAsync(Action<EmailSettingsDraft>? change = null, PermissionMode mode = PermissionMode.Delegated)
    {
        var application = Components.OAuthApps.OAuthAppDrafts.Valid("FlexMail production");
        application.Id = Guid.NewGuid();
        application.PermissionMode = mode;
        var settings = new EmailSettingsDraft
        {
            ServerBaseUrl = "https://flexmail.contoso.com",
            SmtpUser = "svc-flexmail@contoso.com",
            SmtpOAuthApplicationId = application.Id,
            SmtpFromAddress = "svc-flexmail@contoso.com",
        };
        change?.Invoke(settings);
        var saved = await Domain.Get<SetupService>().SaveAsync(application, settings, new Actor("setup", null), CancellationToken.None);
        Assert.True(saved.Saved, string.Join("; ", saved.ApplicationReport.Issues.Concat(saved.SettingsReport.Issues).Select(i => i.ToString())));
        return application.Id.Value;
    }

    /// <summary>The input whose label (its accessible name) reads <paramref name="label"/>.</summary>
    protected static IElement InputLabelled<T>(IRenderedComponent<T> component, string label)
        where T : Microsoft.AspNetCore.Components.IComponent
    {
        var labelElement = component.FindAll("label").FirstOrDefault(l => l.TextContent.Trim() == label)
            ?? throw new InvalidOperationException($"No field labelled \"{label}\" is on the page.");
        // Found through the label's "for": the label is what names the field for assistive technology.
        var id = labelElement.GetAttribute("for")
            ?? throw new InvalidOperationException($"The label \"{label}\" is not tied to a field (no for attribute).");
        return component.Find($"#{id}");
    }

    /// <summary>The button whose text (its accessible name) is exactly <paramref name="name"/>.</summary>
    protected static AngleSharp.Dom.IElement Button<T>(IRenderedComponent<T> component, string name)
        where T : Microsoft.AspNetCore.Components.IComponent =>
        component.FindAll("button").SingleOrDefault(b => b.TextContent.Trim() == name)
        ?? throw new InvalidOperationException($"No single button named \"{name}\" is on the page.");

    /// <summary>The value shown by a <c>CopyableValue</c> with the given test id.</summary>
    protected static string? CopyableValueOf<T>(IRenderedComponent<T> component, string testId)
        where T : Microsoft.AspNetCore.Components.IComponent
    {
        var element = component.Find($"[data-testid={testId}]");
        return (element.TagName == "INPUT" ? element : element.QuerySelector("input"))?.GetAttribute("value");
    }
}
