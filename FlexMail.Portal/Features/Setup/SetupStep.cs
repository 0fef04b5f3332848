using FlexMail.Domain.OAuthApps;
using FlexMail.Domain.Settings;
using FlexMail.Domain.Validation;
using FlexMail.Portal.Features.EmailSettings;

namespace FlexMail.Portal.Features.Setup;

/// <summary>
/// A wizard step: its title and the fields it owns (for its status chip and for blocking Next).
/// Adding a step is adding an entry here and its component in the page.
/// </summary>
public sealed record SetupStep(string Title, IReadOnlyList<string> ApplicationFields, IReadOnlyList<string> SettingsFields)
{
    public static readonly SetupStep Register = new("Register the app", [],
        [nameof(EmailSettingsDraft.ServerBaseUrl)]);

    public static readonly SetupStep Credentials = new("Application credentials",
        [
            nameof(OAuthApplicationDraft.Name), nameof(OAuthApplicationDraft.TenantId), nameof(OAuthApplicationDraft.ClientId),
            nameof(OAuthApplicationDraft.ClientSecret), nameof(OAuthApplicationDraft.ClientSecretExpiresOn),
            nameof(OAuthApplicationDraft.CertificateCredentialId), nameof(OAuthApplicationDraft.PrivateKeyCredentialId),
        ],
        []);

    public static readonly SetupStep Outgoing = new("Outgoing mail", [], EmailSettingsSections.Outgoing);

    public static readonly SetupStep Incoming = new("Incoming mail and replies", [],
        [.. EmailSettingsSections.Incoming, .. EmailSettingsSections.ReplyOptions]);

    public static readonly SetupStep Review = new("Review and save", [], []);

    /// <summary>Sign the mailbox user(s) in: needs the saved settings, so it comes after Save.</summary>
    public static readonly SetupStep Authorize = new("Authorize", [], []);

    /// <summary>Test Email Configuration on the saved, authorized settings.</summary>
    public static readonly SetupStep Test = new("Test", [], []);

    public static readonly IReadOnlyList<SetupStep> All = [Register, Credentials, Outgoing, Incoming, Review, Authorize, Test];

    /// <summary>The steps after Save, which work on what is saved rather than on the fields typed.</summary>
    public bool UsesSavedSettings => this == Authorize || this == Test;

    /// <summary>The step a <c>?step=</c> query names (<c>authorize</c>, <c>test</c>), if any.</summary>
    public static SetupStep? Named(string? name) => name?.ToLowerInvariant() switch
    {
        "authorize" => Authorize,
        "test" => Test,
        _ => null,
    };

    /// <summary>The step's share of the findings; the review step owns them all.</summary>
    public ValidationReport ReportFrom(SetupWizardState state) => this == Review
        ? state.ApplicationReport.Merge(state.SettingsReport)
        : state.ApplicationReport.Only(ApplicationFields).Merge(state.SettingsReport.Only(SettingsFields));
}
