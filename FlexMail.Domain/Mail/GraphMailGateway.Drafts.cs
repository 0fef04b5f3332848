using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;

namespace FlexMail.Domain.Mail;

/// <summary>Drafts: created from MIME, sent later, and found again by their internetMessageId (after a crash, say).</summary>
internal sealed partial class GraphMailGateway
{
    private static readonly Dictionary<string, ParsableFactory<IParsable>> GraphErrors = new() { ["XXX"] = ODataError.CreateFromDiscriminatorValue };

    public Task<Result<MailDraft>> CreateDraftAsync(string mailbox, OutgoingMail mail, CancellationToken cancellationToken)
    {
        var from = mail.From?.Address ?? mailbox;
        var op = new MailOperation("CreateDraft", "create a draft in", mailbox, MailAccess.ReadWrite) { From = from };
        return RunAsync(op, async ct =>
        {
            if (GraphMime.InvalidHeaderNames(mail) is [var first, ..])
            {
                throw new MailFailureException(new MailFailure(MailFailureKind.InvalidRequest, null, null,
                    $"The mail has the header '{first}', but Microsoft Graph accepts only custom headers whose name starts with 'x-' or 'X-'.",
                    $"Rename the header to 'X-{first}' or leave it out."));
            }
            // Graph's "create message in MIME format": the base64 MIME as the body, with Content-Type text/plain.
            var request = new RequestInformation(Method.POST, "{+baseurl}/users/{user%2Did}/messages",
                new Dictionary<string, object> { ["user%2Did"] = mailbox });
            request.Headers.Add("Accept", "application/json");
            request.Headers.Add(GraphMessages.PreferHeader, GraphMessages.ImmutableIdPreference);
            request.SetStreamContent(new MemoryStream(GraphMime.Base64(mailbox, mail)), "text/plain");
            var draft = await client.RequestAdapter.SendAsync(request, Message.CreateFromDiscriminatorValue, GraphErrors, ct);
            if (draft?.Id is not { Length: > 0 } id || draft.InternetMessageId is not { Length: > 0 } internetMessageId)
            {
                throw new MailFailureException(new MailFailure(MailFailureKind.Unexpected, null, null,
                    $"Microsoft Graph created a draft in {mailbox} but did not answer its id and internetMessageId.",
                    "Try again; if it persists, report the time and the mailbox to support (the portal's log has the details)."));
            }
            return new MailDraft(id, internetMessageId);
        }, cancellationToken);
    }

    public async Task<Result> SendDraftAsync(string mailbox, string draftId, CancellationToken cancellationToken)
    {
        var op = new MailOperation("SendDraft", "send a draft from", mailbox, MailAccess.Send) { MessageId = draftId };
        var result = await RunAsync(op, async ct =>
        {
            await client.Users[mailbox].Messages[draftId].Send
                .PostAsync(request => request.Headers.Add(GraphMessages.PreferHeader, GraphMessages.ImmutableIdPreference), ct);
            return true;
        }, cancellationToken);
        if (result.Succeeded)
        {
            return Result.Done;
        }
        // Send As is refused for the draft's From: name that address in the words, as SendAsync does.
        if (result.Problem is MailFailure { Kind: MailFailureKind.SendAsDenied } denied && await DraftFromAsync(mailbox, draftId, cancellationToken) is { } from)
        {
            return Result.Failure(GraphErrorTexts.SendAsDenied(op with { From = from }, tokens.LastClaims, denied.GraphCode ?? "ErrorSendAsDenied",
                denied.Status ?? 403) with { RequestId = denied.RequestId });
        }
        // Sending a draft replaces it with the Sent Items copy (a new id): a second send finds no draft.
        if (result.Problem is MailFailure { Kind: MailFailureKind.ItemNotFound } notFound)
        {
            return Result.Failure(notFound with
            {
                Cause = $"The draft {draftId} is not in {mailbox}: it was sent already (Exchange then keeps only the copy in Sent Items, " +
                    "under a new id), deleted, or the id belongs to another mailbox.",
                Fix = $"Look for the draft's internetMessageId in the Sent Items of {mailbox} before creating and sending the mail again.",
            });
        }
        return Result.Failure(result.Problem);
    }

    public Task<Result<IReadOnlyList<MailMessage>>> FindByInternetMessageIdAsync(string mailbox, string folder, string internetMessageId,
        CancellationToken cancellationToken) =>
        RunAsync(new MailOperation("FindByInternetMessageId", $"look for the message {internetMessageId} in", mailbox, MailAccess.Read) { FolderId = folder },
            async ct =>
            {
                var page = await client.Users[mailbox].MailFolders[folder].Messages.GetAsync(request =>
                {
                    request.QueryParameters.Filter = $"internetMessageId eq '{internetMessageId.Replace("'", "''", StringComparison.Ordinal)}'";
                    request.QueryParameters.Select = GraphMessages.SummarySelect;
                    request.QueryParameters.Top = 50;
                    request.Headers.Add(GraphMessages.PreferHeader, GraphMessages.ImmutableIdPreference);
                }, ct);
                return (IReadOnlyList<MailMessage>)[.. (page?.Value ?? []).Select(GraphMessages.FromGraph)];
            }, cancellationToken);

    private async Task<string?> DraftFromAsync(string mailbox, string draftId, CancellationToken cancellationToken)
    {
        var draft = await GetMessageAsync(mailbox, draftId, includeHeaders: false, cancellationToken);
        return draft.Succeeded ? draft.Value.From?.Address : null;
    }
}
