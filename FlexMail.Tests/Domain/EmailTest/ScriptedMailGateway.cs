using FlexMail.Domain.Mail;
using Microsoft.Extensions.Time.Testing;

namespace FlexMail.Tests.Domain.EmailTest;

/// <summary>A mail gateway that answers set results, each call taking a set time on a fake clock.</summary>
internal sealed class ScriptedMailGateway(FakeTimeProvider clock) : IMailGateway
{
    public static readonly MailFolder Replies = new("folder-1", "FlexMail Replies", "Inbox/FlexMail Replies", 0, 1, 0, []);

    public TimeSpan CallTime { get; init; } = TimeSpan.Zero;

    public Result<MailIdentity> Me { get; init; } = Result<MailIdentity>.Success(new("FlexMail Service", "svc@contoso.test", "svc@contoso.test"));

    public Result Send { get; init; } = Result.Done;

    public Result<MailFolder> Folder { get; init; } = Result<MailFolder>.Success(Replies);

    public Result<MessagePage> Messages { get; init; } = Result<MessagePage>.Success(new([new MailMessage("m1") { Subject = "Re: Approve" }], null));

    public List<string> Calls { get; } = [];

    public Task<Result<MailIdentity>> WhoAmIAsync(CancellationToken cancellationToken) => Answer(nameof(WhoAmIAsync), Me);

    public Task<Result> SendAsync(string mailbox, OutgoingMail mail, CancellationToken cancellationToken) => Answer($"Send {mailbox} as {mail.From?.Address}", Send);

    public Task<Result<MailFolder>> ResolveFolderAsync(string mailbox, string path, CancellationToken cancellationToken) =>
        Answer($"Resolve {mailbox} {path}", Folder);

    public Task<Result<MessagePage>> ListMessagesAsync(string mailbox, string folderId, MessageListQuery query, CancellationToken cancellationToken) =>
        Answer($"List {mailbox} {folderId} {query.Top}", Messages);

    public Task<Result<MailFolder>> EnsureFolderAsync(string mailbox, string path, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<Result<IReadOnlyList<MailFolder>>> ListFoldersAsync(string mailbox, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<Result<MailMessage>> GetMessageAsync(string mailbox, string messageId, bool includeHeaders, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<Result<string>> MoveAsync(string mailbox, string messageId, string destinationFolderId, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<Result> DeleteAsync(string mailbox, string messageId, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<Result<MailDraft>> CreateDraftAsync(string mailbox, OutgoingMail mail, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<Result> SendDraftAsync(string mailbox, string draftId, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<Result<IReadOnlyList<MailMessage>>> FindByInternetMessageIdAsync(string mailbox, string folder, string internetMessageId,
        CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public void Dispose()
    {
    }

    private Task<T> Answer<T>(string call, T result)
    {
        Calls.Add(call);
        clock.Advance(CallTime);
        return Task.FromResult(result);
    }
}

/// <summary>A token source that answers a fixed token (or throws), taking a set time on a fake clock.</summary>
internal sealed class ScriptedTokenSource(FakeTimeProvider clock, TimeSpan callTime, Func<string> answer) : IGraphAccessTokenSource
{
    public Task<string> GetAccessTokenAsync(CancellationToken cancellationToken)
    {
        clock.Advance(callTime);
        return Task.FromResult(answer());
    }
}
