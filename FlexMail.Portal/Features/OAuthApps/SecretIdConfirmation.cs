using FlexMail.Domain.OAuthApps;
using MudBlazor;

namespace FlexMail.Portal.Features.OAuthApps;

/// <summary>
/// Asks before saving a Client Secret that looks like the secret's ID (the domain's rule,
/// <see cref="OAuthApplicationValidator.LooksLikeSecretId(OAuthApplicationDraft)"/>): used by the OAuth application
/// dialog and by the setup wizard's Save.
/// </summary>
public static class SecretIdConfirmation
{
    /// <returns>True when saving may go on: the secret does not look like an ID, or the admin chose "Save anyway".</returns>
    public static async Task<bool> ConfirmAsync(IDialogService dialogs, OAuthApplicationDraft draft)
    {
        ArgumentNullException.ThrowIfNull(dialogs);
        if (!OAuthApplicationValidator.LooksLikeSecretId(draft))
        {
            return true;
        }
        var answer = await dialogs.ShowMessageBoxAsync("Client Secret looks like an ID",
            OAuthApplicationValidator.SecretIdQuestion + " In Entra ID, Certificates & secrets lists each secret's Value " +
            "(shown only when the secret is created) and its Secret ID (a GUID that cannot sign in). Cancel to paste the Value instead.",
            yesText: "Save anyway", cancelText: "Cancel");
        return answer == true;
    }
}
