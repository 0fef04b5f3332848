using FlexMail.Domain.Approvals;
using FlexMail.Domain.Validation;

namespace FlexMail.Tests.Domain.Approvals;

/// <summary>The checks of a new approval request: every problem at once, each naming its field.</summary>
public sealed class ApprovalRequestValidatorTests
{
    private static readonly DateTimeOffset Now = ApprovalTestDomain.Start;

    private static ValidationReport Validate(ApprovalRequestDraft draft) => ApprovalRequestValidator.Validate(draft, Now);

    private static ApprovalRequestDraft Valid => ApprovalTestDomain.Draft();

    [Fact]
    public void Validate_ValidDraft_HasNoIssues()
    {
        Assert.Empty(Validate(Valid).Issues);
    }

    [Fact]
    public void Validate_EverythingWrong_ReportsEveryFieldAtOnce()
    {
        var report = Validate(new ApprovalRequestDraft
        {
            Title = " ",
            Approvers = ["not-an-address"],
            ExpiresAt = Now.AddMinutes(1),
            CallbackUrl = "ftp://example.test/hook",
            ExternalId = " ",
            Metadata = [new("", "x")],
            RequesterEmail = "nobody",
            RequestedBy = new string('r', 201),
        });

        Assert.Equal(
            ["title", "approvers[0]", "expiresAt", "callbackUrl", "externalId", "metadata[0]", "requesterEmail", "requestedBy"],
            report.Issues.Select(issue => issue.Field));
        Assert.All(report.Issues, issue => Assert.Equal(IssueSeverity.Error, issue.Severity));
    }

    [Theory]
    [InlineData(null, "Enter a title")]
    [InlineData("   ", "Enter a title")]
    [InlineData("Line one\nline two", "one line without control characters")]
    public void Validate_BadTitle_NamesTheTitle(string? title, string expected)
    {
        var report = Validate(Valid with { Title = title });

        Assert.Contains(expected, report.ErrorFor(ApprovalFields.Title));
    }

    [Fact]
    public void Validate_TitleTooLong_SaysTheLengthAndTheLimit()
    {
        var report = Validate(Valid with { Title = new string('t', ApprovalLimits.TitleLength + 1) });

        Assert.Equal("The title is 201 characters long: keep it to 200.", report.ErrorFor(ApprovalFields.Title));
    }

    [Fact]
    public void Validate_DetailsTooLong_NamesTheDetails()
    {
        var report = Validate(Valid with { Details = new string('d', ApprovalLimits.DetailsLength + 1) });

        Assert.Equal("The details are 20,001 characters long: keep them to 20,000.", report.ErrorFor(ApprovalFields.Details));
    }

    [Fact]
    public void Validate_NoApprovers_AsksForOne()
    {
        var report = Validate(Valid with { Approvers = [] });

        Assert.Equal("Add at least one approver's email address.", report.ErrorFor(ApprovalFields.Approvers));
    }

    [Fact]
    public void Validate_InvalidApprover_NamesItsIndex()
    {
        var report = Validate(Valid with { Approvers = ["adele.vance@contoso.test", "alex wilber"] });

        Assert.Equal("'alex wilber' is not an email address: use the form name@example.com.", report.ErrorFor("approvers[1]"));
        Assert.False(report.HasError("approvers[0]"));
    }

    [Fact]
    public void Validate_NullApproverUnderQuorum_IsReportedNotThrown()
    {
        var report = Validate(Valid with { Approvers = [null!, "adele.vance@contoso.test"], Policy = ApprovalPolicy.Quorum });

        Assert.True(report.HasError("approvers[0]"));
    }

    [Fact]
    public void Validate_TooManyApprovers_SaysTheLimit()
    {
        var report = Validate(Valid with { Approvers = [.. Enumerable.Range(0, 51).Select(i => $"user{i}@contoso.test")] });

        Assert.Equal("51 approvers were given: at most 50 are allowed.", report.ErrorFor(ApprovalFields.Approvers));
    }

    [Fact]
    public void DistinctApprovers_SameAddressInOtherCase_FoldedKeepingTheFirstSpelling()
    {
        var approvers = ApprovalRequestValidator.DistinctApprovers(["Adele.Vance@Contoso.test", " adele.vance@contoso.test ", "alex.wilber@contoso.test"]);

        Assert.Equal(["Adele.Vance@Contoso.test", "alex.wilber@contoso.test"], approvers);
    }

    [Fact]
    public void Validate_FiftyApproversTwiceInOtherCase_CountsThemOnce()
    {
        var addresses = Enumerable.Range(0, 50).Select(i => $"user{i}@contoso.test").ToList();

        var report = Validate(Valid with { Approvers = [.. addresses, .. addresses.Select(a => a.ToUpperInvariant())] });

        Assert.Empty(report.Issues);
    }

    [Theory]
    [InlineData(0, "0 approvals cannot be reached with 2 approvers: choose 1 to 2.")]
    [InlineData(3, "3 approvals cannot be reached with 2 approvers: choose 1 to 2.")]
    public void Validate_QuorumOutOfBounds_NamesRequiredApprovals(int required, string expected)
    {
        var report = Validate(Valid with { Policy = ApprovalPolicy.Quorum, RequiredApprovals = required });

        Assert.Equal(expected, report.ErrorFor(ApprovalFields.RequiredApprovals));
    }

    [Fact]
    public void Validate_QuorumCountsDistinctApprovers_DuplicatesDoNotRaiseTheBound()
    {
        var report = Validate(Valid with
        {
            Policy = ApprovalPolicy.Quorum, RequiredApprovals = 2, Approvers = ["adele.vance@contoso.test", "ADELE.VANCE@contoso.test"],
        });

        Assert.Equal("2 approvals cannot be reached with 1 approver: choose 1 to 1.", report.ErrorFor(ApprovalFields.RequiredApprovals));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Validate_QuorumWithinBounds_IsValid(int required)
    {
        Assert.Empty(Validate(Valid with { Policy = ApprovalPolicy.Quorum, RequiredApprovals = required }).Issues);
    }

    [Fact]
    public void RequiredApprovalsOf_QuorumWithoutNumber_IsEveryApprover_AnyApproverIsOne()
    {
        Assert.Equal(2, ApprovalRequestValidator.RequiredApprovalsOf(Valid with { Policy = ApprovalPolicy.Quorum }));
        Assert.Equal(1, ApprovalRequestValidator.RequiredApprovalsOf(Valid with { RequiredApprovals = 2 }));
    }

    [Fact]
    public void Validate_UnknownPolicy_NamesThePolicy()
    {
        var report = Validate(Valid with { Policy = (ApprovalPolicy)7 });

        Assert.Equal("The policy must be anyApprover or quorum.", report.ErrorFor(ApprovalFields.Policy));
    }

    [Theory]
    [InlineData("https://ci.example.test/hooks/approval", null)]
    [InlineData("http://localhost:5000/hook", null)]
    [InlineData("http://127.0.0.1:5000/hook", null)]
    [InlineData("http://ci.example.test/hook", "The callback URL must use https (http is allowed only for localhost, when testing).")]
    [InlineData("ftp://ci.example.test/hook", "'ftp://ci.example.test/hook' is not a web address: use https://host/path.")]
    [InlineData("https://user:secret@ci.example.test/hook", "'https://user:secret@ci.example.test/hook' is not a web address: use https://host/path.")]
    [InlineData("/relative/hook", "'/relative/hook' is not a web address: use https://host/path.")]
    public void Validate_CallbackUrl_HttpsOrLocalHttpOnly(string url, string? expected)
    {
        var report = Validate(Valid with { CallbackUrl = url });

        Assert.Equal(expected, report.ErrorFor(ApprovalFields.CallbackUrl));
    }

    [Theory]
    [InlineData(4, "The expiry must be at least 5 minutes from now, so that approvers can answer.")]
    [InlineData(5, null)]
    [InlineData(90 * 24 * 60, null)]
    [InlineData(90 * 24 * 60 + 1, "The expiry can be at most 90 days from now.")]
    public void Validate_ExpiresAt_BetweenFiveMinutesAndNinetyDays(int minutesFromNow, string? expected)
    {
        var report = Validate(Valid with { ExpiresAt = Now.AddMinutes(minutesFromNow) });

        Assert.Equal(expected, report.ErrorFor(ApprovalFields.ExpiresAt));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Validate_BlankExternalId_IsRefused(string externalId)
    {
        Assert.Equal("The external id must be 1 to 200 characters, or left out.", Validate(Valid with { ExternalId = externalId }).ErrorFor(ApprovalFields.ExternalId));
    }

    [Fact]
    public void Validate_ExternalIdTooLong_IsRefused()
    {
        Assert.True(Validate(Valid with { ExternalId = new string('x', 201) }).HasError(ApprovalFields.ExternalId));
        Assert.False(Validate(Valid with { ExternalId = new string('x', 200) }).HasError(ApprovalFields.ExternalId));
    }

    [Fact]
    public void Validate_MetadataKeyTwiceInOtherCase_NamesTheSecondEntry()
    {
        var report = Validate(Valid with { Metadata = [new("environment", "production"), new("release", "4.2"), new(" Environment ", "staging")] });

        Assert.Equal("The metadata key 'Environment' is given twice: give each key once.", report.ErrorFor("metadata[2]"));
        Assert.False(report.HasError("metadata[0]"));
    }

    [Fact]
    public void Validate_MetadataBounds_NameTheEntry()
    {
        var report = Validate(Valid with { Metadata = [new(new string('k', 101), "v"), new("release", new string('v', 1001))] });

        Assert.Equal("Each metadata key must be 1 to 100 characters.", report.ErrorFor("metadata[0]"));
        Assert.Equal("The value of 'release' is longer than 1000 characters.", report.ErrorFor("metadata[1]"));
    }

    [Fact]
    public void Validate_TooManyMetadataEntries_SaysTheLimit()
    {
        var report = Validate(Valid with { Metadata = [.. Enumerable.Range(0, 51).Select(i => new MetadataEntry($"k{i}", "v"))] });

        Assert.Equal("51 metadata entries were given: at most 50 are allowed.", report.ErrorFor(ApprovalFields.Metadata));
    }

    [Fact]
    public void Validate_RequesterEmail_MustBeAnAddressWhenGiven()
    {
        Assert.Equal("'release team' is not an email address: use the form name@example.com, or leave it empty.",
            Validate(Valid with { RequesterEmail = "release team" }).ErrorFor(ApprovalFields.RequesterEmail));
        Assert.Empty(Validate(Valid with { RequesterEmail = "release@contoso.test" }).Issues);
        Assert.Empty(Validate(Valid with { RequesterEmail = "" }).Issues);
    }
}
