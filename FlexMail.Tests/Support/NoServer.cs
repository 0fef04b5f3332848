using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;

namespace FlexMail.Tests.Support;

/// <summary>
/// Stands for the web server in component tests, which have none: services that ask for one (the sandbox's base
/// address, given by <c>FlexMail:Sandbox:BaseUrl</c> there) can be built; starting it is refused.
/// </summary>
internal sealed class NoServer : IServer
{
    public IFeatureCollection Features { get; } = new FeatureCollection();

    public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken) where TContext : notnull =>
        throw new NotSupportedException("Component tests run no web server.");

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose()
    {
    }
}
