using Microsoft.AspNetCore.Identity;

namespace FinPilot.Web.Features.Identity;

/// <summary>A person who signs in. What they may do comes from their <see cref="RoleAssignment"/>s.</summary>
public sealed class User : IdentityUser
{
    public const int MaxDisplayNameLength = 100;

    [PersonalData]
    public string DisplayName { get; set; } = string.Empty;

    /// <summary>Set for a printed one-time password: the user must choose their own before doing anything.</summary>
    public bool MustChangePassword { get; set; }

    /// <summary>"zh-CN" or "en"; null means the platform default.</summary>
    public string? PreferredCulture { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public bool Disabled { get; set; }
}
