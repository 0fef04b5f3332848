using System.Collections.Concurrent;
using FlexMail.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace FlexMail.Tests.Integration.Hosting;

/// <summary>The portal in a chosen environment and with extra settings, collecting the warnings it logs.</summary>
public sealed class HostingPortal(string environment = "Testing", params (string Key, string Value)[] settings) : PortalFactory
{
    private readonly ConcurrentQueue<string> _warnings = new();

    public IEnumerable<string> Warnings => _warnings;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment(environment);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureLogging(logging => logging.AddProvider(new WarningCollector(_warnings)));
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
