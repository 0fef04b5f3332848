using FlexMail.Domain.MailboxAccess;
using FlexMail.Domain.MailboxAccess.Authorize;
using FlexMail.Domain.MailboxAccess.Tokens;
using FlexMail.Portal.Endpoints;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace FlexMail.Portal.Features.MailboxAccess;

/// <summary>
/// A mailbox role's authorization: who is authorized since when (or why it needs a new sign-in) and the Authorize /
/// Re-Authorize button, which starts the sign-in with a full page load at the saved Server Base URL (so that the cookie
/// binding the sign-in to this browser reaches the callback). Used by the email settings page and the setup wizard.
/// </summary>
public sealed partial class MailboxAuthorizationPanel
{
    private const string TimeFormat = "yyyy-MM-dd HH:mm 'UTC'";

    [Inject] private MailboxAuthorizationStatusQuery Query { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;

    /// <summary>The mailbox user to authorize.</summary>
    [Parameter, EditorRequired] public MailboxRole Role { get; set; }

    /// <summary>The page of this portal to come back to, e.g. <c>/settings/email</c> or <c>/setup?step=authorize</c>.</summary>
    [Parameter, EditorRequired] public required string ReturnUrl { get; set; }

    /// <summary>True while the page has unsaved changes: Authorize uses the saved settings, so it waits for Save.</summary>
    [Parameter] public bool Dirty { get; set; }

    private MailboxAuthorizationStatus? _status;
    private (MailboxRole Role, bool Dirty)? _loadedFor;

    private string Side => Role == MailboxRole.Outgoing ? "SMTP" : "IMAP";

    private bool CanClick => _status is { CanAuthorize: true } && !Dirty;

    private string ButtonText => _status is { WasAuthorized: true } ? "Re-Authorize" : "Authorize";

    private Severity StatusSeverity => _status?.Authorization?.Status switch
    {
        AuthorizationStatus.Authorized when _status.AuthorizedAnotherUser || _status.AuthorizedThroughAnotherApplication => Severity.Warning,
        AuthorizationStatus.Authorized => Severity.Success,
        AuthorizationStatus.NeedsReauthorization => Severity.Error,
        _ => Severity.Info,
    };

    /// <summary>Reads the status again, e.g. after the page saved its settings.</summary>
    public async Task RefreshAsync()
    {
        _status = await Query.GetAsync(Role, Aborted);
        StateHasChanged();
    }

    protected override async Task OnParametersSetAsync()
    {
        // Loaded at first and again when the role changes or the page's changes were saved (Dirty true -> false).
        if (_loadedFor != (Role, Dirty))
        {
            var reload = _loadedFor is null || _loadedFor.Value.Role != Role || (_loadedFor.Value.Dirty && !Dirty);
            _loadedFor = (Role, Dirty);
            if (reload)
            {
                _status = await Query.GetAsync(Role, Aborted);
            }
        }
    }

    private IEnumerable<string> StatusLines()
    {
        var authorization = _status!.Authorization;
        switch (authorization?.Status)
        {
            case AuthorizationStatus.Authorized:
                var by = string.IsNullOrEmpty(authorization.AuthorizedBy) ? "" : $" (by {authorization.AuthorizedBy})";
                yield return $"Authorized as {authorization.UserPrincipalName} since {Format(authorization.AuthorizedAt)}{by}, " +
                             $"last refreshed {Format(authorization.LastRefreshedAt)}.";
                if (authorization.GrantedScopes.Count > 0)
                {
                    yield return $"Permissions: {string.Join(", ", authorization.GrantedScopes)}.";
                }
                if (_status.AuthorizedAnotherUser)
                {
                    yield return $"The {Side} User is now {_status.ConfiguredUser}: Re-Authorize and sign in as {_status.ConfiguredUser}.";
                }
                else if (_status.AuthorizedThroughAnotherApplication)
                {
                    yield return $"This sign-in was made through another OAuth application than the one chosen for the {Side} User now: Re-Authorize.";
                }
                break;
            case AuthorizationStatus.NeedsReauthorization when CredentialRefusal.Caused(authorization.StatusReason):
                // The application's credential was refused, not the sign-in: the fix is on the OAuth Applications page.
                yield return $"Stopped: Entra ID refused the OAuth application's credential. {authorization.StatusReason}";
                yield return $"Last authorized as {authorization.UserPrincipalName} on {Format(authorization.AuthorizedAt)}; " +
                             $"last refreshed {Format(authorization.LastRefreshedAt)}.";
                yield return "Fix: save a new client secret (or certificate) for the OAuth application on the OAuth Applications page: " +
                             "this sign-in then resumes, without Re-Authorize.";
                break;
            case AuthorizationStatus.NeedsReauthorization:
                yield return $"Needs re-authorization: {authorization.StatusReason ?? "Entra ID no longer accepts the saved sign-in."}";
                yield return $"Last authorized as {authorization.UserPrincipalName} on {Format(authorization.AuthorizedAt)}; " +
                             $"last refreshed {Format(authorization.LastRefreshedAt)}.";
                break;
            default:
                yield return _status.ConfiguredUser.Length > 0
                    ? $"Not authorized: FlexMail uses the mailbox once {_status.ConfiguredUser} has signed in here once."
                    : $"Not authorized: no {Side} User is saved yet.";
                break;
        }
    }

    private void Authorize()
    {
        if (!CanClick)
        {
            return;
        }
        // Absolute on the saved Server Base URL: the callback comes back there, and the browser cookie must too.
        var start = $"{_status!.ServerBaseUrl}{OAuthAuthorizationEndpoints.StartPath}?role={Role}&returnUrl={Uri.EscapeDataString(ReturnUrl)}";
        Navigation.NavigateTo(start, forceLoad: true);
    }

    private static string Format(DateTimeOffset? at) => at?.ToUniversalTime().ToString(TimeFormat, System.Globalization.CultureInfo.InvariantCulture) ?? "(unknown)";
}
