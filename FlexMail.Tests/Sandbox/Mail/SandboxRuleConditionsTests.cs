using FlexMail.Portal.Sandbox.Mail;

namespace FlexMail.Tests.Sandbox.Mail;

public sealed class SandboxRuleConditionsTests
{
    [Theory]
    [InlineData("RE: [FlexMail] Release", true)]
    [InlineData("RE: fm-7KQ2-ABCDEF", true)]
    [InlineData("Lunch", false)]
    public void Matches_SubjectContains_AnyValueCaseInsensitive(string subject, bool expected)
    {
        var conditions = new SandboxRuleConditions { SubjectContains = ["[FlexMail]", "FM-"] };

        Assert.Equal(expected, conditions.Matches(Message(subject, "body", "adele.vance@contoso.test")));
    }

    [Fact]
    public void Matches_AllConditionKinds_MustAllHold()
    {
        var conditions = new SandboxRuleConditions
        {
            BodyOrSubjectContains = ["approve"],
            FromAddresses = ["adele.vance@contoso.test"],
            SenderContains = ["adele"],
        };

        Assert.True(conditions.Matches(Message("Hi", "I approve", "ADELE.VANCE@contoso.test")));
        Assert.False(conditions.Matches(Message("Hi", "I approve", "alex.wilber@contoso.test")));
        Assert.False(conditions.Matches(Message("Hi", "No", "adele.vance@contoso.test")));
    }

    [Fact]
    public void Matches_NoConditions_MatchesEveryMail() =>
        Assert.True(new SandboxRuleConditions().Matches(Message("Anything", "", "x@y.test")));

    private static SandboxMessage Message(string subject, string body, string from) => new()
    {
        Id = "1",
        ImmutableId = "1",
        FolderId = "inbox",
        InternetMessageId = "<1@x>",
        ConversationId = "c",
        Subject = subject,
        Body = body,
        From = new SandboxAddress(null, from),
        Sender = new SandboxAddress(null, from),
    };
}
