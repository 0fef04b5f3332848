using System.Globalization;
using System.Text.Json.Nodes;
using FlexMail.Portal.Sandbox.Directory;
using FlexMail.Portal.Sandbox.Mail;

namespace FlexMail.Portal.Sandbox.Graph;

/// <summary>The JSON shapes of Graph v1.0's <c>user</c>, <c>mailFolder</c> and <c>message</c>, with <c>$select</c>.</summary>
public static class GraphJson
{
    /// <summary>Graph's date-time format for mail: UTC, seconds, <c>Z</c>.</summary>
    public static string Date(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    /// <summary>The <c>$select</c> list, or null for the default properties.</summary>
    public static HashSet<string>? Select(GraphRequest request) =>
        request.Option("select") is { Length: > 0 } select
            ? new HashSet<string>(select.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), StringComparer.OrdinalIgnoreCase)
            : null;

    public static JsonObject User(SandboxUser user, HashSet<string>? select)
    {
        var json = new JsonObject
        {
            ["businessPhones"] = new JsonArray(),
            ["displayName"] = user.DisplayName,
            ["givenName"] = user.GivenName,
            ["jobTitle"] = user.JobTitle,
            ["mail"] = user.Mail,
            ["mobilePhone"] = null,
            ["officeLocation"] = null,
            ["preferredLanguage"] = user.Kind == SandboxUserKind.Member ? "en-US" : null,
            ["surname"] = user.Surname,
            ["userPrincipalName"] = user.UserPrincipalName,
            ["id"] = user.Id.ToString(),
        };
        return Project(json, select, always: []);
    }

    public static JsonObject Folder(SandboxMailFolder folder, string rootFolderId, FolderCounts counts, HashSet<string>? select)
    {
        var json = new JsonObject
        {
            ["id"] = folder.Id,
            ["displayName"] = folder.DisplayName,
            ["parentFolderId"] = folder.ParentFolderId ?? rootFolderId,
            ["childFolderCount"] = counts.Children,
            ["unreadItemCount"] = counts.Unread,
            ["totalItemCount"] = counts.Total,
            ["isHidden"] = false,
        };
        return Project(json, select, always: ["id"]);
    }

    public static JsonObject Message(SandboxMessage message, bool immutable, HashSet<string>? select)
    {
        var id = immutable ? message.ImmutableId : message.Id;
        var json = new JsonObject
        {
            ["@odata.etag"] = $"W/\"{message.ChangeKey}\"",
            ["id"] = id,
            ["createdDateTime"] = Date(message.CreatedDateTime),
            ["lastModifiedDateTime"] = Date(message.LastModifiedDateTime),
            ["changeKey"] = message.ChangeKey,
            ["categories"] = new JsonArray(),
            ["receivedDateTime"] = Date(message.ReceivedDateTime),
            ["sentDateTime"] = Date(message.SentDateTime),
            ["hasAttachments"] = false,
            ["internetMessageId"] = message.InternetMessageId,
            ["subject"] = message.Subject,
            ["bodyPreview"] = Preview(message),
            ["importance"] = message.Importance,
            ["parentFolderId"] = message.FolderId,
            ["conversationId"] = message.ConversationId,
            ["isDeliveryReceiptRequested"] = false,
            ["isReadReceiptRequested"] = false,
            ["isRead"] = message.IsRead,
            ["isDraft"] = message.IsDraft,
            ["webLink"] = $"https://outlook.office365.com/owa/?ItemID={Uri.EscapeDataString(id)}&exvsurl=1&viewmodel=ReadMessageItem",
            ["inferenceClassification"] = "focused",
            ["body"] = new JsonObject { ["contentType"] = message.BodyContentType, ["content"] = message.Body },
            ["sender"] = Recipient(message.Sender),
            ["from"] = Recipient(message.From),
            ["toRecipients"] = Recipients(message.ToRecipients),
            ["ccRecipients"] = Recipients(message.CcRecipients),
            ["bccRecipients"] = new JsonArray(),
            ["replyTo"] = Recipients(message.ReplyTo),
            ["flag"] = new JsonObject { ["flagStatus"] = "notFlagged" },
        };
        if (select?.Contains("internetMessageHeaders") == true)
        {
            json["internetMessageHeaders"] = new JsonArray([.. message.Headers.Select(h => new JsonObject { ["name"] = h.Name, ["value"] = h.Value })]);
        }
        return Project(json, select, always: ["@odata.etag", "id"]);
    }

    public static JsonObject Recipient(SandboxAddress address) =>
        new() { ["emailAddress"] = new JsonObject { ["name"] = address.Name ?? address.Address, ["address"] = address.Address } };

    private static JsonArray Recipients(IEnumerable<SandboxAddress> addresses) => new([.. addresses.Select(Recipient)]);

    private static string Preview(SandboxMessage message)
    {
        var text = message.BodyContentType == "html"
            ? System.Text.RegularExpressions.Regex.Replace(message.Body, "<[^>]+>", " ")
            : message.Body;
        text = System.Net.WebUtility.HtmlDecode(string.Join(' ', text.Split((char[])[' ', '\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)));
        return text.Length <= 255 ? text : text[..255];
    }

    private static JsonObject Project(JsonObject json, HashSet<string>? select, string[] always)
    {
        if (select is null)
        {
            return json;
        }
        foreach (var name in json.Select(p => p.Key).ToList())
        {
            if (!select.Contains(name) && !always.Contains(name))
            {
                json.Remove(name);
            }
        }
        return json;
    }
}

/// <summary>A folder's child folder, unread and total item counts.</summary>
public sealed record FolderCounts(int Children, int Unread, int Total);
