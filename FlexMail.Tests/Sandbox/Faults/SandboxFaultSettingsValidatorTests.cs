using FlexMail.Portal.Sandbox.Faults;

namespace FlexMail.Tests.Sandbox.Faults;

public sealed class SandboxFaultSettingsValidatorTests
{
    [Theory]
    [InlineData(nameof(SandboxFaultSettings.RequestBudget), 0, "Request budget")]
    [InlineData(nameof(SandboxFaultSettings.BudgetWindowSeconds), 0, "Budget window (seconds)")]
    [InlineData(nameof(SandboxFaultSettings.BudgetWindowSeconds), 3601, "Budget window (seconds)")]
    [InlineData(nameof(SandboxFaultSettings.MaxConcurrentRequests), 0, "Concurrent requests")]
    [InlineData(nameof(SandboxFaultSettings.MaxConcurrentRequests), 101, "Concurrent requests")]
    [InlineData(nameof(SandboxFaultSettings.ServiceUnavailablePercent), -1, "Service unavailable rate (%)")]
    [InlineData(nameof(SandboxFaultSettings.ServiceUnavailablePercent), 101, "Service unavailable rate (%)")]
    [InlineData(nameof(SandboxFaultSettings.AddedLatencyMilliseconds), -1, "Added latency (ms)")]
    [InlineData(nameof(SandboxFaultSettings.AddedLatencyMilliseconds), 30_001, "Added latency (ms)")]
    public void Validate_ValueOutOfRange_NamesTheFieldAndTheRange(string property, int value, string field)
    {
        var settings = new SandboxFaultSettings();
        typeof(SandboxFaultSettings).GetProperty(property)!.SetValue(settings, value);

        var result = SandboxFaultSettingsValidator.Validate(settings);

        Assert.False(result.Succeeded);
        Assert.Equal(field, result.Field);
        Assert.StartsWith("Enter ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BoundaryValues_AreAccepted()
    {
        var lowest = new SandboxFaultSettings
        {
            RequestBudget = 1, BudgetWindowSeconds = 1, MaxConcurrentRequests = 1, ServiceUnavailablePercent = 0, AddedLatencyMilliseconds = 0,
        };
        var highest = new SandboxFaultSettings
        {
            RequestBudget = int.MaxValue, BudgetWindowSeconds = 3600, MaxConcurrentRequests = 100, ServiceUnavailablePercent = 100,
            AddedLatencyMilliseconds = 30_000,
        };

        Assert.True(SandboxFaultSettingsValidator.Validate(lowest).Succeeded);
        Assert.True(SandboxFaultSettingsValidator.Validate(highest).Succeeded);
        Assert.True(SandboxFaultSettingsValidator.Validate(new SandboxFaultSettings()).Succeeded);
    }
}
