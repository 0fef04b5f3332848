using FlexMail.Portal.Sandbox.Apps;

namespace FlexMail.Tests.Sandbox.Apps;

public sealed class SandboxAppRoleValidatorTests
{
    private static SandboxAppRole Role(string value = "FlexMail.Admin", string displayName = "Admin", string description = "Admins",
        SandboxAppRoleMemberTypes types = SandboxAppRoleMemberTypes.Users) => new(Guid.NewGuid(), displayName, value, description, types);

    [Fact]
    public void Check_CompleteNewRole_HasNoProblem()
    {
        Assert.Null(SandboxAppRoleValidator.Check(Role(), [Role("FlexMail.Support")]));
    }

    [Theory]
    [InlineData("FlexMail Admin", "Admin", "Admins", SandboxAppRoleMemberTypes.Users, "Value")]
    [InlineData("", "Admin", "Admins", SandboxAppRoleMemberTypes.Users, "Value")]
    [InlineData("FlexMail.Admin", " ", "Admins", SandboxAppRoleMemberTypes.Users, "Display name")]
    [InlineData("FlexMail.Admin", "Admin", "", SandboxAppRoleMemberTypes.Users, "Description")]
    [InlineData("FlexMail.Admin", "Admin", "Admins", SandboxAppRoleMemberTypes.None, "Allowed member types")]
    public void Check_IncompleteRole_NamesTheField(string value, string displayName, string description, SandboxAppRoleMemberTypes types, string field)
    {
        Assert.Equal(field, SandboxAppRoleValidator.Check(Role(value, displayName, description, types), [])?.Field);
    }

    [Fact]
    public void Check_ValueAnotherRoleHasInAnyCase_IsRefused()
    {
        Assert.Equal("ValueTaken", SandboxAppRoleValidator.Check(Role("flexmail.admin"), [Role("FlexMail.Admin")])?.Code);
    }

    [Theory]
    [InlineData("api://0b1c2d3e-1001-4000-8000-000000001001", true)]
    [InlineData("https://flexmail.contoso.test/api", true)]
    [InlineData("api://flexmail/.default", false)]
    [InlineData("flexmail", false)]
    [InlineData("http://flexmail.contoso.test", false)]
    public void CheckIdentifierUri_AcceptsApiAndHttpsUrisWithoutAScope(string value, bool accepted)
    {
        Assert.Equal(accepted, SandboxAppRoleValidator.CheckIdentifierUri(value) is null);
    }
}
