using FlexMail.Portal.Sandbox.Apps;

namespace FlexMail.Tests.Sandbox.Apps;

public sealed class SandboxServicePrincipalTests
{
    [Fact]
    public void ObjectId_SameClientId_IsStableAndDiffersFromTheClientId()
    {
        var clientId = Guid.NewGuid();

        var first = SandboxServicePrincipal.ObjectId(clientId);

        Assert.Equal(first, SandboxServicePrincipal.ObjectId(clientId));
        Assert.NotEqual(clientId, first);
        Assert.NotEqual(first, SandboxServicePrincipal.ObjectId(Guid.NewGuid()));
        Assert.Equal('5', first.ToString()[14]);
    }
}
