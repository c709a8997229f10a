using System.Text.RegularExpressions;
using FinPilot.Domain.Common;

namespace FinPilot.Domain.Disclosure;

public enum PublicContactKind
{
    Email = 1,
    Phone = 2,
}

/// <summary>
/// How a member of the public can be reached about an objection: an e-mail address or a phone
/// number. The check is about form, not existence; it catches typing slips, such as a digit
/// missing from a mobile number or an address without a domain.
/// </summary>
/// <remarks>
/// Phone numbers may be written with spaces, hyphens and brackets. Accepted: a mainland mobile
/// number (11 digits, 1[3-9]…); a landline with its area code (0 + 2–3 digits + 7–8 digits, e.g.
/// 010-8888 6666, 0755-1234567); any international number in E.164 form (+ and 7–15 digits,
/// e.g. +86 138 0013 8000, 00852 2123 4567). A landline without area code is refused, because the
/// working group may sit in another city. Extensions are not understood.
/// </remarks>
public static partial class PublicContact
{
    public const int MaxLength = 254;

    /// <summary>Which form the contact takes, or null when it is neither (or blank).</summary>
    public static PublicContactKind? KindOf(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        value = value.Trim();
        if (value.Contains('@', StringComparison.Ordinal))
        {
            return IsEmail(value) ? PublicContactKind.Email : null;
        }

        return IsPhone(value) ? PublicContactKind.Phone : null;
    }

    /// <summary>Errors for an optional contact field: too long, or neither e-mail nor phone.</summary>
    public static IEnumerable<Error> Errors(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            yield break;
        }

        if (value.Trim().Length > MaxLength)
        {
            yield return new Error(Text.TooLongCode, field, MaxLength);
        }
        else if (KindOf(value) is null)
        {
            yield return new Error(DisclosureErrors.ContactInvalid, field);
        }
    }

    /// <summary>local@domain.tld: one @, no spaces, a dotted domain of letters, digits and inner hyphens.</summary>
    public static bool IsEmail(string value)
    {
        if (value.Length > MaxLength)
        {
            return false;
        }

        var at = value.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at != value.LastIndexOf('@'))
        {
            return false;
        }

        var local = value[..at];
        var domain = value[(at + 1)..];
        if (local.Length > 64 || local.StartsWith('.') || local.EndsWith('.') || local.Contains("..", StringComparison.Ordinal)
            || local.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '"' or '(' or ')' or ',' or ':' or ';' or '<' or '>' or '[' or ']' or '\\'))
        {
            return false;
        }

        var labels = domain.Split('.');
        return labels.Length >= 2
            && labels.All(l => l.Length is > 0 and <= 63 && l.All(c => char.IsLetterOrDigit(c) || c == '-') && !l.StartsWith('-') && !l.EndsWith('-'))
            && !labels[^1].All(char.IsAsciiDigit);
    }

    public static bool IsPhone(string value)
    {
        var compact = Separators().Replace(value.Trim(), string.Empty);
        return MainlandMobile().IsMatch(compact) || MainlandLandline().IsMatch(compact) || International().IsMatch(compact);
    }

    // Chinese input methods type full-width brackets and hyphens.
    [GeneratedRegex(@"[\s\-()（）－]")]
    private static partial Regex Separators();

    [GeneratedRegex(@"^1[3-9][0-9]{9}$")]
    private static partial Regex MainlandMobile();

    [GeneratedRegex(@"^0[1-9][0-9]{8,10}$")]
    private static partial Regex MainlandLandline();

    [GeneratedRegex(@"^(?:\+|00)[1-9][0-9]{6,14}$")]
    private static partial Regex International();
}
