using System.Text.Json;
using System.Text.Json.Nodes;
using FlexMail.Portal.Sandbox.Mail;
using FlexMail.Portal.Sandbox.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FlexMail.Portal.Sandbox.Graph;

/// <summary>
/// <c>mailFolders/inbox/messageRules</c>: list, get, create, update and delete a mailbox's inbox rules, in Graph's
/// <c>messageRule</c> shape (the conditions and actions the sandbox applies: subject, body-or-subject, from and sender;
/// move, delete, stop processing). Rules exist only on the Inbox.
/// </summary>
public sealed class GraphRuleHandler(GraphMailboxes mailboxes, IDbContextFactory<SandboxDbContext> contexts)
{
    public async Task<GraphResult> ListAsync(GraphCall call, CancellationToken cancellationToken)
    {
        var mailbox = await mailboxes.OpenAsync(call, MailAccess.Read, cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await InboxAsync(db, mailbox.Id, call, cancellationToken);
        var rules = await db.InboxRules.AsNoTracking().Where(r => r.MailboxUserId == mailbox.Id).OrderBy(r => r.Sequence).ToListAsync(cancellationToken);
        var items = rules.Select(r => (JsonNode)Json(r)).ToList();
        return GraphResult.Ok(GraphPage.Collection(call.Request, $"users('{mailbox.Id}')/mailFolders('inbox')/messageRules", items, items.Count,
            new GraphPage(Math.Max(items.Count, 1), 0, Count: false)));
    }

    public async Task<GraphResult> GetAsync(GraphCall call, CancellationToken cancellationToken)
    {
        var mailbox = await mailboxes.OpenAsync(call, MailAccess.Read, cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await InboxAsync(db, mailbox.Id, call, cancellationToken);
        return Entity(call, mailbox.Id, await FindAsync(db, mailbox.Id, call, cancellationToken), StatusCodes.Status200OK);
    }

    public async Task<GraphResult> CreateAsync(GraphCall call, CancellationToken cancellationToken)
    {
        var mailbox = await mailboxes.OpenAsync(call, MailAccess.ReadWrite, cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await InboxAsync(db, mailbox.Id, call, cancellationToken);
        if (call.Request.Body is not { ValueKind: JsonValueKind.Object } body)
        {
            throw GraphException.BadRequest("Empty Payload. JSON content expected.");
        }
        var rule = new SandboxInboxRule
        {
            Id = SandboxIds.NewRuleId(),
            MailboxUserId = mailbox.Id,
            DisplayName = GraphBody.String(body, "displayName") is { Length: > 0 } name ? name : throw GraphException.InvalidArgument("The displayName of a rule is required."),
        };
        var sequences = await db.InboxRules.Where(r => r.MailboxUserId == mailbox.Id).Select(r => r.Sequence).ToListAsync(cancellationToken);
        rule.Sequence = sequences.Count == 0 ? 1 : sequences.Max() + 1;
        await ApplyAsync(db, mailbox.Id, rule, body, cancellationToken);
        db.InboxRules.Add(rule);
        await db.SaveChangesAsync(cancellationToken);
        return Entity(call, mailbox.Id, rule, StatusCodes.Status201Created);
    }

    public async Task<GraphResult> UpdateAsync(GraphCall call, CancellationToken cancellationToken)
    {
        var mailbox = await mailboxes.OpenAsync(call, MailAccess.ReadWrite, cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await InboxAsync(db, mailbox.Id, call, cancellationToken);
        var rule = await FindAsync(db, mailbox.Id, call, cancellationToken);
        if (call.Request.Body is not { ValueKind: JsonValueKind.Object } body)
        {
            throw GraphException.BadRequest("Empty Payload. JSON content expected.");
        }
        if (GraphBody.String(body, "displayName") is { Length: > 0 } name)
        {
            rule.DisplayName = name;
        }
        await ApplyAsync(db, mailbox.Id, rule, body, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Entity(call, mailbox.Id, rule, StatusCodes.Status200OK);
    }

    public async Task<GraphResult> DeleteAsync(GraphCall call, CancellationToken cancellationToken)
    {
        var mailbox = await mailboxes.OpenAsync(call, MailAccess.ReadWrite, cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await InboxAsync(db, mailbox.Id, call, cancellationToken);
        db.InboxRules.Remove(await FindAsync(db, mailbox.Id, call, cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
        return GraphResult.NoContent();
    }

    /// <summary>A rule in Graph's <c>messageRule</c> JSON: only the predicates and actions that are set.</summary>
    public static JsonObject Json(SandboxInboxRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var conditions = new JsonObject();
        AddStrings(conditions, "subjectContains", rule.Conditions.SubjectContains);
        AddStrings(conditions, "bodyOrSubjectContains", rule.Conditions.BodyOrSubjectContains);
        AddStrings(conditions, "senderContains", rule.Conditions.SenderContains);
        if (rule.Conditions.FromAddresses.Count > 0)
        {
            conditions["fromAddresses"] = new JsonArray([.. rule.Conditions.FromAddresses.Select(a =>
                (JsonNode)new JsonObject { ["emailAddress"] = new JsonObject { ["name"] = a, ["address"] = a } })]);
        }
        var actions = new JsonObject();
        if (rule.Actions.MoveToFolder is { } folder)
        {
            actions["moveToFolder"] = folder;
        }
        if (rule.Actions.Delete)
        {
            actions["delete"] = true;
        }
        actions["stopProcessingRules"] = rule.Actions.StopProcessingRules;
        return new JsonObject
        {
            ["id"] = rule.Id,
            ["displayName"] = rule.DisplayName,
            ["sequence"] = rule.Sequence,
            ["isEnabled"] = rule.IsEnabled,
            ["hasError"] = false,
            ["isReadOnly"] = false,
            ["conditions"] = conditions,
            ["actions"] = actions,
        };
    }

    private static async Task ApplyAsync(SandboxDbContext db, Guid mailboxId, SandboxInboxRule rule, JsonElement body, CancellationToken cancellationToken)
    {
        if (GraphBody.Property(body, "sequence") is { ValueKind: JsonValueKind.Number } sequence)
        {
            rule.Sequence = sequence.GetInt32();
        }
        if (GraphBody.Boolean(body, "isEnabled") is { } enabled)
        {
            rule.IsEnabled = enabled;
        }
        if (GraphBody.Property(body, "conditions") is { ValueKind: JsonValueKind.Object } conditions)
        {
            rule.Conditions = new SandboxRuleConditions
            {
                SubjectContains = Strings(conditions, "subjectContains"),
                BodyOrSubjectContains = Strings(conditions, "bodyOrSubjectContains"),
                SenderContains = Strings(conditions, "senderContains"),
                FromAddresses = [.. GraphSendHandler.Addresses(conditions, "fromAddresses").Select(a => a.Address)],
            };
        }
        if (GraphBody.Property(body, "actions") is { ValueKind: JsonValueKind.Object } actions)
        {
            var move = GraphBody.String(actions, "moveToFolder");
            if (move is not null)
            {
                move = (await GraphFolderHandler.FindAsync(db, mailboxId, move, cancellationToken)).Id;
            }
            rule.Actions = new SandboxRuleActions
            {
                MoveToFolder = move,
                Delete = GraphBody.Boolean(actions, "delete") ?? false,
                StopProcessingRules = GraphBody.Boolean(actions, "stopProcessingRules") ?? false,
            };
        }
    }

    private static async Task InboxAsync(SandboxDbContext db, Guid mailboxId, GraphCall call, CancellationToken cancellationToken)
    {
        var folder = await GraphFolderHandler.FindAsync(db, mailboxId, call.Value("folder"), cancellationToken);
        if (folder.WellKnownName != WellKnownFolders.Inbox)
        {
            throw GraphException.BadRequest("Message rules are supported only on the Inbox folder.");
        }
    }

    private static async Task<SandboxInboxRule> FindAsync(SandboxDbContext db, Guid mailboxId, GraphCall call, CancellationToken cancellationToken)
    {
        var id = call.Value("rule");
        return await db.InboxRules.SingleOrDefaultAsync(r => r.MailboxUserId == mailboxId && r.Id == id, cancellationToken) ?? throw GraphException.ItemNotFound();
    }

    private static GraphResult Entity(GraphCall call, Guid mailboxId, SandboxInboxRule rule, int status) =>
        new(status, GraphPage.Entity(call.Request, $"users('{mailboxId}')/mailFolders('inbox')/messageRules/$entity", Json(rule)));

    private static void AddStrings(JsonObject json, string name, IReadOnlyList<string> values)
    {
        if (values.Count > 0)
        {
            json[name] = new JsonArray([.. values.Select(v => (JsonNode)JsonValue.Create(v))]);
        }
    }

    private static List<string> Strings(JsonElement json, string name) =>
        GraphBody.Property(json, name) is { ValueKind: JsonValueKind.Array } array
            ? [.. array.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!)]
            : [];
}
