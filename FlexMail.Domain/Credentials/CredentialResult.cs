using System.Diagnostics.CodeAnalysis;

namespace FlexMail.Domain.Credentials;

/// <summary>The value of a credential operation, or the <see cref="CredentialError"/> that refused it.</summary>
public sealed record CredentialResult<T>
{
    private CredentialResult(T? value, CredentialError? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }

    public CredentialError? Error { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Error is null;

    public static CredentialResult<T> Success(T value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(value, null);
    }

    public static CredentialResult<T> Failure(CredentialError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new(default, error);
    }

    public static implicit operator CredentialResult<T>(T value) => Success(value);

    public static implicit operator CredentialResult<T>(CredentialError error) => Failure(error);
}
