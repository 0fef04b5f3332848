using FlexMail.Portal.Sandbox;
using FlexMail.Tests.Support;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;

namespace FlexMail.Tests.Integration.Sandbox.Graph;

public sealed class GraphMailFolderTests(KestrelPortal portal) : IClassFixture<KestrelPortal>
{
    private readonly SandboxGraph _graph = new(portal);

    [Fact]
    public async Task MailFolders_OfTheServiceUser_ListsTheWellKnownFoldersWithCounts()
    {
        var client = await _graph.ServiceUserAsync();

        var folders = await client.Me.MailFolders.GetAsync();

        var names = folders!.Value!.Select(f => f.DisplayName).ToList();
        Assert.Equal(["Inbox", "Drafts", "Sent Items", "Deleted Items", "Junk Email", "Archive"], names);
        var inbox = folders.Value!.Single(f => f.DisplayName == "Inbox");
        Assert.Equal(1, inbox.ChildFolderCount);
        Assert.True(inbox.TotalItemCount >= 1);
        Assert.False(inbox.IsHidden);
    }

    [Fact]
    public async Task MailFolders_WithTopTwo_PagesWithNextLink()
    {
        var client = await _graph.ServiceUserAsync();

        var first = await client.Me.MailFolders.GetAsync(request => request.QueryParameters.Top = 2);
        var second = await client.Me.MailFolders.WithUrl(first!.OdataNextLink!).GetAsync();

        Assert.Equal(["Inbox", "Drafts"], first.Value!.Select(f => f.DisplayName));
        Assert.Equal(["Sent Items", "Deleted Items"], second!.Value!.Select(f => f.DisplayName));
        Assert.NotNull(second.OdataNextLink);
    }

    [Fact]
    public async Task MailFolder_ByWellKnownName_IsTheInbox()
    {
        var client = await _graph.ServiceUserAsync();

        var byName = await client.Users["approvals@contoso.test"].MailFolders["inbox"].GetAsync();
        var byId = await client.Users["approvals@contoso.test"].MailFolders[byName!.Id].GetAsync();

        Assert.Equal("Inbox", byName.DisplayName);
        Assert.Equal(byName.Id, byId!.Id);
        Assert.Equal(2, byName.ChildFolderCount);
        Assert.False(string.IsNullOrEmpty(byName.ParentFolderId));
    }

    [Fact]
    public async Task ChildFolders_OfTheSharedInbox_AreTheSeededFolders()
    {
        var client = await _graph.ServiceUserAsync();

        var children = await client.Users["approvals@contoso.test"].MailFolders["inbox"].ChildFolders.GetAsync();
        var inbox = await client.Users["approvals@contoso.test"].MailFolders["inbox"].GetAsync();

        Assert.Equal(["FlexMail Replies", "Processed"], children!.Value!.Select(f => f.DisplayName).Order());
        Assert.All(children.Value!, child => Assert.Equal(inbox!.Id, child.ParentFolderId));
    }

    [Fact]
    public async Task ChildFolder_Created_IsListedAndADuplicateIsErrorFolderExists()
    {
        var client = await _graph.ServiceUserAsync();
        var name = $"Archive {Guid.NewGuid():N}"[..20];

        var created = await client.Me.MailFolders["inbox"].ChildFolders.PostAsync(new MailFolder { DisplayName = name });
        var children = await client.Me.MailFolders["inbox"].ChildFolders.GetAsync();
        var error = await Assert.ThrowsAsync<ODataError>(() =>
            client.Me.MailFolders["inbox"].ChildFolders.PostAsync(new MailFolder { DisplayName = name }));

        Assert.Equal(name, created!.DisplayName);
        Assert.Contains(children!.Value!, f => f.Id == created.Id);
        Assert.Equal(409, error.ResponseStatusCode);
        Assert.Equal("ErrorFolderExists", error.Error!.Code);
    }

    [Fact]
    public async Task MailFolder_CreatedAtTopLevel_SharesTheInboxsParent()
    {
        var client = await _graph.ApplicationAsync("Mail.ReadWrite");
        var diego = client.Users["diego.siciliani@contoso.test"];
        var name = $"Top {Guid.NewGuid():N}"[..16];

        var created = await diego.MailFolders.PostAsync(new MailFolder { DisplayName = name });
        var inbox = await diego.MailFolders["inbox"].GetAsync();
        var all = await diego.MailFolders.GetAsync(r => r.QueryParameters.Top = 50);

        Assert.Equal(inbox!.ParentFolderId, created!.ParentFolderId);
        Assert.Equal(0, created.TotalItemCount);
        Assert.Contains(all!.Value!, f => f.Id == created.Id);
    }

    [Fact]
    public async Task MailFolder_Unknown_IsErrorItemNotFound()
    {
        var client = await _graph.ServiceUserAsync();

        var error = await Assert.ThrowsAsync<ODataError>(() => client.Me.MailFolders["AQMkADnotthere"].GetAsync());

        Assert.Equal(404, error.ResponseStatusCode);
        Assert.Equal("ErrorItemNotFound", error.Error!.Code);
        Assert.Equal("The specified object was not found in the store.", error.Error.Message);
    }

    [Fact]
    public async Task MailFolders_OfAUserWithoutMailbox_IsMailboxNotEnabledForRestApi()
    {
        var client = await _graph.ApplicationAsync("Mail.Read");

        var error = await Assert.ThrowsAsync<ODataError>(() => client.Users["lee.gu@contoso.test"].MailFolders.GetAsync());

        Assert.Equal(404, error.ResponseStatusCode);
        Assert.Equal("MailboxNotEnabledForRESTAPI", error.Error!.Code);
        Assert.Equal("The mailbox is either inactive, soft-deleted, or is hosted on-premise.", error.Error.Message);
    }

    [Fact]
    public async Task MailFolders_OfTheSharedMailbox_WithoutSharedScope_IsErrorAccessDenied()
    {
        var client = await _graph.DelegatedAsync(SandboxSeed.ServiceUser, "User.Read", "Mail.ReadWrite", "Mail.Send");

        var error = await Assert.ThrowsAsync<ODataError>(() => client.Users["approvals@contoso.test"].MailFolders["inbox"].Messages.GetAsync());

        Assert.Equal(403, error.ResponseStatusCode);
        Assert.Equal("ErrorAccessDenied", error.Error!.Code);
        Assert.Equal("Access is denied. Check credentials and try again.", error.Error.Message);
    }

    [Fact]
    public async Task MailFolders_OfAnotherPersonsMailbox_WithSharedScopeButNoFullAccess_IsErrorAccessDenied()
    {
        var client = await _graph.ServiceUserAsync();

        var error = await Assert.ThrowsAsync<ODataError>(() => client.Users["adele.vance@contoso.test"].MailFolders.GetAsync());

        Assert.Equal("ErrorAccessDenied", error.Error!.Code);
    }
}
