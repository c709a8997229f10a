using System.Diagnostics.CodeAnalysis;

namespace FinPilot.Domain.Common;

/// <summary>
/// An expected failure: a stable code that the edge translates into the user's language,
/// plus the field it concerns (when it concerns one) and values to fill into the message.
/// </summary>
public sealed record Error(ErrorCode Code, string? Field = null, params object[] Arguments)
{
    /// <summary>The kind its code declares; the edge answers with a status by kind alone.</summary>
    public ErrorKind Kind => Code.Kind;

    public override string ToString() => Field is null ? Code : $"{Field}: {Code}";
}

/// <summary>Outcome of an operation whose failures are expected and must be shown, not thrown.</summary>
public readonly record struct Result
{
    private Result(IReadOnlyList<Error> errors) => Errors = errors;

    public IReadOnlyList<Error> Errors { get; }

    public bool Succeeded => Errors is null || Errors.Count == 0;

    public static Result Ok() => new([]);

    public static Result Fail(params Error[] errors) => new(errors);

    public static Result Fail(IEnumerable<Error> errors) => new(errors.ToArray());

    public static implicit operator Result(Error error) => Fail(error);

    /// <summary>For a step that cannot fail (seed data, a test's setup): a failure here is a bug, thrown with its errors.</summary>
    public void OrThrow()
    {
        if (!Succeeded)
        {
            throw new InvalidOperationException("Expected a success, got: " + string.Join("; ", Errors));
        }
    }
}

/// <summary>Outcome carrying a value when it succeeds.</summary>
public readonly record struct Result<T>
{
    private Result(T? value, IReadOnlyList<Error> errors)
    {
        Value = value;
        Errors = errors;
    }

    public T? Value { get; }

    public IReadOnlyList<Error> Errors { get; }

    // Ok takes a T and Fail a default: a success always holds its value (no Result<X?> is used).
    [MemberNotNullWhen(true, nameof(Value))]
    public bool Succeeded => Errors is null || Errors.Count == 0;

    [MemberNotNullWhen(false, nameof(Value))]
    public bool Failed => !Succeeded;

    public static Result<T> Ok(T value) => new(value, []);

    /// <summary>
    /// The value of a result that cannot fail (seed data, constants a test reads); a failure here is
    /// a bug, thrown with its errors rather than hidden behind a null.
    /// </summary>
    public T ValueOrThrow() =>
        Succeeded ? Value : throw new InvalidOperationException("Expected a success, got: " + string.Join("; ", Errors));

    public static Result<T> Fail(params Error[] errors) => new(default, errors);

    public static implicit operator Result<T>(T value) => Ok(value);

    public static implicit operator Result<T>(Error error) => Fail(error);
}
