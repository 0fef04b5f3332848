using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using FlexMail.Portal.Hosting;
using FlexMail.Tests.Support;

namespace FlexMail.Tests.Integration.Hosting;

/// <summary>
/// The portal as its own process (<c>dotnet FlexMail.Portal.dll</c>), killed while "Applying migration" with EF Core's
/// migration lock taken (a startup hook blocks the migration there), then started again: it must recover and serve.
/// </summary>
public sealed partial class MigrationKillTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Start_AfterAKillWhileApplyingAMigration_ReleasesTheLeftLockAndServes()
    {
        using var data = new TemporaryFolder();
        var pauseFile = Path.Combine(data.Path, "paused");
        var flexMailDb = Path.Combine(data.Path, "flexmail.db");

        using (var first = Portal.Start(data.Path, pauseFile))
        {
            await Until(() => File.Exists(pauseFile) || first.Process.HasExited, first);
            Assert.False(first.Process.HasExited, first.Output);
            first.Process.Kill(entireProcessTree: true);
            await first.Process.WaitForExitAsync().WaitAsync(Bound);
        }
        Assert.Equal(1, await MigrationLockRecoveryTests.CountLockRowsAsync(flexMailDb)); // what the killed process left behind

        using var second = Portal.Start(data.Path, pauseFile: null);
        await Until(() => second.ReadyUrl is not null || second.Process.HasExited, second);

        Assert.False(second.Process.HasExited, second.Output);
        Assert.Contains($"Released the migration lock on {flexMailDb}", second.Output);
        using var client = TrustingTheLocalCertificate(data.Path);
        using var live = await client.GetAsync(new Uri(new Uri(second.ReadyUrl!), "/health/live"));
        Assert.True(live.IsSuccessStatusCode, live.StatusCode.ToString());
        Assert.Equal(0, await MigrationLockRecoveryTests.CountLockRowsAsync(flexMailDb));
    }

    private static async Task Until(Func<bool> condition, Portal portal)
    {
        using var timeout = new CancellationTokenSource(Bound);
        while (!condition())
        {
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50), timeout.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"Not within {Bound}: {portal.Output}");
            }
        }
    }

    private static HttpClient TrustingTheLocalCertificate(string dataPath)
    {
        using var local = X509CertificateLoader.LoadPkcs12FromFile(Path.Combine(dataPath, "certificates", LocalHttpsCertificate.FileName), null);
        var thumbprint = local.Thumbprint;
        return new HttpClient(new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate?.Thumbprint == thumbprint,
        });
    }

    [GeneratedRegex(@"FlexMail portal is ready: open (?<url>https://\S+)")]
    private static partial Regex ReadyLine();

    /// <summary>A child portal process with its console output collected.</summary>
    private sealed class Portal : IDisposable
    {
        private readonly ConcurrentQueue<string> _lines = new();

        private Portal(Process process) => Process = process;

        public Process Process { get; }

        public string Output => string.Join('\n', _lines);

        public string? ReadyUrl => _lines.Select(line => ReadyLine().Match(line)).FirstOrDefault(match => match.Success)?.Groups["url"].Value;

        public static Portal Start(string dataPath, string? pauseFile)
        {
            var testOutput = AppContext.BaseDirectory;
            var portalOutput = testOutput.Replace($"{Path.DirectorySeparatorChar}FlexMail.Tests{Path.DirectorySeparatorChar}",
                $"{Path.DirectorySeparatorChar}FlexMail.Portal{Path.DirectorySeparatorChar}", StringComparison.Ordinal);
            var start = new ProcessStartInfo("dotnet", [Path.Combine(portalOutput, "FlexMail.Portal.dll")])
            {
                WorkingDirectory = portalOutput,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
            start.Environment["Urls"] = "https://127.0.0.1:0";
            start.Environment["FlexMail__DataPath"] = dataPath;
            start.Environment["Logging__Console__FormatterName"] = "simple";
            start.Environment["Logging__Console__FormatterOptions__SingleLine"] = "true";
            if (pauseFile is not null)
            {
                start.Environment["DOTNET_STARTUP_HOOKS"] = Path.Combine(testOutput, "FlexMail.Tests.dll");
                start.Environment[StartupHook.PauseFileVariable] = pauseFile;
            }
            var process = new Process { StartInfo = start };
            var portal = new Portal(process);
            process.OutputDataReceived += (_, line) => portal.Collect(line.Data);
            process.ErrorDataReceived += (_, line) => portal.Collect(line.Data);
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            return portal;
        }

        private void Collect(string? line)
        {
            if (line is not null)
            {
                _lines.Enqueue(line);
            }
        }

        public void Dispose()
        {
            if (!Process.HasExited)
            {
                Process.Kill(entireProcessTree: true);
                Process.WaitForExit();
            }
            Process.Dispose();
        }
    }
}
