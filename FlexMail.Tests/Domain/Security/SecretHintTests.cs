using FlexMail.Domain.Security;

namespace FlexMail.Tests.Domain.Security;

public sealed class SecretHintTests
{
    [Fact]
    public void For_LongSecret_ShowsOnlyTheLastFourCharacters()
    {
        Assert.Equal("••••Zx9Q", SecretHint.For("abcdefghijklmnopZx9Q"));
    }

    [Theory]
    [InlineData("short")]
    [InlineData("elevenchars")]
    public void For_ShortSecret_ShowsNothingOfIt(string secret)
    {
        var hint = SecretHint.For(secret);

        Assert.Equal("••••", hint);
    }
}
