using FinPilot.Domain.Organisations;

namespace FinPilot.Web.Tests.Infrastructure;

/// <summary>Valid, unused 统一社会信用代码 for organisations that tests register.</summary>
public static class CreditCodes
{
    private const string Digits = "0123456789";

    /// <summary>An enterprise code (91…) in the given division with a random body and the right check character.</summary>
    public static string NewValid(string division = "110000")
    {
        var body = string.Concat(Enumerable.Range(0, 9).Select(_ => Digits[Random.Shared.Next(Digits.Length)]));
        var first17 = "91" + division + body;
        return first17 + UnifiedSocialCreditCode.CheckCharacter(first17);
    }

    /// <summary>The same code with a check character that is certainly wrong.</summary>
    public static string WithWrongCheckCharacter(string valid) =>
        valid[..17] + (valid[17] == '0' ? '1' : '0');
}
