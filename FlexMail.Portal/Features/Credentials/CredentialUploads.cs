using FlexMail.Domain.Credentials;
using MudBlazor;

namespace FlexMail.Portal.Features.Credentials;

/// <summary>Opens the upload dialog (from the Credentials page or from an OAuth application's certificate choice).</summary>
public static class CredentialUploads
{
    /// <returns>The stored credential's id, or null when the admin cancelled.</returns>
    public static async Task<Guid?> UploadAsync(IDialogService dialogs, CredentialType type)
    {
        var parameters = new DialogParameters<UploadCredentialDialog> { { dialog => dialog.Type, type } };
        var title = type == CredentialType.Certificate ? "Upload Certificate" : "Upload Private Key";
        var dialog = await dialogs.ShowAsync<UploadCredentialDialog>(title, parameters,
            new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true, CloseOnEscapeKey = true });
        var result = await dialog.Result;
        return result is { Canceled: false, Data: Guid id } ? id : null;
    }
}
