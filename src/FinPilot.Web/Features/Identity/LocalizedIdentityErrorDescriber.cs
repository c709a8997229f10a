using System.Globalization;
using FinPilot.Web.Resources;
using Microsoft.AspNetCore.Identity;

namespace FinPilot.Web.Features.Identity;

/// <summary>Identity's own messages (password rules, duplicates) in the user's language.</summary>
public sealed class LocalizedIdentityErrorDescriber : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) => Describe(nameof(PasswordTooShort), Format(IdentityStrings.Identity_PasswordTooShort, length));

    public override IdentityError PasswordRequiresDigit() => Describe(nameof(PasswordRequiresDigit), IdentityStrings.Identity_PasswordRequiresDigit);

    public override IdentityError PasswordRequiresLower() => Describe(nameof(PasswordRequiresLower), IdentityStrings.Identity_PasswordRequiresLower);

    public override IdentityError PasswordRequiresUpper() => Describe(nameof(PasswordRequiresUpper), IdentityStrings.Identity_PasswordRequiresUpper);

    public override IdentityError PasswordRequiresNonAlphanumeric() => Describe(nameof(PasswordRequiresNonAlphanumeric), IdentityStrings.Identity_PasswordRequiresNonAlphanumeric);

    public override IdentityError PasswordMismatch() => Describe(nameof(PasswordMismatch), IdentityStrings.Identity_PasswordMismatch);

    public override IdentityError DuplicateEmail(string email) => Describe(nameof(DuplicateEmail), Format(IdentityStrings.Identity_DuplicateEmail, email));

    public override IdentityError DuplicateUserName(string userName) => Describe(nameof(DuplicateUserName), Format(IdentityStrings.Identity_DuplicateEmail, userName));

    public override IdentityError InvalidEmail(string? email) => Describe(nameof(InvalidEmail), Strings.Error_Field_InvalidEmail);

    public override IdentityError InvalidToken() => Describe(nameof(InvalidToken), IdentityStrings.Identity_InvalidToken);

    private static IdentityError Describe(string code, string description) => new() { Code = code, Description = description };

    private static string Format(string template, object value) => string.Format(CultureInfo.CurrentUICulture, template, value);
}
