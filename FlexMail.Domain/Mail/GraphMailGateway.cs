using FlexMail.Domain.MailboxAccess.Tokens;
using Microsoft.Extensions.Logging;
using Microsoft.Graph;
using Microsoft.Graph.Users.Item.Messages.Item.Move;
using Microsoft.Graph.Users.Item.SendMail;

namespace FlexMail.Domain.Mail;

/// <summary>
/// <see cref="IMailGateway"/> over the Microsoft Graph SDK. Every call runs through <see cref="RunAsync{T}"/>, which
/// turns whatever the SDK throws into a <see cref="MailFailure"/>; message calls ask for immutable ids.
/// </summary>
internal sealed partial class GraphMailGateway(GraphServiceClient client, HttpClient http, GraphTokenProvider tokens, Uri graphBaseUrl,
    MailFailures failures, ILogger logger, int folderPageSize) : IMailGateway
{
    private static readonly string[] IdentitySelect = ["displayName", "userPrincipalName", "mail"];
    private static readonly string[] MessageSelect = [.. GraphMessages.SummarySelect, "body"];
    private readonly MailFolderTree _folders = new(client, folderPageSize);

    public Task<Result<MailIdentity>> WhoAmIAsync(CancellationToken cancellationToken) =>
        RunAsync(new MailOperation("WhoAmI", "read the profile of", "the signed-in user", MailAccess.Profile), async ct =>
        {
            var me = await client.Me.GetAsync(request => request.QueryParameters.Select = IdentitySelect, ct);
            return new MailIdentity(me?.DisplayName, me?.UserPrincipalName, me?.Mail);
        }, cancellationToken);

    public async Task<Result> SendAsync(string mailbox, OutgoingMail mail, CancellationToken cancellationToken)
    {
        var from = mail.From?.Address ?? mailbox;
        var op = new MailOperation("Send", "send mail from", mailbox, MailAccess.Send) { From = from };
        var result = await RunAsync(op, async ct =>
        {
            var body = new SendMailPostRequestBody { Message = GraphMessages.ToGraph(mail), SaveToSentItems = mail.SaveToSentItems };
            await client.Users[mailbox].SendMail.PostAsync(body, cancellationToken: ct);
            MailGatewayLog.Sent(logger, mailbox, from, mail.To.Count);
            return true;
        }, cancellationToken);
        return result.Succeeded ? Result.Done : Result.Failure(result.Problem);
    }

    public Task<Result<IReadOnlyList<MailFolder>>> ListFoldersAsync(string mailbox, CancellationToken cancellationToken) =>
        RunAsync(new MailOperation("ListFolders", "list the folders of", mailbox, MailAccess.Read),
            ct => _folders.ListAsync(mailbox, ct), cancellationToken);

    public Task<Result<MailFolder>> ResolveFolderAsync(string mailbox, string path, CancellationToken cancellationToken) =>
        RunAsync(new MailOperation("ResolveFolder", $"find the folder '{path}' in", mailbox, MailAccess.Read),
            ct => _folders.ResolveAsync(mailbox, path, ct), cancellationToken);

    public Task<Result<MessagePage>> ListMessagesAsync(string mailbox, string folderId, MessageListQuery query, CancellationToken cancellationToken) =>
        RunAsync(new MailOperation("ListMessages", "list the messages of", mailbox, MailAccess.Read) { FolderId = folderId }, async ct =>
        {
            if (query.Top is < 1 or > 1000)
            {
                throw new MailFailureException(new MailFailure(MailFailureKind.InvalidRequest, null, null,
                    $"A page of {query.Top} messages was asked for.", "Ask for 1 to 1000 messages per page."));
            }
            var messages = client.Users[mailbox].MailFolders[folderId].Messages;
            var page = query.PageToken is null
                ? await messages.GetAsync(request =>
                {
                    request.QueryParameters.Top = query.Top;
                    request.QueryParameters.Select = query.Select?.ToArray() ?? GraphMessages.SummarySelect;
                    request.QueryParameters.Orderby = [query.OldestFirst ? "receivedDateTime asc" : "receivedDateTime desc"];
                    request.Headers.Add(GraphMessages.PreferHeader, GraphMessages.ImmutableIdPreference);
                }, ct)
                : await messages.WithUrl(CheckedPageToken(query.PageToken))
                    .GetAsync(request => request.Headers.Add(GraphMessages.PreferHeader, GraphMessages.ImmutableIdPreference), ct);
            return new MessagePage([.. (page?.Value ?? []).Select(GraphMessages.FromGraph)], page?.OdataNextLink);
        }, cancellationToken);

    public Task<Result<MailFolder>> EnsureFolderAsync(string mailbox, string path, CancellationToken cancellationToken) =>
        RunAsync(new MailOperation("EnsureFolder", $"find or create the folder '{path}' in", mailbox, MailAccess.ReadWrite),
            ct => _folders.EnsureAsync(mailbox, path, ct), cancellationToken);

    public Task<Result<MailMessage>> GetMessageAsync(string mailbox, string messageId, bool includeHeaders, CancellationToken cancellationToken) =>
        RunAsync(new MailOperation("GetMessage", "read a message of", mailbox, MailAccess.Read) { MessageId = messageId }, async ct =>
        {
            var message = await client.Users[mailbox].Messages[messageId].GetAsync(request =>
            {
                request.QueryParameters.Select = includeHeaders ? [.. MessageSelect, "internetMessageHeaders"] : MessageSelect;
                request.Headers.Add(GraphMessages.PreferHeader, GraphMessages.ImmutableIdPreference);
            }, ct);
            return GraphMessages.FromGraph(message!);
        }, cancellationToken);

    public Task<Result<string>> MoveAsync(string mailbox, string messageId, string destinationFolderId, CancellationToken cancellationToken) =>
        RunAsync(new MailOperation("Move", "move a message in", mailbox, MailAccess.ReadWrite) { MessageId = messageId, FolderId = destinationFolderId },
            async ct =>
            {
                var moved = await client.Users[mailbox].Messages[messageId].Move.PostAsync(new MovePostRequestBody { DestinationId = destinationFolderId },
                    request => request.Headers.Add(GraphMessages.PreferHeader, GraphMessages.ImmutableIdPreference), ct);
                return moved?.Id ?? messageId;
            }, cancellationToken);

    public async Task<Result> DeleteAsync(string mailbox, string messageId, CancellationToken cancellationToken)
    {
        var result = await RunAsync(new MailOperation("Delete", "delete a message in", mailbox, MailAccess.ReadWrite) { MessageId = messageId }, async ct =>
        {
            await client.Users[mailbox].Messages[messageId]
                .DeleteAsync(request => request.Headers.Add(GraphMessages.PreferHeader, GraphMessages.ImmutableIdPreference), ct);
            return true;
        }, cancellationToken);
        return result.Succeeded ? Result.Done : Result.Failure(result.Problem);
    }

    public void Dispose()
    {
        client.Dispose();
        http.Dispose();
    }

    // A next link is Graph's own URL: anything else is refused rather than fetched.
    private string CheckedPageToken(string pageToken) =>
        Uri.TryCreate(pageToken, UriKind.Absolute, out var link) && link.Scheme == Uri.UriSchemeHttps
            && string.Equals(link.Host, graphBaseUrl.Host, StringComparison.OrdinalIgnoreCase) && link.Port == graphBaseUrl.Port
            ? pageToken
            : throw new MailFailureException(new MailFailure(MailFailureKind.InvalidRequest, null, null,
                "The page token is not a Microsoft Graph link of this connection.", "Start again from the first page."));

    private async Task<Result<T>> RunAsync<T>(MailOperation op, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            var value = await call(cancellationToken);
            MailGatewayLog.Succeeded(logger, op.Name, op.Mailbox);
            return Result<T>.Success(value);
        }
        catch (MailFailureException ex)
        {
            return Failed<T>(op, ex.Failure);
        }
        catch (Exception ex) when (!(ex is OperationCanceledException && cancellationToken.IsCancellationRequested)
                                   && failures.From(ex, op, tokens.LastClaims, graphBaseUrl) is { } failure)
        {
            if (failure.Kind == MailFailureKind.Unexpected)
            {
                MailGatewayLog.Unexpected(logger, ex, op.Name, op.Mailbox);
            }
            return Failed<T>(op, failure);
        }
    }

    private Result<T> Failed<T>(MailOperation op, MailFailure failure)
    {
        if (failure.Entra is EntraFailure entra)
        {
            MailGatewayLog.NoToken(logger, op.Name, op.Mailbox, entra.Code);
        }
        else
        {
            MailGatewayLog.Failed(logger, op.Name, op.Mailbox, failure.Kind, failure.GraphCode, failure.Status, failure.RequestId);
        }
        return Result<T>.Failure(failure);
    }
}
