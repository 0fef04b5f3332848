using Microsoft.Playwright;

namespace FlexMail.Tests.Browser;

/// <summary>
/// Starts headless Chromium: the system's (Debian <c>chromium</c> at /usr/bin/chromium) when present,
/// otherwise Playwright's own build, installed on first use.
/// </summary>
internal static class ChromiumLauncher
{
    private const string SystemChromium = "/usr/bin/chromium";

    private static readonly string[] HeadlessArguments =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    public static async Task<IBrowser> LaunchAsync(IPlaywright playwright, IEnumerable<string> extraArguments)
    {
        var options = new BrowserTypeLaunchOptions { Headless = true, Args = [.. HeadlessArguments, .. extraArguments] };
        if (File.Exists(SystemChromium))
        {
            options.ExecutablePath = SystemChromium;
        }
        else
        {
            var exitCode = Microsoft.Playwright.Program.Main(["install", "chromium"]);
            if (exitCode != 0)
            {
                throw new InvalidOperationException(
                    $"No browser for the browser tests: {SystemChromium} is missing and Playwright's install exited with {exitCode}. " +
                    "Install Chromium (Debian: apt-get install -y chromium).");
            }
        }
        return await playwright.Chromium.LaunchAsync(options);
    }
}
