namespace FinPilot.Ledger;

/// <summary>
/// The outcome of parsing or verifying untrusted input. Bad input from a log, a witness or a
/// client is an expected event, not an exceptional one, so it is reported as a value.
/// </summary>
public readonly record struct Result<T>
{
    private readonly T? _value;

    private Result(T? value, string? error)
    {
        _value = value;
        Error = error;
    }

    /// <summary>Why the operation failed; null on success.</summary>
    public string? Error { get; }

    public bool IsSuccess => Error is null;

    /// <summary>The value; throws if the operation failed, so a failure cannot be used by mistake.</summary>
    public T Value => Error is null ? _value! : throw new InvalidOperationException($"No value: {Error}");

    public static Result<T> Ok(T value) => new(value, null);

    public static Result<T> Fail(string error) => new(default, error);

    public static implicit operator Result<T>(T value) => Ok(value);

    public override string ToString() => IsSuccess ? $"Ok({_value})" : $"Fail({Error})";
}
