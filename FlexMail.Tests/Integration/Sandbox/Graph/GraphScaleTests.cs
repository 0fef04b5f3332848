using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using FlexMail.Portal.Sandbox;
using FlexMail.Portal.Sandbox.Mail;
using FlexMail.Portal.Sandbox.Persistence;
using FlexMail.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace FlexMail.Tests.Integration.Sandbox.Graph;

/// <summary>A folder of 10,000 messages is paged in the database, and Graph's 4 MB request limit holds.</summary>
public sealed class GraphScaleTests(KestrelPortal portal, ITestOutputHelper output) : IClassFixture<KestrelPortal>
{
    private const string Mailbox = "users/megan.bowen@contoso.test";
    private const int FolderSize = 10_000;
    private readonly SandboxGraph _graph = new(portal);

    [Fact]
    public async Task Messages_FolderOf10000_PageOf50ReadWithoutLoadingTheFolder()
    {
        var token = await _graph.ApplicationTokenAsync("Mail.ReadWrite", "Mail.Send");
        using var http = _graph.Http(token);
        var folderId = await CreateFolderAsync(http, $"Bulk {Guid.NewGuid():N}");
        await FillAsync(folderId);
        var url = _graph.Url($"{Mailbox}/mailFolders/{folderId}/messages?$top=50&$select=subject,receivedDateTime");
        await http.GetStringAsync(url); // warm: the first request compiles the query

        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var timer = Stopwatch.StartNew();
        var first = await GetAsync(http, url);
        timer.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var nextLink = first.GetProperty("@odata.nextLink").GetString()!;
        var second = await GetAsync(http, new Uri(nextLink));
        var last = await GetAsync(http, _graph.Url($"{Mailbox}/mailFolders/{folderId}/messages?$top=50&$skip={FolderSize - 20}&$count=true"));

        output.WriteLine($"First page of 50 from {FolderSize:N0}: {timer.ElapsedMilliseconds} ms, {allocated / 1024:N0} KiB allocated in the process");
        var firstSubjects = Subjects(first);
        var secondSubjects = Subjects(second);
        Assert.Equal(50, firstSubjects.Count);
        Assert.Equal(50, secondSubjects.Count);
        Assert.Contains("skip=50", nextLink, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(Enumerable.Range(0, 100).Select(Subject), firstSubjects.Concat(secondSubjects)); // newest first
        Assert.Equal(20, Subjects(last).Count);
        Assert.Equal(FolderSize, last.GetProperty("@odata.count").GetInt32());
        Assert.False(last.TryGetProperty("@odata.nextLink", out _));
        // Loading the folder (10,000 messages with 1 KB bodies) allocates well over 20 MB; one page allocates a fraction.
        Assert.True(allocated < 8 * 1024 * 1024, $"Listing one page allocated {allocated / 1024:N0} KiB");
    }

    [Fact]
    public async Task SendMail_Of5MB_AnswersGraphs413()
    {
        using var http = _graph.Http(await _graph.ApplicationTokenAsync("Mail.Send"));

        using var response = await SendMailAsync(http, 5 * 1024 * 1024);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        using var json = JsonDocument.Parse(text);
        var error = json.RootElement.GetProperty("error");
        Assert.Equal("BadRequest", error.GetProperty("code").GetString());
        Assert.Equal("The maximum request length supported is 4MB.", error.GetProperty("message").GetString());
        Assert.True(error.GetProperty("innerError").TryGetProperty("request-id", out _));
    }

    [Fact]
    public async Task SendMail_Of2MB_IsAcceptedUnderGraphsLimit()
    {
        using var http = _graph.Http(await _graph.ApplicationTokenAsync("Mail.Send"));

        using var response = await SendMailAsync(http, 2 * 1024 * 1024);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    private Task<HttpResponseMessage> SendMailAsync(HttpClient http, int bodyBytes)
    {
        var json = JsonSerializer.Serialize(new
        {
            message = new
            {
                subject = "Large",
                body = new { contentType = "text", content = new string('x', bodyBytes) },
                toRecipients = new[] { new { emailAddress = new { address = "adele.vance@contoso.test" } } },
            },
            saveToSentItems = false,
        });
        var request = new HttpRequestMessage(HttpMethod.Post, _graph.Url("users/svc-flexmail@contoso.test/sendMail"))
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        request.Headers.ExpectContinue = true; // the answer may come before the body is read
        return http.SendAsync(request);
    }

    private async Task<string> CreateFolderAsync(HttpClient http, string name)
    {
        using var response = await http.PostAsync(_graph.Url($"{Mailbox}/mailFolders"),
            new StringContent(JsonSerializer.Serialize(new { displayName = name }), Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("id").GetString()!;
    }

    private async Task FillAsync(string folderId)
    {
        var contexts = portal.Services.GetRequiredService<IDbContextFactory<SandboxDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var from = new SandboxAddress("Bulk sender", "bulk@fabrikam.test");
        var body = new string('b', 1024);
        for (var i = 0; i < FolderSize; i++)
        {
            var received = start.AddMinutes(FolderSize - i); // message 0 is the newest
            db.Messages.Add(new SandboxMessage
            {
                Id = SandboxIds.NewMessageId(),
                ImmutableId = SandboxIds.NewImmutableId(),
                MailboxUserId = SandboxSeed.MeganBowen.Id,
                FolderId = folderId,
                InternetMessageId = $"<bulk-{i}@fabrikam.test>",
                ConversationId = SandboxIds.NewConversationId(),
                Subject = Subject(i),
                Body = body,
                From = from,
                Sender = from,
                ToRecipients = [new SandboxAddress("Megan Bowen", SandboxSeed.MeganBowen.Mail!)],
                CreatedDateTime = received,
                LastModifiedDateTime = received,
                ReceivedDateTime = received,
                SentDateTime = received,
                ChangeKey = SandboxIds.NewChangeKey(),
            });
        }
        await db.SaveChangesAsync();
    }

    private static string Subject(int i) => $"Bulk {i:00000}";

    private static async Task<JsonElement> GetAsync(HttpClient http, Uri url)
    {
        using var json = JsonDocument.Parse(await http.GetStringAsync(url));
        return json.RootElement.Clone();
    }

    private static List<string> Subjects(JsonElement page) =>
        [.. page.GetProperty("value").EnumerateArray().Select(m => m.GetProperty("subject").GetString()!)];
}
