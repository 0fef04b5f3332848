using System.Net;
using FlexMail.Domain.Audit;
using FlexMail.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace FlexMail.Tests.Integration.Hosting;

public sealed class PortalHostingTests : IClassFixture<PortalFactory>
{
    private readonly PortalFactory _portal;

    public PortalHostingTests(PortalFactory portal) => _portal = portal;

    [Fact]
    public async Task HealthReady_AfterStart_AnswersHealthyFromTheDatabase()
    {
        using var client = _portal.CreateClient();

        using var response = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task HealthLive_AnswersHealthy()
    {
        using var client = _portal.CreateClient();

        using var response = await client.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Start_EmptyDataFolder_CreatesTheDatabaseAndRecordsTheMigration()
    {
        using var client = _portal.CreateClient();
        await client.GetAsync("/health/live");

        var audit = await _portal.Services.GetRequiredService<AuditLog>().ListAsync(0, 10, CancellationToken.None);

        Assert.True(File.Exists(Path.Combine(_portal.DataPath, "flexmail.db")));
        Assert.Contains(audit.Events, e => e.Action == "Database migrated");
    }
}
