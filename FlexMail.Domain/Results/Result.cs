using System.Diagnostics.CodeAnalysis;

namespace FlexMail.Domain.Results;

/// <summary>The outcome of an operation that answers a value: the value, or the <see cref="Results.Problem"/> that stopped it.</summary>
public sealed record Result<T>
{
    private Result(T? value, Problem? problem)
    {
        Value = value;
        Problem = problem;
    }

    public T? Value { get; }

    public Problem? Problem { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Problem))]
    public bool Succeeded => Problem is null;

    public static Result<T> Success(T value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(value, null);
    }

    public static Result<T> Failure(Problem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return new(default, problem);
    }

    /// <summary>Lets a caller write <c>var (value, problem) = result;</c>.</summary>
    public void Deconstruct(out T? value, out Problem? problem)
    {
        value = Value;
        problem = Problem;
    }

    public static implicit operator Result<T>(T value) => Success(value);

    public static implicit operator Result<T>(Problem problem) => Failure(problem);
}

/// <summary>The outcome of an operation that answers nothing: done, or the <see cref="Results.Problem"/> that stopped it.</summary>
public sealed record Result
{
    public static readonly Result Done = new(null);

    private Result(Problem? problem) => Problem = problem;

    public Problem? Problem { get; }

    [MemberNotNullWhen(false, nameof(Problem))]
    public bool Succeeded => Problem is null;

    public static Result Failure(Problem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return new(problem);
    }

    public static implicit operator Result(Problem problem) => Failure(problem);
}
