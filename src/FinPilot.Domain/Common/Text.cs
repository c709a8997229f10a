namespace FinPilot.Domain.Common;

/// <summary>Checks shared by every free-text field, so limits and messages are the same everywhere.</summary>
public static class Text
{
    public static readonly ErrorCode RequiredCode = ErrorCode.Validation("Field.Required");
    public static readonly ErrorCode TooLongCode = ErrorCode.Validation("Field.TooLong");
    public static readonly ErrorCode InvalidEmailCode = ErrorCode.Validation("Field.InvalidEmail");

    public static IEnumerable<Error> Required(string? value, string field, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            yield return new Error(RequiredCode, field);
        }
        else if (value.Trim().Length > maxLength)
        {
            yield return new Error(TooLongCode, field, maxLength);
        }
    }

    public static IEnumerable<Error> Optional(string? value, string field, int maxLength)
    {
        if (value is not null && value.Trim().Length > maxLength)
        {
            yield return new Error(TooLongCode, field, maxLength);
        }
    }

    public static IEnumerable<Error> OptionalEmail(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            yield break;
        }

        // Addresses are stored trimmed (Clean), so spaces pasted around one are not an error.
        value = value.Trim();
        var at = value.IndexOf('@', StringComparison.Ordinal);
        if (value.Length > 254 || at <= 0 || at != value.LastIndexOf('@') || at == value.Length - 1 || value.Any(char.IsWhiteSpace))
        {
            yield return new Error(InvalidEmailCode, field);
        }
    }

    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
