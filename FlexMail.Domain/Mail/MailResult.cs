using System.Diagnostics.CodeAnalysis;

namespace FlexMail.Domain.Mail;

/// <summary>The outcome of a mail operation that answers a value: the value, or why it failed.</summary>
public sealed record MailResult<T>
{
    private MailResult(T? value, MailFailure? failure)
    {
        Value = value;
        Failure = failure;
    }

    public T? Value { get; }

    public MailFailure? Failure { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Failure))]
    public bool Succeeded => Failure is null;

    public static MailResult<T> Success(T value) => new(value, null);

    public static MailResult<T> Failed(MailFailure failure) => new(default, failure);
}

/// <summary>The outcome of a mail operation that answers nothing: done, or why it failed.</summary>
public sealed record MailResult
{
    public static readonly MailResult Done = new((MailFailure?)null);

    private MailResult(MailFailure? failure) => Failure = failure;

    public MailFailure? Failure { get; }

    [MemberNotNullWhen(false, nameof(Failure))]
    public bool Succeeded => Failure is null;

    public static MailResult Failed(MailFailure failure) => new(failure);
}
