using FlexMail.Portal.Sandbox;
using FlexMail.Portal.Sandbox.Mail;
using FlexMail.Tests.Support;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Graph.Users.Item.Messages.Item.Move;

namespace FlexMail.Tests.Integration.Sandbox.Graph;

public sealed class GraphMessageTests(KestrelPortal portal) : IClassFixture<KestrelPortal>
{
    private const string Alex = "alex.wilber@contoso.test";
    private readonly SandboxGraph _graph = new(portal);

    [Fact]
    public async Task Messages_MoreThanOnePage_PageIteratorFollowsNextLinksOverAll()
    {
        for (var i = 0; i < 23; i++)
        {
            await _graph.DeliverAsync(SandboxSeed.MeganBowen, $"Paging {i:00}");
        }
        var client = await _graph.ApplicationAsync("Mail.Read");
        var first = await client.Users["megan.bowen@contoso.test"].MailFolders["inbox"].Messages.GetAsync(request =>
        {
            request.QueryParameters.Top = 10;
            request.QueryParameters.Select = ["subject", "receivedDateTime"];
        });
        var seen = new List<Message>();

        var iterator = PageIterator<Message, MessageCollectionResponse>.CreatePageIterator(client, first!, message =>
        {
            seen.Add(message);
            return true;
        });
        await iterator.IterateAsync();

        Assert.Equal(10, first!.Value!.Count);
        Assert.Equal(24, seen.Count); // 23 plus the welcome mail
        Assert.Equal(24, seen.Select(m => m.Id).Distinct().Count());
        Assert.Equal(23, seen.Count(m => m.Subject!.StartsWith("Paging ", StringComparison.Ordinal)));
        Assert.True(seen.Zip(seen.Skip(1)).All(pair => pair.First.ReceivedDateTime >= pair.Second.ReceivedDateTime));
    }

    [Fact]
    public async Task Messages_FilteredByIsReadAndFromAddress_ReturnOnlyTheMatchingMessage()
    {
        var sender = new SandboxAddress("Contoso Builds", $"builds-{Guid.NewGuid():N}@fabrikam.test");
        await _graph.DeliverAsync(SandboxSeed.AlexWilber, "Build 1 passed", sender);
        await _graph.DeliverAsync(SandboxSeed.AlexWilber, "Build 2 failed", sender);
        var client = await _graph.ApplicationAsync("Mail.ReadWrite");
        var inbox = client.Users[Alex].MailFolders["inbox"].Messages;
        var fromSender = await inbox.GetAsync(r => r.QueryParameters.Filter = $"from/emailAddress/address eq '{sender.Address}'");
        await client.Users[Alex].Messages[fromSender!.Value!.Single(m => m.Subject == "Build 1 passed").Id].PatchAsync(new Message { IsRead = true });

        var unread = await inbox.GetAsync(r =>
        {
            r.QueryParameters.Filter = $"isRead eq false and from/emailAddress/address eq '{sender.Address}'";
            r.QueryParameters.Count = true;
        });

        Assert.Equal(2, fromSender.Value!.Count);
        Assert.Equal("Build 2 failed", Assert.Single(unread!.Value!).Subject);
        Assert.Equal(1, unread.OdataCount);
    }

    [Fact]
    public async Task Messages_FilteredByReceivedDateTime_CompareWithTheDeliveryTime()
    {
        await _graph.DeliverAsync(SandboxSeed.AlexWilber, "Dated");
        var client = await _graph.ApplicationAsync("Mail.Read");

        var recent = await client.Users[Alex].Messages.GetAsync(r => r.QueryParameters.Filter = "receivedDateTime ge 2020-01-01T00:00:00Z and subject eq 'Dated'");
        var old = await client.Users[Alex].Messages.GetAsync(r => r.QueryParameters.Filter = "receivedDateTime lt 2020-01-01T00:00:00Z");

        Assert.Single(recent!.Value!);
        Assert.Empty(old!.Value!);
    }

    [Fact]
    public async Task Message_WithInternetMessageHeadersSelected_CarriesItsMessageId()
    {
        var delivery = await _graph.DeliverAsync(SandboxSeed.AlexWilber, "Headers please");
        var client = await _graph.ApplicationAsync("Mail.Read");
        var listed = await client.Users[Alex].Messages.GetAsync(r => r.QueryParameters.Filter = $"internetMessageId eq '{delivery.InternetMessageId}'");

        var message = await client.Users[Alex].Messages[Assert.Single(listed!.Value!).Id].GetAsync(r =>
            r.QueryParameters.Select = ["subject", "internetMessageId", "internetMessageHeaders"]);
        var plain = await client.Users[Alex].Messages[message!.Id].GetAsync();

        Assert.Equal(delivery.InternetMessageId, message.InternetMessageId);
        Assert.Equal(delivery.InternetMessageId, message.InternetMessageHeaders!.Single(h => h.Name == "Message-ID").Value);
        Assert.Null(message.Body);
        Assert.Null(plain!.InternetMessageHeaders);
        Assert.Equal("Headers please", plain.Subject);
    }

    [Fact]
    public async Task Message_PatchedIsRead_IsReadAfterwards()
    {
        var delivery = await _graph.DeliverAsync(SandboxSeed.AlexWilber, "Mark me");
        var client = await _graph.ApplicationAsync("Mail.ReadWrite");
        var id = await IdAsync(client, delivery);

        var patched = await client.Users[Alex].Messages[id].PatchAsync(new Message { IsRead = true });
        var read = await client.Users[Alex].Messages[id].GetAsync();

        Assert.True(patched!.IsRead);
        Assert.True(read!.IsRead);
    }

    [Fact]
    public async Task Message_Moved_GetsANewIdInTheDestination()
    {
        var delivery = await _graph.DeliverAsync(SandboxSeed.AlexWilber, "Move me");
        var client = await _graph.ApplicationAsync("Mail.ReadWrite");
        var id = await IdAsync(client, delivery);
        var archive = await client.Users[Alex].MailFolders["archive"].GetAsync();

        var moved = await client.Users[Alex].Messages[id].Move.PostAsync(new MovePostRequestBody { DestinationId = "archive" });
        var error = await Assert.ThrowsAsync<ODataError>(() => client.Users[Alex].Messages[id].GetAsync());

        Assert.NotEqual(id, moved!.Id);
        Assert.Equal(archive!.Id, moved.ParentFolderId);
        Assert.Equal("ErrorItemNotFound", error.Error!.Code);
    }

    [Fact]
    public async Task Message_MovedWithImmutableIds_KeepsItsId()
    {
        var delivery = await _graph.DeliverAsync(SandboxSeed.AlexWilber, "Move me, keep my id");
        var client = await _graph.ApplicationAsync("Mail.ReadWrite");
        const string prefer = "IdType=\"ImmutableId\"";
        var listed = await client.Users[Alex].Messages.GetAsync(r =>
        {
            r.QueryParameters.Filter = $"internetMessageId eq '{delivery.InternetMessageId}'";
            r.Headers.Add("Prefer", prefer);
        });
        var immutableId = Assert.Single(listed!.Value!).Id;

        var moved = await client.Users[Alex].Messages[immutableId].Move.PostAsync(new MovePostRequestBody { DestinationId = "archive" },
            r => r.Headers.Add("Prefer", prefer));
        var restId = (await client.Users[Alex].Messages[immutableId].GetAsync())!.Id;

        Assert.Equal(immutableId, moved!.Id);
        Assert.NotEqual(immutableId, restId);
    }

    [Fact]
    public async Task Message_WithImmutableIdPreference_AnswersPreferenceApplied()
    {
        var token = await _graph.ApplicationTokenAsync("Mail.Read");
        using var http = _graph.Http(token);
        using var request = new HttpRequestMessage(HttpMethod.Get, _graph.Url($"users/{Alex}/messages?$top=1"));
        request.Headers.TryAddWithoutValidation("Prefer", "IdType=\"ImmutableId\"");

        using var response = await http.SendAsync(request);

        response.EnsureSuccessStatusCode();
        Assert.Equal("IdType=\"ImmutableId\"", response.Headers.GetValues("Preference-Applied").Single());
    }

    [Fact]
    public async Task Message_Deleted_MovesToDeletedItemsAndFromThereIsGone()
    {
        var delivery = await _graph.DeliverAsync(SandboxSeed.AlexWilber, "Delete me");
        var client = await _graph.ApplicationAsync("Mail.ReadWrite");

        await client.Users[Alex].Messages[await IdAsync(client, delivery)].DeleteAsync();
        var deleted = await client.Users[Alex].MailFolders["deleteditems"].Messages.GetAsync(r =>
            r.QueryParameters.Filter = $"internetMessageId eq '{delivery.InternetMessageId}'");
        await client.Users[Alex].Messages[Assert.Single(deleted!.Value!).Id].DeleteAsync();
        var after = await client.Users[Alex].Messages.GetAsync(r => r.QueryParameters.Filter = $"internetMessageId eq '{delivery.InternetMessageId}'");

        Assert.Empty(after!.Value!);
    }

    [Fact]
    public async Task Message_Unknown_IsErrorItemNotFound()
    {
        var client = await _graph.ApplicationAsync("Mail.Read");

        var error = await Assert.ThrowsAsync<ODataError>(() => client.Users[Alex].Messages["AAMkADnothere"].GetAsync());

        Assert.Equal(404, error.ResponseStatusCode);
        Assert.Equal("ErrorItemNotFound", error.Error!.Code);
    }

    [Fact]
    public async Task Messages_OfAnUnknownUser_IsErrorInvalidUser()
    {
        var client = await _graph.ApplicationAsync("Mail.Read");

        var error = await Assert.ThrowsAsync<ODataError>(() => client.Users["nobody@contoso.test"].Messages.GetAsync());

        Assert.Equal(404, error.ResponseStatusCode);
        Assert.Equal("ErrorInvalidUser", error.Error!.Code);
    }

    [Fact]
    public async Task Messages_OrderedByReceivedDateTimeAscending_StartWithTheOldest()
    {
        await _graph.DeliverAsync(SandboxSeed.AlexWilber, "Newer than the welcome mail");
        var client = await _graph.ApplicationAsync("Mail.Read");

        var messages = await client.Users[Alex].MailFolders["inbox"].Messages.GetAsync(r =>
        {
            r.QueryParameters.Orderby = ["receivedDateTime asc"];
            r.QueryParameters.Top = 1;
        });

        Assert.Equal("Welcome to the Contoso sandbox tenant", Assert.Single(messages!.Value!).Subject);
        Assert.NotNull(messages.OdataNextLink);
    }

    [Fact]
    public async Task Message_PatchWithReadOnlyToken_IsErrorAccessDenied()
    {
        var delivery = await _graph.DeliverAsync(SandboxSeed.AlexWilber, "Read only");
        var reader = await _graph.ApplicationAsync("Mail.Read");
        var id = await IdAsync(reader, delivery);

        var error = await Assert.ThrowsAsync<ODataError>(() => reader.Users[Alex].Messages[id].PatchAsync(new Message { IsRead = true }));

        Assert.Equal(403, error.ResponseStatusCode);
        Assert.Equal("ErrorAccessDenied", error.Error!.Code);
    }

    [Fact]
    public async Task Messages_TopAboveOneThousand_IsBadRequest()
    {
        var client = await _graph.ApplicationAsync("Mail.Read");

        var error = await Assert.ThrowsAsync<ODataError>(() => client.Users[Alex].Messages.GetAsync(r => r.QueryParameters.Top = 1001));

        Assert.Equal(400, error.ResponseStatusCode);
    }

    private static async Task<string> IdAsync(GraphServiceClient client, SandboxDelivery delivery)
    {
        var listed = await client.Users[Alex].Messages.GetAsync(r => r.QueryParameters.Filter = $"internetMessageId eq '{delivery.InternetMessageId}'");
        return Assert.Single(listed!.Value!).Id!;
    }
}
