using Bunit;
using FlexMail.Portal.Components.Shared;
using FlexMail.Tests.Support;

namespace FlexMail.Tests.Components.Shared;

public sealed class CopyableValueTests : ComponentTest
{
    [Fact]
    public void Rendered_FieldAndCopyButtonWrapSoAPhoneDoesNotSqueezeTheValue()
    {
        var copyable = Render<CopyableValue>(p => p
            .Add(x => x.Label, "Redirect URI")
            .Add(x => x.Value, "https://flexmail.contoso.com/flexdeploy/rest/v2/oauth"));

        var row = copyable.Find("[data-testid=copyable-value]");
        Assert.Contains("flex-wrap", row.ClassList);
        Assert.Contains("min-width", copyable.Find("[data-testid=copyable-value-field]").GetAttribute("style"));
        var button = copyable.FindAll("button").Single(b => b.TextContent.Trim() == "Copy Redirect URI");
        Assert.Contains("flex-shrink-0", button.ClassList);
        Assert.Equal("https://flexmail.contoso.com/flexdeploy/rest/v2/oauth", copyable.Find("input").GetAttribute("value"));
    }
}
