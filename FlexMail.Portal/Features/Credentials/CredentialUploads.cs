using FlexMail.Domain.Credentials;
using MudBlazor;

namespace FlexMail.Portal.Features.Credentials;

/// <summary>Opens the upload dialog (from the Credentials page or from an OAuth application's certificate choice).</summary>
public static class CredentialUploads
{
    /// <returns>What was stored, or null when the admin cancelled.</returns>
    public static async Task<StoredCredential?> UploadAsync(IDialogService dialogs, CredentialType type)
    {
        var parameters = new DialogParameters<UploadCredentialDialog> { { dialog => dialog.Type, type } };
        var title = type == CredentialType.Certificate ? "Upload Certificate" : "Upload Private Key";
        var dialog = await dialogs.ShowAsync<UploadCredentialDialog>(title, parameters,
            new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true, CloseOnEscapeKey = true });
        var result = await dialog.Result;
        return result is { Canceled: false, Data: StoredCredential stored } ? stored : null;
    }
}

/// <summary>The stored credential, and the private key stored with a certificate from the same .pfx (if any).</summary>
public sealed record StoredCredential(Guid Id, Guid? PrivateKeyId);
