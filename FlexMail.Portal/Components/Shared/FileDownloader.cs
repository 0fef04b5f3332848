using Microsoft.JSInterop;

namespace FlexMail.Portal.Components.Shared;

/// <summary>Hands a text file to the browser as a download.</summary>
public sealed class FileDownloader(IJSRuntime js)
{
    public async Task DownloadTextAsync(string fileName, string mimeType, string text)
    {
        await using var module = await js.InvokeAsync<IJSObjectReference>("import", "./js/download.js");
        await module.InvokeVoidAsync("downloadText", fileName, mimeType, text);
    }
}
