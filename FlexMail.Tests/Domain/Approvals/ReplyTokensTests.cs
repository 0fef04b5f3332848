using System.Text.RegularExpressions;
using FlexMail.Domain.Approvals;

namespace FlexMail.Tests.Domain.Approvals;

/// <summary>Reply tokens: their shape, their randomness, their hash, and the forgiving way replies are read.</summary>
public sealed partial class ReplyTokensTests
{
    private const string Installation = "7KQ2";

    [Fact]
    public void Create_Token_IsFmInstallationAndSixteenCrockfordCharacters()
    {
        var token = ReplyTokens.Create(Installation);

        Assert.Equal(Installation, token.InstallationCode);
        Assert.Equal(16, token.Secret.Length);
        Assert.Matches(TokenShape(), token.ToString());
        Assert.Equal(3 + 4 + 1 + 16, token.ToString().Length);
    }

    [Fact]
    public void Alphabet_Is32CrockfordSymbols_SoASecretCarriesAtLeast80Bits()
    {
        Assert.Equal(32, ReplyTokens.Alphabet.Distinct().Count());
        Assert.DoesNotContain(ReplyTokens.Alphabet, c => c is 'I' or 'L' or 'O' or 'U');
        Assert.True(ReplyTokens.SecretLength * Math.Log2(ReplyTokens.Alphabet.Length) >= 80);
    }

    [Fact]
    public void Create_ManyTokens_AllDifferentAndEverySymbolUsed()
    {
        var secrets = Enumerable.Range(0, 10_000).Select(_ => ReplyTokens.Create(Installation).Secret).ToList();

        Assert.Equal(secrets.Count, secrets.Distinct(StringComparer.Ordinal).Count());
        Assert.All(secrets, secret => Assert.All(secret, c => Assert.Contains(c, ReplyTokens.Alphabet)));
        Assert.Equal(ReplyTokens.Alphabet.Order(), secrets.SelectMany(s => s).Distinct().Order());
    }

    [Fact]
    public void CreateInstallationCode_IsFourAlphabetCharacters()
    {
        var code = ReplyTokens.CreateInstallationCode();

        Assert.Equal(4, code.Length);
        Assert.All(code, c => Assert.Contains(c, ReplyTokens.Alphabet));
    }

    [Fact]
    public void Hash_Is64LowerHexAndNotTheToken_SameForTheSameToken()
    {
        var token = ReplyTokens.Create(Installation);

        var hash = ReplyTokens.Hash(token);

        Assert.Matches("^[0-9a-f]{64}$", hash);
        Assert.DoesNotContain(token.Secret, hash, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(hash, ReplyTokens.Hash(new ReplyToken(token.InstallationCode, token.Secret)));
        Assert.NotEqual(hash, ReplyTokens.Hash(ReplyTokens.Create(Installation)));
    }

    [Fact]
    public void FindAll_TokenInASubject_FoundAsCreated()
    {
        var token = ReplyTokens.Create(Installation);

        var found = ReplyTokens.FindAll($"RE: [FlexMail] Approval required: Deploy [{token}]");

        Assert.Equal([token], found);
    }

    [Fact]
    public void FindAll_LowerCaseAndLookalikes_ReadAsTheTokenWithTheSameHash()
    {
        var token = new ReplyToken("7KQ1", "3M9X4T8RZP1V6W0H");

        var found = ReplyTokens.FindAll("fm-7kql-3m9x4t8rzpIv6woh");

        Assert.Equal([token], found);
        Assert.Equal(ReplyTokens.Hash(token), ReplyTokens.Hash(found[0]));
    }

    [Fact]
    public void FindAll_OtherInstallationsToken_FoundWithItsCode()
    {
        var ours = ReplyTokens.Create(Installation);
        var theirs = ReplyTokens.Create("ZZ99");

        var found = ReplyTokens.FindAll($"Reference: {theirs}\r\n> Reference: {ours}\r\n> > Reference: {theirs}");

        Assert.Equal([theirs, ours], found);
        Assert.Equal("ZZ99", found[0].InstallationCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("No token here")]
    [InlineData("FM-7KQ2-3M9X4T8RZP1V6WQ")]
    [InlineData("FM-7KQ2-3M9X4T8RZP1V6WQHX")]
    [InlineData("FM-7KQ2-3M9X4T8RZP1V6WQU")]
    [InlineData("XFM-7KQ2-3M9X4T8RZP1V6WQH")]
    public void FindAll_NoWholeToken_FindsNothing(string? text)
    {
        Assert.Empty(ReplyTokens.FindAll(text));
    }

    [GeneratedRegex("^FM-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{16}$")]
    private static partial Regex TokenShape();
}
