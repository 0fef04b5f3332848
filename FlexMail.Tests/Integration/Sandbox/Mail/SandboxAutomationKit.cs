using System.Net.Http.Headers;
using FlexMail.Domain.ApiKeys;
using FlexMail.Domain.Audit;
using FlexMail.Portal.Hosting.SignIn;
using FlexMail.Portal.Sandbox;
using FlexMail.Portal.Sandbox.Automation;
using FlexMail.Portal.Sandbox.Mail;
using FlexMail.Tests.Support;
using MimeKit;

namespace FlexMail.Tests.Integration.Sandbox.Mail;

/// <summary>Calls the sandbox's automation API with an API key, builds MIME mail, and finds where a message was filed.</summary>
public sealed class SandboxAutomationKit(KestrelPortal portal)
{
    public const string Approvals = "approvals@contoso.test";

    /// <summary>A client that carries a fresh API key in <c>X-Api-Key</c>.</summary>
    public async Task<HttpClient> ApiKeyClientAsync()
    {
        var created = await portal.Get<ApiKeyService>().CreateAsync($"Sandbox automation {Guid.NewGuid():N}", new Actor("admin@contoso.com", null), CancellationToken.None);
        var client = portal.Cloud.CreateHttpClient();
        client.BaseAddress = portal.HttpsAddress;
        client.DefaultRequestHeaders.Add(ApiKeyAuthentication.HeaderName, created.Value!.Key);
        return client;
    }

    public Uri Url(string relative) => new(portal.HttpsAddress, SandboxAutomationEndpoints.Path + relative);

    public static HttpContent Rfc822(MimeMessage message)
    {
        var buffer = new MemoryStream();
        message.WriteTo(buffer);
        var content = new ByteArrayContent(buffer.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue(SandboxAutomationEndpoints.Rfc822);
        return content;
    }

    /// <summary>A reply to an approval: HTML and text alternatives, a token in the subject.</summary>
    public static MimeMessage Reply(string subject, string to = Approvals, string from = "adele.vance@contoso.test")
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.MessageId = $"{Guid.NewGuid():N}@client.test";
        message.Headers.Add("X-Mailer", "Sandbox tests");
        message.Body = new BodyBuilder { TextBody = "Approve", HtmlBody = "<p><b>Approve</b></p>" }.ToMessageBody();
        return message;
    }

    public async Task<SandboxMessage> OpenAsync(string messageId) =>
        await portal.Get<SandboxMailbox>().OpenAsync(messageId, CancellationToken.None) ?? throw new InvalidOperationException($"No message {messageId}");

    /// <summary>The folder path of every message with <paramref name="subject"/> in the mailbox.</summary>
    public async Task<IReadOnlyList<string>> FoldersOfAsync(SandboxMailboxSummary mailbox, string subject)
    {
        var mail = portal.Get<SandboxMailbox>();
        var result = new List<string>();
        var folders = await mail.ListFoldersAsync(mailbox.UserId, CancellationToken.None);
        foreach (var folder in folders)
        {
            var messages = await mail.ListMessagesAsync(folder.Id, CancellationToken.None);
            result.AddRange(messages.Where(m => m.Subject == subject).Select(_ => Path(folders, folder)));
        }
        return result;
    }

    public async Task<SandboxMailboxSummary> MailboxAsync(string address) =>
        (await portal.Get<SandboxMailbox>().ListMailboxesAsync(CancellationToken.None)).Single(m => m.Address == address);

    private static string Path(IReadOnlyList<SandboxFolderSummary> folders, SandboxFolderSummary folder)
    {
        var index = folders.ToList().IndexOf(folder);
        var names = new List<string> { folder.DisplayName };
        var depth = folder.Depth;
        for (var i = index - 1; i >= 0 && depth > 0; i--)
        {
            if (folders[i].Depth == depth - 1)
            {
                names.Insert(0, folders[i].DisplayName);
                depth--;
            }
        }
        return string.Join('/', names);
    }

    public static SandboxAddress Adele => new(SandboxSeed.AdeleVance.DisplayName, SandboxSeed.AdeleVance.Mail!);
}
