using FinPilot.Domain.Common;

namespace FinPilot.Domain.Organisations;

/// <summary>
/// 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character alphabet (no I, O, Z, S, V),
/// the last being a check character computed modulo 31 over the first 17.
/// </summary>
public sealed record UnifiedSocialCreditCode
{
    public const int Length = 18;

    internal const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    private UnifiedSocialCreditCode(string value) => Value = value;

    public string Value { get; }

    /// <summary>The six-digit administrative division code (positions 3–8).</summary>
    public string DivisionCode => Value.Substring(2, 6);

    public override string ToString() => Value;

    public static Result<UnifiedSocialCreditCode> Parse(string? input, string field = "CreditCode")
    {
        // People paste codes with spaces and lower case from scanned licences; neither changes the code.
        var text = (input ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal).Trim().ToUpperInvariant();
        if (text.Length == 0)
        {
            return new Error(CreditCodeErrors.Required, field);
        }

        if (text.Length != Length)
        {
            return new Error(CreditCodeErrors.WrongLength, field, text.Length);
        }

        for (var i = 0; i < Length; i++)
        {
            if (Alphabet.IndexOf(text[i], StringComparison.Ordinal) < 0)
            {
                return new Error(CreditCodeErrors.InvalidCharacter, field, i + 1, text[i]);
            }
        }

        for (var i = 2; i < 8; i++)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                return new Error(CreditCodeErrors.InvalidDivision, field);
            }
        }

        if (CheckCharacter(text.AsSpan(0, Length - 1)) != text[Length - 1])
        {
            return new Error(CreditCodeErrors.WrongCheckCharacter, field);
        }

        return new UnifiedSocialCreditCode(text);
    }

    public static bool IsValid(string? input) => Parse(input).Succeeded;

    /// <summary>The check character for the first 17 characters of a code.</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != Length - 1)
        {
            throw new ArgumentException("Seventeen characters are needed.", nameof(first17));
        }

        var sum = 0;
        for (var i = 0; i < first17.Length; i++)
        {
            var value = Alphabet.IndexOf(first17[i], StringComparison.Ordinal);
            if (value < 0)
            {
                throw new ArgumentException($"'{first17[i]}' is not in the code alphabet.", nameof(first17));
            }

            sum += value * Weights[i];
        }

        var check = (31 - (sum % 31)) % 31;
        return Alphabet[check];
    }
}

public static class CreditCodeErrors
{
    public static readonly ErrorCode Required = ErrorCode.Validation("CreditCode.Required");
    public static readonly ErrorCode WrongLength = ErrorCode.Validation("CreditCode.WrongLength");
    public static readonly ErrorCode InvalidCharacter = ErrorCode.Validation("CreditCode.InvalidCharacter");
    public static readonly ErrorCode InvalidDivision = ErrorCode.Validation("CreditCode.InvalidDivision");
    public static readonly ErrorCode WrongCheckCharacter = ErrorCode.Validation("CreditCode.WrongCheckCharacter");
}
