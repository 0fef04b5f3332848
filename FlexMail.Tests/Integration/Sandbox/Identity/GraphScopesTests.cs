using FlexMail.Portal.Sandbox.Identity;

namespace FlexMail.Tests.Integration.Sandbox.Identity;

public sealed class GraphScopesTests
{
    [Fact]
    public void Parse_MixedScopes_SplitsOpenIdFromGraphPermissionsInShortForm()
    {
        var scopes = GraphScopes.Parse("openid profile offline_access https://graph.microsoft.com/Mail.Send User.Read mail.send");

        Assert.Equal(["openid", "profile", "offline_access"], scopes.OpenId);
        Assert.Equal(["Mail.Send", "User.Read"], scopes.Graph);
        Assert.False(scopes.IsDefault);
        Assert.Null(scopes.UnknownResource);
    }

    [Fact]
    public void Parse_DefaultScopeAndOtherResource_AreRecognised()
    {
        var scopes = GraphScopes.Parse("https://graph.microsoft.com/.default api://other/Read");

        Assert.True(scopes.IsDefault);
        Assert.Empty(scopes.Graph);
        Assert.Equal("api://other/Read", scopes.UnknownResource);
    }

    [Fact]
    public void DelegatedPermissions_WithDefault_AreTheConfiguredOnes()
    {
        var wanted = GraphScopes.DelegatedPermissions(GraphScopes.Parse(".default"), ["User.Read", "Mail.Send"]);

        Assert.Equal(["User.Read", "Mail.Send"], wanted);
        Assert.Equal(["Mail.Send"], GraphScopes.Missing(wanted, ["user.read"]));
    }
}
