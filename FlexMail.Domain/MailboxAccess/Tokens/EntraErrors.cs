using System.Net.Sockets;
using System.Security.Authentication;
using System.Text.RegularExpressions;
using Azure;
using Microsoft.Identity.Client;

namespace FlexMail.Domain.MailboxAccess.Tokens;

/// <summary>
/// Turns what MSAL or Azure.Identity threw into an <see cref="EntraFailure"/>: the AADSTS code, what went wrong in
/// plain words and what the administrator should do. Azure.Identity's own message is generic; the AADSTS text is in
/// an inner MSAL exception, so the whole chain is read.
/// </summary>
public static partial class EntraErrors
{
    /// <summary>The failure <paramref name="exception"/> stands for.</summary>
    public static EntraFailure From(Exception exception, EntraErrorContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(exception);
        context ??= EntraErrorContext.None;
        var chain = Chain(exception).ToList();

        foreach (var error in chain)
        {
            if (error.Message is { } message && AadstsCode().Match(message) is { Success: true } match)
            {
                var code = int.Parse(match.Groups["code"].ValueSpan, System.Globalization.CultureInfo.InvariantCulture);
                var aadsts = message[match.Index..];
                var trace = TraceIds().Match(aadsts);
                return trace.Success
                    ? EntraErrorTable.Explain(code, aadsts[..trace.Index].TrimEnd(), context) with { Trace = trace.Value.Trim() }
                    : EntraErrorTable.Explain(code, aadsts, context);
            }
        }
        if (chain.Any(IsNetworkFailure))
        {
            return Unreachable(chain, context);
        }
        if (chain.OfType<MsalUiRequiredException>().FirstOrDefault() is { } uiRequired)
        {
            return new EntraFailure(null,
                $"No signed-in account can be used without a new sign-in ({uiRequired.ErrorCode}: {uiRequired.Message})",
                "Sign in again with Re-Authorize.", NeedsReauthorization: true);
        }
        return new EntraFailure(null,
            $"Entra ID sign-in failed: {exception.Message}",
            "Check the OAuth application's Tenant Id, Client Id and credential, then try again.");
    }

    private static EntraFailure Unreachable(IReadOnlyList<Exception> chain, EntraErrorContext context)
    {
        var host = context.AuthorityHost is { } authority ? authority.Authority : "the Microsoft identity platform";
        if (chain.Any(e => e is AuthenticationException))
        {
            return new EntraFailure(null,
                $"FlexMail reached {host} but could not establish a trusted HTTPS connection: its certificate was not accepted.",
                $"Make sure this server trusts the certificate {host} presents (a proxy that inspects TLS needs its root " +
                "certificate installed on this server), then try again.");
        }
        var timedOut = chain.Any(e => e is TimeoutException or TaskCanceledException);
        return new EntraFailure(null,
            timedOut
                ? $"FlexMail could not reach {host}: the request timed out."
                : $"FlexMail could not reach {host} ({Innermost(chain).Message}).",
            $"Check that this server can resolve and connect to {host} over HTTPS (port 443): DNS, firewall and proxy settings.");
    }

    private static bool IsNetworkFailure(Exception exception) => exception switch
    {
        HttpRequestException or SocketException or AuthenticationException => true,
        RequestFailedException { Status: 0 } => true,
        MsalServiceException { ErrorCode: MsalError.RequestTimeout or MsalError.ServiceNotAvailable } => true,
        _ => false,
    };

    private static Exception Innermost(IReadOnlyList<Exception> chain) => chain[^1];

    private static IEnumerable<Exception> Chain(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            yield return current;
            if (current is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Chain))
                {
                    yield return inner;
                }
                yield break;
            }
        }
    }

    [GeneratedRegex(@"AADSTS(?<code>\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex AadstsCode();

    /// <summary>The ids Entra ID appends to every error description ("Trace ID: … Correlation ID: … Timestamp: …").</summary>
    [GeneratedRegex(@"\s*Trace ID:.*$", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex TraceIds();
}
