using System.Security.Claims;
using FinPilot.Domain.Identity;
using FinPilot.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FinPilot.Web.Features.Identity;

public static class FinPilotClaimTypes
{
    public const string DisplayName = "fp:name";
    public const string TwoFactor = "fp:2fa";
    public const string MustChangePassword = "fp:must-change-password";
}

/// <summary>
/// Puts the user's roles into the sign-in cookie for navigation and group-level policies.
/// Resource checks do not trust these: <see cref="CurrentUser"/> reads the grants from the database.
/// </summary>
public sealed class FinPilotClaimsPrincipalFactory(
    UserManager<User> users,
    IOptions<IdentityOptions> options,
    FinPilotDbContext db)
    : UserClaimsPrincipalFactory<User>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(User user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(FinPilotClaimTypes.DisplayName, user.DisplayName));
        identity.AddClaim(new Claim(FinPilotClaimTypes.TwoFactor, user.TwoFactorEnabled ? "true" : "false"));
        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(FinPilotClaimTypes.MustChangePassword, "true"));
        }

        var roles = await db.RoleAssignments.Where(a => a.UserId == user.Id).Select(a => a.Role).Distinct().ToListAsync();
        foreach (var role in roles)
        {
            identity.AddClaim(new Claim(identity.RoleClaimType, role.ToString()));
        }

        return identity;
    }
}

public static class ClaimsPrincipalExtensions
{
    public static bool IsStaff(this ClaimsPrincipal user) =>
        Roles.All.Where(r => r.IsStaff()).Any(r => user.IsInRole(r.ToString()));

    public static bool IsIn(this ClaimsPrincipal user, Role role) => user.IsInRole(role.ToString());

    public static string DisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue(FinPilotClaimTypes.DisplayName) is { Length: > 0 } name ? name : user.Identity?.Name ?? string.Empty;
}
