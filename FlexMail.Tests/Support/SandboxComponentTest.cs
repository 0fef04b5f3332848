using Bunit;
using FlexMail.Domain.MailboxAccess.Authorize;
using FlexMail.Domain.Security;
using FlexMail.Domain.Settings;
using FlexMail.Portal.Sandbox;
using FlexMail.Portal.Sandbox.Apps;
using FlexMail.Portal.Sandbox.Directory;
using FlexMail.Portal.Sandbox.Faults;
using FlexMail.Portal.Sandbox.Identity;
using FlexMail.Portal.Sandbox.Mail;
using FlexMail.Portal.Sandbox.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FlexMail.Tests.Support;

/// <summary>
/// bUnit with the real domain services and the sandbox tenant on: its services over a real SQLite sandbox database,
/// created and seeded as at the portal's start.
/// </summary>
public abstract class SandboxComponentTest : DomainComponentTest
{
    private ServiceProvider _sandbox = null!;

    protected T Sandbox<T>() where T : notnull => _sandbox.GetRequiredService<T>();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var databaseFile = Path.Combine(Domain.DataPath, SandboxServices.DatabaseFileName);
        _sandbox = new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton(TimeProvider.System)
            .AddSingleton(Domain.Get<ISecretProtector>())
            .AddSingleton(Domain.Get<EmailSettingsService>())
            .AddSingleton(Domain.Get<IOptions<OAuthOptions>>())
            .AddDbContextFactory<SandboxDbContext>(options => options.UseSqlite($"Data Source={databaseFile}"))
            .AddSingleton<SandboxSigningKeys>()
            .AddSingleton<SandboxMailDelivery>()
            .AddSingleton<SandboxStore>()
            .AddSingleton<SandboxDirectory>()
            .AddSingleton<SandboxAppRegistrations>()
            .AddSingleton<SandboxAppConsents>()
            .AddSingleton<SandboxPortalApp>()
            .AddSingleton<SandboxMailbox>()
            .AddSingleton<SandboxFaults>()
            .AddSingleton<SandboxMailboxThrottle>()
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        await Sandbox<SandboxStore>().InitializeAsync(CancellationToken.None);

        Context.Services.AddSingleton(Options.Create(new SandboxOptions { Enabled = true }));
        Context.Services.AddSingleton(TimeProvider.System);
        Context.Services.AddSingleton(Sandbox<SandboxStore>());
        Context.Services.AddSingleton(Sandbox<SandboxDirectory>());
        Context.Services.AddSingleton(Sandbox<SandboxAppRegistrations>());
        Context.Services.AddSingleton(Sandbox<SandboxAppConsents>());
        Context.Services.AddSingleton(Sandbox<SandboxPortalApp>());
        Context.Services.AddSingleton(Sandbox<SandboxMailbox>());
        Context.Services.AddSingleton(Sandbox<SandboxFaults>());
        Context.Services.AddSingleton(Sandbox<SandboxMailDelivery>());
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync(); // the components (and the mail client's polling) stop first
        await _sandbox.DisposeAsync();
    }

    protected IDbContextFactory<SandboxDbContext> SandboxContexts => Sandbox<IDbContextFactory<SandboxDbContext>>();

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
