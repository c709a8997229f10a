namespace FinPilot.Domain.Common;

/// <summary>
/// A stable error code (also the key of its message) and the <see cref="ErrorKind"/> it always has.
/// Codes are declared once, as static fields of the feature's <c>…Errors</c> class; they turn into
/// their string wherever a string is wanted, and compare by that string.
/// </summary>
public readonly struct ErrorCode : IEquatable<ErrorCode>
{
    private readonly string? _value;

    private ErrorCode(string value, ErrorKind kind)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        _value = value;
        Kind = kind;
    }

    public string Value => _value ?? string.Empty;

    public ErrorKind Kind { get; }

    public static ErrorCode Validation(string value) => new(value, ErrorKind.Validation);

    public static ErrorCode InvalidState(string value) => new(value, ErrorKind.InvalidState);

    public static ErrorCode Conflict(string value) => new(value, ErrorKind.Conflict);

    public static ErrorCode NotFound(string value) => new(value, ErrorKind.NotFound);

    public static ErrorCode Forbidden(string value) => new(value, ErrorKind.Forbidden);

    public static implicit operator string(ErrorCode code) => code.Value;

    public static bool operator ==(ErrorCode left, ErrorCode right) => left.Equals(right);

    public static bool operator !=(ErrorCode left, ErrorCode right) => !left.Equals(right);

    // The string is the code's identity: two declarations of one code (a kind chosen per use) are the same code.
    public bool Equals(ErrorCode other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is ErrorCode other && Equals(other);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    public override string ToString() => Value;
}
