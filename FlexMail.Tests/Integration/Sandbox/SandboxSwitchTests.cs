using System.Collections.Concurrent;
using System.Net;
using FlexMail.Domain.Connectivity;
using FlexMail.Domain.OAuthApps;
using FlexMail.Portal.Sandbox;
using FlexMail.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FlexMail.Tests.Integration.Sandbox;

/// <summary>One switch, no code change: with the sandbox off FlexMail talks to Microsoft; with it on, outside Development it says so.</summary>
public sealed class SandboxSwitchTests
{
    [Fact]
    public async Task SandboxOff_ServesNoSandboxEndpoints_AndPointsClientsAtMicrosoft()
    {
        await using var portal = new SwitchedPortal(sandboxEnabled: false);
        using var client = portal.CreateClient();

        var graph = await client.GetAsync("/sandbox/graph/v1.0/me");
        var discovery = await client.GetAsync($"/sandbox/login/{SandboxTenant.Domain}/v2.0/.well-known/openid-configuration");
        var cloud = portal.Services.GetRequiredService<IMicrosoftCloud>();

        Assert.Equal(HttpStatusCode.NotFound, graph.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, discovery.StatusCode);
        Assert.IsType<PublicMicrosoftCloud>(cloud);
        Assert.Equal("https://login.microsoftonline.com/contoso.com", cloud.EndpointsFor(CloudInstance.Global).Authority("contoso.com").ToString());
        Assert.Equal("https://graph.microsoft.us/v1.0", cloud.EndpointsFor(CloudInstance.UsGovernmentL4).GraphBaseUrl.ToString());
        Assert.False(File.Exists(Path.Combine(portal.DataPath, SandboxServices.DatabaseFileName)));
    }

    [Fact]
    public async Task SandboxOn_OutsideDevelopment_WarnsAtStart()
    {
        await using var portal = new SwitchedPortal(sandboxEnabled: true);
        using var client = portal.CreateClient();

        await client.GetAsync("/health/live");

        Assert.Contains(portal.Warnings, message => message.Contains("The sandbox tenant is ON in environment Testing", StringComparison.Ordinal));
    }

    private sealed class SwitchedPortal(bool sandboxEnabled) : PortalFactory
    {
        private readonly ConcurrentQueue<string> _warnings = new();

        public IEnumerable<string> Warnings => _warnings;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("FlexMail:Sandbox:Enabled", sandboxEnabled ? "true" : "false");
            builder.ConfigureLogging(logging => logging.AddProvider(new WarningCollector(_warnings)));
        }
    }

    private sealed class WarningCollector(ConcurrentQueue<string> warnings) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                warnings.Enqueue(formatter(state, exception));
            }
        }

        public void Dispose()
        {
        }
    }
}
