using Bunit;
using FlexMail.Domain.Credentials;
using FlexMail.Portal.Features.Credentials;
using FlexMail.Tests.Support;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;

namespace FlexMail.Tests.Components.Credentials;

/// <summary>The upload dialog states the 64 KiB file limit and refuses a larger file in plain words, keeping what was typed.</summary>
public sealed class UploadCredentialSizeLimitTests : DomainComponentTest
{
    private IRenderedComponent<MudDialogProvider> _dialogs = null!;

    [Theory]
    [InlineData("Upload Certificate")]
    [InlineData("Upload Private Key")]
    public void UploadDialog_Opened_StatesTheFileSizeLimit(string button)
    {
        OpenUpload(button);

        Assert.Contains("At most 64 KiB per file.", _dialogs.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void UploadCertificate_FileOver64KiB_IsRefusedInPlainWordsAndKeepsTheNameAndPassword()
    {
        OpenUpload("Upload Certificate");
        Field("Name").Find("input").Input("Entra certificate 2026");
        Field("Password").Find("input").Input("the-password");

        _dialogs.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(new byte[CredentialUpload.MaxContentBytes + 1], "bundle.pfx"));

        var error = _dialogs.WaitForElement("[data-testid=upload-error]").TextContent;
        Assert.Contains("'bundle.pfx' is 65,537 bytes; certificate and key files are at most 64 KiB (65,536 bytes).", error, StringComparison.Ordinal);
        Assert.Equal("Entra certificate 2026", Field("Name").Find("input").GetAttribute("value"));
        Assert.Equal("the-password", Field("Password").Find("input").GetAttribute("value"));
        Assert.True(_dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Save").HasAttribute("disabled"));
    }

    private void OpenUpload(string button)
    {
        _dialogs = Context.Render<MudDialogProvider>();
        var page = Render<CredentialsPage>();
        page.WaitForAssertion(() => Assert.DoesNotContain("Loading", page.Markup));
        // Not awaited: the handler waits for the dialog to close.
        page.FindAll("button").Single(b => b.TextContent.Trim() == button).Click();
        _dialogs.WaitForElement("[data-testid=chosen-file]");
    }

    private IRenderedComponent<MudTextField<string>> Field(string label) =>
        _dialogs.FindComponents<MudTextField<string>>().Single(field => field.Instance.Label == label);
}
