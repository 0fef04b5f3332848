using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace FlexMail.Tests.Browser.PageModels;

/// <summary>
/// Records every Content-Security-Policy violation a page reports, from before its first script runs: the
/// <c>securitypolicyviolation</c> events of the document and the browser's console messages about the policy (which
/// also cover frames and the document a navigation left).
/// </summary>
public sealed class PolicyViolations
{
    private const string Listener =
        "document.addEventListener('securitypolicyviolation', e => window.reportPolicyViolation(" +
        "`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} in ${e.sourceFile || document.location.href}:${e.lineNumber}`));";

    private readonly ConcurrentQueue<string> _reports = new();
    private readonly TaskCompletionSource _first = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private PolicyViolations()
    {
    }

    public IReadOnlyList<string> Reports => [.. _reports];

    /// <summary>Starts recording on a page that has not navigated yet.</summary>
    public static async Task<PolicyViolations> RecordAsync(IPage page)
    {
        var violations = new PolicyViolations();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations.Add($"console: {message.Text}");
            }
        };
        await page.ExposeFunctionAsync("reportPolicyViolation", (string report) => violations.Add($"event: {report}"));
        await page.AddInitScriptAsync(Listener);
        return violations;
    }

    /// <summary>Waits until a first violation is reported (for a test that provokes one).</summary>
    public Task WaitForFirstAsync(TimeSpan timeout) => _first.Task.WaitAsync(timeout);

    private void Add(string report)
    {
        _reports.Enqueue(report);
        _first.TrySetResult();
    }
}
