using System.Text.Json;
using FlexMail.Portal.Sandbox;
using FlexMail.Tests.Support;
using Microsoft.Graph.Models;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Serialization.Json;

namespace FlexMail.Tests.Integration.Sandbox.Graph;

/// <summary>
/// Every property the sandbox's Graph sends is a real Graph v1.0 property: the SDK's generated models (the published
/// schema) leave nothing but OData annotations in <c>AdditionalData</c>, and the CSDL extract knows each property
/// with the JSON kind sent.
/// </summary>
public sealed class GraphShapeTests(KestrelPortal portal) : IClassFixture<KestrelPortal>
{
    private readonly SandboxGraph _graph = new(portal);
    private readonly GraphV1Schema _schema = GraphV1Schema.Load();

    [Fact]
    public async Task User_AsSent_IsAGraphUser()
    {
        var json = await GetAsync("me");

        var user = Parse(json, User.CreateFromDiscriminatorValue);

        Assert.Empty(Unknown(user));
        Assert.Equal(SandboxSeed.ServiceUser.Id.ToString(), user.Id);
        Assert.Equal("FlexMail Service", user.DisplayName);
        Assert.Equal("svc-flexmail@contoso.test", user.Mail);
        Assert.Equal("svc-flexmail@contoso.test", user.UserPrincipalName);
        Assert.Empty(_schema.Mismatches("user", json));
    }

    [Fact]
    public async Task MailFolders_AsSent_AreGraphMailFolders()
    {
        var json = await GetAsync("users/approvals@contoso.test/mailFolders/inbox/childFolders");

        var folders = Parse(json, MailFolderCollectionResponse.CreateFromDiscriminatorValue);

        Assert.Empty(Unknown(folders));
        Assert.NotEmpty(folders.Value!);
        foreach (var (folder, sent) in folders.Value!.Zip(json.GetProperty("value").EnumerateArray()))
        {
            Assert.Empty(Unknown(folder));
            Assert.NotNull(folder.Id);
            Assert.NotNull(folder.DisplayName);
            Assert.NotNull(folder.ParentFolderId);
            Assert.NotNull(folder.TotalItemCount);
            Assert.Empty(_schema.Mismatches("mailFolder", sent));
        }
    }

    [Fact]
    public async Task Message_AsSentWithHeaders_IsAGraphMessage()
    {
        await _graph.DeliverAsync(SandboxSeed.ApprovalsMailbox, "Shape check");
        var list = await GetAsync("users/approvals@contoso.test/mailFolders/inbox/messages?$top=1");
        var id = list.GetProperty("value")[0].GetProperty("id").GetString();
        var json = await GetAsync($"users/approvals@contoso.test/messages/{id}?$select=subject,body,from,sender,toRecipients,replyTo,receivedDateTime,conversationId,internetMessageId,internetMessageHeaders,isRead,parentFolderId,categories,flag,importance");

        var message = Parse(json, Message.CreateFromDiscriminatorValue);
        var listed = Parse(list, MessageCollectionResponse.CreateFromDiscriminatorValue);

        Assert.Empty(Unknown(listed));
        Assert.Empty(Unknown(listed.Value![0]));
        Assert.Empty(Unknown(message));
        Assert.Equal(id, message.Id);
        Assert.Equal("Shape check", message.Subject);
        Assert.Equal("orders@fabrikam.test", message.From!.EmailAddress!.Address);
        Assert.NotNull(message.ReceivedDateTime);
        Assert.NotNull(message.ConversationId);
        Assert.NotNull(message.Body!.Content);
        Assert.Equal(BodyType.Text, message.Body.ContentType);
        Assert.Contains(message.InternetMessageHeaders!, h => h.Name == "Message-ID" && h.Value == message.InternetMessageId);
        Assert.Empty(_schema.Mismatches("message", json));
        Assert.Empty(_schema.Mismatches("message", list.GetProperty("value")[0]));
    }

    [Fact]
    public async Task Draft_AsCreatedFromMime_IsAGraphMessage()
    {
        var token = await _graph.DelegatedTokenAsync(SandboxSeed.ServiceUser, SandboxGraph.ServiceScopes);
        using var raw = new MemoryStream();
        await GraphDraftTests.Mime("Shape of a draft", "adele.vance@contoso.test").WriteToAsync(raw);
        using var response = await _graph.Http(token).PostAsync(_graph.Url("me/messages"),
            new StringContent(Convert.ToBase64String(raw.ToArray()), System.Text.Encoding.ASCII, "text/plain"));
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var json = document.RootElement.Clone();

        var draft = Parse(json, Message.CreateFromDiscriminatorValue);

        Assert.Empty(Unknown(draft));
        Assert.True(draft.IsDraft);
        Assert.NotNull(draft.InternetMessageId);
        Assert.Equal(BodyType.Html, draft.Body!.ContentType);
        Assert.Empty(_schema.Mismatches("message", json));
    }

    [Theory]
    [InlineData("message")]
    [InlineData("mailFolder")]
    [InlineData("user")]
    public void SchemaExtract_Properties_AreKnownToTheSdksGeneratedModels(string entityType)
    {
        IParsable model = entityType switch { "message" => new Message(), "mailFolder" => new MailFolder(), _ => new User() };

        var known = model.GetFieldDeserializers().Keys;

        Assert.Empty(_schema.EntityProperties(entityType).Except(known));
    }

    private async Task<JsonElement> GetAsync(string relative)
    {
        var token = await _graph.DelegatedTokenAsync(SandboxSeed.ServiceUser, SandboxGraph.ServiceScopes);
        using var document = JsonDocument.Parse(await _graph.Http(token).GetStringAsync(_graph.Url(relative)));
        return document.RootElement.Clone();
    }

    private static T Parse<T>(JsonElement json, ParsableFactory<T> factory) where T : IParsable =>
        new JsonParseNode(json).GetObjectValue(factory)!;

    // What the models did not recognise, in the object and the complex values inside it; OData annotations excepted.
    private static List<string> Unknown(IParsable value)
    {
        var unknown = new List<string>();
        Collect(value, "", unknown);
        return unknown;
    }

    private static void Collect(object? value, string path, List<string> unknown)
    {
        if (value is IAdditionalDataHolder holder)
        {
            unknown.AddRange(holder.AdditionalData.Keys.Where(k => !k.StartsWith("@odata.", StringComparison.Ordinal)).Select(k => $"{path}.{k}"));
        }
        if (value is not IParsable)
        {
            return;
        }
        foreach (var property in value.GetType().GetProperties().Where(p => p.GetIndexParameters().Length == 0 && p.Name != "BackingStore"))
        {
            var child = property.GetValue(value);
            if (child is IParsable)
            {
                Collect(child, $"{path}.{property.Name}", unknown);
            }
            else if (child is System.Collections.IEnumerable items and not string)
            {
                foreach (var item in items.OfType<IParsable>())
                {
                    Collect(item, $"{path}.{property.Name}[]", unknown);
                }
            }
        }
    }
}
