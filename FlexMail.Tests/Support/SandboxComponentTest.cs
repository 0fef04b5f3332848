using Bunit;
using FlexMail.Portal.Sandbox;
using FlexMail.Portal.Sandbox.Persistence;
using FlexMail.Portal.Sandbox.QuickSetup;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FlexMail.Tests.Support;

/// <summary>
/// bUnit with the real domain services and the sandbox tenant on: its services over a real SQLite sandbox database,
/// created and seeded as at the portal's start.
/// </summary>
public abstract class SandboxComponentTest : DomainComponentTest
{
    protected T Sandbox<T>() where T : notnull => Domain.Get<T>();

    protected override void AddServices(IServiceCollection services, string dataPath)
    {
        services.AddSandboxTenant(Path.Combine(dataPath, SandboxServices.DatabaseFileName));
        // "Try with the sandbox" is on every page the sandbox shows it on; its sign-in step issues codes through the grants.
        services.AddSingleton<Portal.Sandbox.Identity.SandboxGrants>();
        services.AddSandboxQuickSetup();
        services.Configure<SandboxOptions>(options =>
        {
            options.Enabled = true;
            options.BaseUrl = "https://localhost:7643";
        });
        services.AddSingleton<Microsoft.AspNetCore.Hosting.Server.IServer, NoServer>();
        services.AddSingleton<SandboxBaseAddress>();
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Context.Services.AddSingleton(Options.Create(new SandboxOptions { Enabled = true }));
        await Sandbox<SandboxStore>().InitializeAsync(CancellationToken.None);
    }

    protected IDbContextFactory<SandboxDbContext> SandboxContexts => Sandbox<IDbContextFactory<SandboxDbContext>>();
}
