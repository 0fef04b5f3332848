using FlexMail.Domain.Settings;
using MudBlazor;

namespace FlexMail.Portal.Features.Dashboard;

/// <summary>How a <see cref="SetupVerdict"/> is shown: its colour (always with its words) and the page its fix is made on.</summary>
internal static class SetupVerdictTexts
{
    public static Severity Severity(SetupVerdictLevel level) => level switch
    {
        SetupVerdictLevel.Configured => MudBlazor.Severity.Success,
        SetupVerdictLevel.Stopped => MudBlazor.Severity.Error,
        _ => MudBlazor.Severity.Warning,
    };

    /// <summary>The page's address (relative to the base URI) and the button that opens it, named after the page.</summary>
    public static (string Href, string Button) Page(SetupFixPlace place) => place switch
    {
        SetupFixPlace.OAuthApplications => ("oauth-applications", "Open OAuth Applications"),
        SetupFixPlace.EmailSettings => ("settings/email", "Open Email Settings"),
        _ => ("setup", "Open the setup wizard"),
    };
}
