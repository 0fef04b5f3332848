using FlexMail.Domain.OAuthApps;
using FlexMail.Domain.Settings;
using FlexMail.Domain.Validation;

namespace FlexMail.Portal.Features.Setup;

/// <summary>Everything the admin has typed in the wizard so far, kept across steps and errors until saved.</summary>
public sealed class SetupWizardState
{
    public OAuthApplicationDraft Application { get; set; } = new() { Id = Guid.NewGuid() };

    public EmailSettingsDraft Settings { get; set; } = new();

    /// <summary>Step 1 answer: approval mails come from a shared mailbox rather than the SMTP User's own.</summary>
    public bool SendsFromSharedMailbox { get; set; }

    /// <summary>Step 1 answer: replies are read from a shared mailbox rather than the incoming user's own.</summary>
    public bool RepliesInSharedMailbox { get; set; }

    public ValidationReport ApplicationReport { get; set; } = ValidationReport.Valid;

    public ValidationReport SettingsReport { get; set; } = ValidationReport.Valid;

    /// <summary>The permissions the step 1 answers call for (typed values may call for more: see <see cref="TypedNeeds"/>).</summary>
    public PermissionNeeds AnsweredNeeds => new(SendsFromSharedMailbox, Settings.EmailApprovalEnabled, RepliesInSharedMailbox);

    public PermissionNeeds TypedNeeds => PermissionNeeds.From(Settings);
}
