using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Authentication;
using FlexMail.Domain.MailboxAccess.Tokens;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;

namespace FlexMail.Domain.Mail;

/// <summary>
/// Turns what the Graph SDK throws (OData errors, the retry handler's give-up, network and TLS failures, the token
/// source's refusal) into a <see cref="MailFailure"/>; anything else becomes an unexpected failure. Returns null only
/// for cancellation, which callers let through.
/// </summary>
internal sealed class MailFailures(TimeProvider clock)
{
    public MailFailure? From(Exception exception, MailOperation op, TokenClaims? claims, Uri graphBaseUrl)
    {
        if (Find<TokenAcquisitionException>(exception) is { } refused)
        {
            return new MailFailure(MailFailureKind.TokenUnavailable, null, null,
                $"FlexMail could not get an access token to {op.Action} {op.Mailbox}: {refused.Failure.Cause}", refused.Failure.Fix)
            {
                Entra = refused.Failure,
            };
        }
        if (exception is AggregateException aggregate && aggregate.Flatten().InnerExceptions.OfType<ApiException>().LastOrDefault() is { } last)
        {
            return FromGraph(last, op, claims); // the retry handler gave up: its last answer says why
        }
        if (exception is ApiException api)
        {
            return FromGraph(api, op, claims);
        }
        if (Find<HttpRequestException>(exception) is { } http)
        {
            return Network(http, op, graphBaseUrl);
        }
        if (exception is TaskCanceledException { InnerException: TimeoutException })
        {
            return new MailFailure(MailFailureKind.Network, null, null,
                $"Microsoft Graph at {graphBaseUrl.Host} did not answer in time while trying to {op.Action} {op.Mailbox}.",
                $"Check that outbound HTTPS to {graphBaseUrl.Host} is allowed and fast (proxy, firewall), then try again.");
        }
        if (exception is OperationCanceledException)
        {
            return null;
        }
        return new MailFailure(MailFailureKind.Unexpected, null, null,
            $"FlexMail could not handle Microsoft Graph's answer while trying to {op.Action} {op.Mailbox} ({exception.GetType().Name}).",
            "Try again; if it persists, report the time and the mailbox to support (the portal's log has the details).");
    }

    private MailFailure FromGraph(ApiException exception, MailOperation op, TokenClaims? claims)
    {
        var status = exception.ResponseStatusCode;
        var error = (exception as ODataError)?.Error;
        var code = error?.Code ?? (status == 429 ? "TooManyRequests" : $"HTTP{status}");
        var failure = (status, code) switch
        {
            (429, _) => GraphErrorTexts.Throttled(op, code, status, RetryAt(exception) ?? clock.GetUtcNow().AddMinutes(1)),
            (503 or 504, _) => GraphErrorTexts.ServiceUnavailable(op, code, status, RetryAt(exception)),
            (401, _) => GraphErrorTexts.InvalidToken(op, code, status),
            (_, "ErrorSendAsDenied") => GraphErrorTexts.SendAsDenied(op, claims, code, status),
            (_, "ErrorAccessDenied") => GraphErrorTexts.AccessDenied(op, claims, code, status),
            (_, "Authorization_RequestDenied") when op.Access == MailAccess.Profile => GraphErrorTexts.NoProfilePermission(op, code, status),
            (_, "MailboxNotEnabledForRESTAPI" or "MailboxNotSupportedForRESTAPI") => GraphErrorTexts.MailboxNotEnabled(op, code, status),
            (_, "ErrorItemNotFound") => GraphErrorTexts.ItemNotFound(op, code, status),
            (_, "ErrorInvalidUser" or "Request_ResourceNotFound") => GraphErrorTexts.InvalidUser(op, code, status),
            (403, _) => GraphErrorTexts.AccessDenied(op, claims, code, status),
            _ => GraphErrorTexts.Other(op, code, status, error?.Message),
        };
        return failure with { RequestId = error?.InnerError?.RequestId ?? Header(exception, "request-id") };
    }

    private static MailFailure Network(HttpRequestException exception, MailOperation op, Uri graphBaseUrl) =>
        Find<AuthenticationException>(exception) is not null
            ? new MailFailure(MailFailureKind.Network, null, null,
                $"FlexMail did not trust the TLS certificate of {graphBaseUrl.Host} while trying to {op.Action} {op.Mailbox}.",
                $"If a proxy inspects HTTPS, exempt {graphBaseUrl.Host} or trust the proxy's root certificate on this server; " +
                "otherwise check the server's clock and root certificates.")
            : new MailFailure(MailFailureKind.Network, null, null,
                $"FlexMail could not reach Microsoft Graph at {graphBaseUrl.Host} to {op.Action} {op.Mailbox}: {exception.Message}",
                $"Check DNS, the firewall and the proxy: this server must reach https://{graphBaseUrl.Host} (port 443).");

    private DateTimeOffset? RetryAt(ApiException exception)
    {
        if (Header(exception, "Retry-After") is not { } value)
        {
            return null;
        }
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return clock.GetUtcNow().AddSeconds(seconds);
        }
        return RetryConditionHeaderValue.TryParse(value, out var parsed) && parsed.Date is { } date ? date : null;
    }

    private static string? Header(ApiException exception, string name) =>
        exception.ResponseHeaders.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();

    private static T? Find<T>(Exception exception) where T : Exception
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is T found)
            {
                return found;
            }
        }
        return null;
    }
}
