using System.Security.Cryptography;
using FinPilot.Domain.Common;
using FinPilot.Domain.Identity;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Audit;
using FinPilot.Web.Features.Commands;
using FinPilot.Web.Features.Identity;
using FinPilot.Web.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Users;

public sealed record NewUser(string Email, string DisplayName, string? Password = null);

/// <summary>The account and a password it must replace at first sign-in, when none was given.</summary>
public sealed record CreatedUser(User User, string? OneTimePassword);

/// <summary>What an unlock lifted: the lockout then in force (null when there was none) and the failed sign-ins counted towards the next.</summary>
public sealed record Unlocked(bool WasLockedOut, DateTimeOffset? LockedOutUntil, int FailedSignIns);

/// <summary>
/// Accounts and their role grants. Used by the admin pages and API with the current user's
/// rights, and by the command line and demo seed as the system (<see cref="AsSystem"/>).
/// </summary>
public sealed class UserAdministration(FinPilotDbContext db, UserManager<User> users, CurrentUser current, CommandPipeline commands, TimeProvider clock)
{
    private bool _system;

    /// <summary>For trusted callers with no signed-in user: the CLI and the demo seed.</summary>
    public UserAdministration AsSystem()
    {
        _system = true;
        return this;
    }

    public async Task<Page<User>> SearchAsync(string? search, int? page, int? pageSize, CancellationToken cancellationToken = default)
    {
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim().ToUpperInvariant();
            query = query.Where(u => u.NormalizedEmail!.Contains(term) || u.DisplayName.ToUpper().Contains(term));
        }

        var (number, size) = Page<User>.Normalise(page, pageSize);
        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderBy(u => u.Email).Skip((number - 1) * size).Take(size).ToListAsync(cancellationToken);
        return new Page<User>(items, number, size, total);
    }

    public async Task<Result<CreatedUser>> CreateAsync(NewUser input, CancellationToken cancellationToken = default)
    {
        if (!await AllowedAsync(cancellationToken))
        {
            return Problems.Forbidden;
        }

        var errors = Text.Required(input.Email, nameof(NewUser.Email), 254)
            .Concat(Text.OptionalEmail(input.Email, nameof(NewUser.Email)))
            .Concat(Text.Required(input.DisplayName, nameof(NewUser.DisplayName), User.MaxDisplayNameLength))
            .ToList();
        if (errors.Count > 0)
        {
            return Result<CreatedUser>.Fail([.. errors]);
        }

        var oneTime = input.Password is null ? OneTimePassword() : null;
        var user = new User
        {
            UserName = input.Email.Trim(),
            Email = input.Email.Trim(),
            EmailConfirmed = true,
            DisplayName = input.DisplayName.Trim(),
            MustChangePassword = oneTime is not null,
            CreatedAt = clock.GetUtcNow(),
        };
        var created = await users.CreateAsync(user, input.Password ?? oneTime!);
        if (!created.Succeeded)
        {
            return Result<CreatedUser>.Fail([.. created.Errors.DistinctBy(e => e.Description).Select(e => IdentityError(e, input.Password is null ? nameof(NewUser.Email) : nameof(NewUser.Password)))]);
        }

        await commands.SaveAsync(cancellationToken, AuditLines.User(AuditActions.UserCreated, user.Id, new { user.Email, user.DisplayName, oneTimePassword = oneTime is not null }, actorName: ActorName()));
        return new CreatedUser(user, oneTime);
    }

    public async Task<Result<RoleAssignment>> GrantAsync(string userId, Role role, int? regionId, Guid? organisationId, CancellationToken cancellationToken = default)
    {
        if (!await AllowedAsync(cancellationToken))
        {
            return Problems.Forbidden;
        }

        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null)
        {
            return new Error(UserErrors.NotFound);
        }

        var grant = RoleGrant.Create(role, regionId, organisationId);
        if (!grant.Succeeded)
        {
            return Result<RoleAssignment>.Fail([.. grant.Errors]);
        }

        if (regionId is { } r && !await db.Regions.AnyAsync(x => x.Id == r, cancellationToken))
        {
            return new Error(UserErrors.RegionUnknown, "RegionId");
        }

        if (organisationId is { } o && !await db.Organisations.AnyAsync(x => x.Id == o, cancellationToken))
        {
            return new Error(UserErrors.OrganisationUnknown, "OrganisationId");
        }

        if (await db.RoleAssignments.AnyAsync(a => a.UserId == userId && a.Role == role && a.RegionId == regionId && a.OrganisationId == organisationId, cancellationToken))
        {
            return new Error(UserErrors.AlreadyGranted, "Role");
        }

        var assignment = RoleAssignment.For(userId, grant.Value, clock.GetUtcNow(), current.Id);
        db.RoleAssignments.Add(assignment);
        await commands.SaveAsync(cancellationToken, AuditLines.User(AuditActions.RoleGranted, userId, new { role = role.ToString(), regionId, organisationId }, regionId, ActorName()));
        await users.UpdateSecurityStampAsync(user);
        return assignment;
    }

    public async Task<Result> RevokeAsync(string userId, Guid assignmentId, CancellationToken cancellationToken = default)
    {
        if (!await AllowedAsync(cancellationToken))
        {
            return Problems.Forbidden;
        }

        var assignment = await db.RoleAssignments.SingleOrDefaultAsync(a => a.Id == assignmentId && a.UserId == userId, cancellationToken);
        if (assignment is null)
        {
            return new Error(UserErrors.NotFound);
        }

        if (assignment.Role == Role.PlatformAdmin && userId == current.Id)
        {
            // Taking away one's own administration would leave nobody to give it back.
            return new Error(UserErrors.CannotRevokeOwnAdmin, "Role");
        }

        db.RoleAssignments.Remove(assignment);
        await commands.SaveAsync(cancellationToken, AuditLines.User(AuditActions.RoleRevoked, userId, new { role = assignment.Role.ToString(), assignment.RegionId, assignment.OrganisationId }, assignment.RegionId, ActorName()));
        if (await users.FindByIdAsync(userId) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
        }

        return Result.Ok();
    }

    /// <summary>
    /// Lifts a lockout before it runs out and forgets the failed sign-ins, so the account may sign in
    /// at once and has its full five tries again. An account with nothing to lift is left alone,
    /// unaudited, and the answer says so (<see cref="Unlocked.WasLockedOut"/> false, no failures).
    /// </summary>
    public async Task<Result<Unlocked>> UnlockAsync(string userId, CancellationToken cancellationToken = default)
    {
        if (!await AllowedAsync(cancellationToken))
        {
            return Problems.Forbidden;
        }

        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return new Error(UserErrors.NotFound);
        }

        var lockedOutUntil = user.LockoutEnd > clock.GetUtcNow() ? user.LockoutEnd : null;
        var unlocked = new Unlocked(lockedOutUntil is not null, lockedOutUntil, user.AccessFailedCount);
        if (user.LockoutEnd is null && user.AccessFailedCount == 0)
        {
            return unlocked;
        }

        if (user.LockoutEnd is not null)
        {
            var cleared = await users.SetLockoutEndDateAsync(user, null);
            if (!cleared.Succeeded)
            {
                return Result<Unlocked>.Fail([.. cleared.Errors.Select(e => IdentityError(e, "Id"))]);
            }
        }

        var reset = await users.ResetAccessFailedCountAsync(user);
        if (!reset.Succeeded)
        {
            return Result<Unlocked>.Fail([.. reset.Errors.Select(e => IdentityError(e, "Id"))]);
        }

        await commands.SaveAsync(cancellationToken, AuditLines.User(AuditActions.UserUnlocked, user.Id, new { lockedOutUntil, failedSignIns = unlocked.FailedSignIns }, actorName: ActorName()));
        return unlocked;
    }

    private async Task<bool> AllowedAsync(CancellationToken cancellationToken) =>
        _system || await commands.AllowsAsync(null, PlatformOperations.ManageUsers);

    private string? ActorName() => _system ? "system" : null;

    private static Error IdentityError(IdentityError error, string field) =>
        new(ErrorCode.Validation("Identity." + error.Code), error.Code.StartsWith("Password", StringComparison.Ordinal) ? "Password" : field, error.Description);

    /// <summary>Long enough to be safe for a day, with every character class the policy asks for.</summary>
    public static string OneTimePassword() =>
        "Fp-" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(12)).Replace('+', 'x').Replace('/', 'y') + "7a";
}

public static class UserErrors
{
    public static readonly ErrorCode NotFound = ErrorCode.NotFound("User.NotFound");
    public static readonly ErrorCode RegionUnknown = ErrorCode.Validation("User.RegionUnknown");
    public static readonly ErrorCode OrganisationUnknown = ErrorCode.Validation("User.OrganisationUnknown");
    public static readonly ErrorCode AlreadyGranted = ErrorCode.Validation("User.AlreadyGranted");
    public static readonly ErrorCode CannotRevokeOwnAdmin = ErrorCode.Validation("User.CannotRevokeOwnAdmin");
}
