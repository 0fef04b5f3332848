using FlexMail.Portal.Sandbox;
using FlexMail.Portal.Sandbox.Mail;
using FlexMail.Tests.Integration.Sandbox.Mail;
using FlexMail.Tests.Support;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions.Serialization;

namespace FlexMail.Tests.Integration.Sandbox.Graph;

/// <summary>Inbox rules through Graph's <c>mailFolders/inbox/messageRules</c>, read and written with the Graph SDK, applied on delivery.</summary>
public sealed class GraphMessageRulesTests(KestrelPortal portal) : IClassFixture<KestrelPortal>
{
    private const string ServiceMailbox = "svc-flexmail@contoso.test";
    private readonly SandboxGraph _graph = new(portal);

    [Fact]
    public async Task List_OnTheApprovalsMailbox_IsTheSeededRuleAsAGraphMessageRule()
    {
        var client = await _graph.ServiceUserAsync();
        var replies = (await client.Users[SandboxAutomationKit.Approvals].MailFolders["inbox"].ChildFolders.GetAsync())!.Value!
            .Single(f => f.DisplayName == "FlexMail Replies");

        var rules = await client.Users[SandboxAutomationKit.Approvals].MailFolders["inbox"].MessageRules.GetAsync();

        var rule = Assert.Single(rules!.Value!);
        Assert.Equal("FlexMail replies", rule.DisplayName);
        Assert.True(rule.IsEnabled);
        Assert.Equal(["[FlexMail]", "FM-"], rule.Conditions!.SubjectContains!);
        Assert.Equal(replies.Id, rule.Actions!.MoveToFolder);
        Assert.True(rule.Actions.StopProcessingRules);
        Assert.Empty(Unknown(rule).Concat(Unknown(rule.Conditions)).Concat(Unknown(rule.Actions)));
    }

    [Fact]
    public async Task Create_AMoveRule_FilesMatchingMailAndUpdateAndDeleteTakeEffect()
    {
        var client = await _graph.ServiceUserAsync();
        var approvalsFolder = (await client.Me.MailFolders["inbox"].ChildFolders.GetAsync())!.Value!.Single(f => f.DisplayName == "Approvals");
        var marker = $"Ticket-{Guid.NewGuid():N}";

        var created = await client.Me.MailFolders["inbox"].MessageRules.PostAsync(new MessageRule
        {
            DisplayName = "Tickets",
            Sequence = 5,
            IsEnabled = true,
            Conditions = new MessageRulePredicates
            {
                BodyOrSubjectContains = [marker],
                FromAddresses = [new Recipient { EmailAddress = new EmailAddress { Address = "adele.vance@contoso.test" } }],
            },
            Actions = new MessageRuleActions { MoveToFolder = approvalsFolder.Id, StopProcessingRules = true },
        });

        Assert.Equal("Tickets", created!.DisplayName);
        Assert.Equal("adele.vance@contoso.test", created.Conditions!.FromAddresses!.Single().EmailAddress!.Address);
        Assert.Equal("Inbox/Approvals", await DeliverAsync($"{marker} one"));

        await client.Me.MailFolders["inbox"].MessageRules[created.Id].PatchAsync(new MessageRule { IsEnabled = false });
        Assert.Equal("Inbox", await DeliverAsync($"{marker} two"));

        await client.Me.MailFolders["inbox"].MessageRules[created.Id].DeleteAsync();
        var error = await Assert.ThrowsAsync<ODataError>(() => client.Me.MailFolders["inbox"].MessageRules[created.Id].GetAsync());
        Assert.Equal(404, error.ResponseStatusCode);
    }

    [Fact]
    public async Task Create_WithoutDisplayName_Is400()
    {
        var client = await _graph.ServiceUserAsync();

        var error = await Assert.ThrowsAsync<ODataError>(() => client.Me.MailFolders["inbox"].MessageRules.PostAsync(new MessageRule { Sequence = 1 }));

        Assert.Equal(400, error.ResponseStatusCode);
    }

    private async Task<string> DeliverAsync(string subject) =>
        (await portal.Get<SandboxRawDelivery>().DeliverAsync(SandboxAutomationKit.Reply(subject, to: ServiceMailbox), CancellationToken.None)).Copies.Single().FolderPath;

    private static IEnumerable<string> Unknown(IAdditionalDataHolder value) =>
        value.AdditionalData.Keys.Where(k => !k.StartsWith("@odata.", StringComparison.Ordinal));
}
