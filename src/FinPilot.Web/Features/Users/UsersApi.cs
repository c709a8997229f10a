using FinPilot.Domain.Identity;
using FinPilot.Web.Data;
using FinPilot.Web.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Users;

public static class UsersApi
{
    /// <summary><see cref="LockedOutUntil"/> is when a lockout in force ends, null when the account is not locked out.</summary>
    public sealed record UserDto(string Id, string? Email, string DisplayName, bool TwoFactorEnabled, bool LockedOut, DateTimeOffset? LockedOutUntil, IReadOnlyList<AssignmentDto> Roles);

    public sealed record AssignmentDto(Guid Id, Role Role, int? RegionId, Guid? OrganisationId);

    /// <summary>The one-time password is shown in this response only.</summary>
    public sealed record CreatedUserDto(UserDto User, string? OneTimePassword);

    public sealed record GrantRequest(Role Role, int? RegionId, Guid? OrganisationId);

    public static IEndpointRouteBuilder MapUsersApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/users", "Users").RequireAuthorization(p => p.RequireRole(nameof(Role.PlatformAdmin)));
        group.MapGet("/", Search).WithName("SearchUsers").WithSummary("Accounts by e-mail or name, paged (platform administrators).");
        group.MapGet("/{id}", Get).WithName("GetUser").WithSummary("One account with its roles.");
        group.MapPost("/", Create).WithName("CreateUser")
            .WithSummary("Create an account; without a password a one-time password is returned, to be changed at first sign-in.");
        group.MapPost("/{id}/roles", Grant).WithName("GrantRole").WithSummary("Give a role with its scope (region or organisation).");
        group.MapDelete("/{id}/roles/{assignmentId:guid}", Revoke).WithName("RevokeRole").WithSummary("Take a role away.");
        group.MapPost("/{id}/unlock", Unlock).WithName("UnlockUser")
            .WithSummary("Lift a sign-in lockout now and clear the failed sign-ins; says what was lifted (nothing, for an account not locked out).");
        return app;
    }

    private static async Task<Ok<Page<UserDto>>> Search(string? q, int? page, int? pageSize, UserAdministration users, FinPilotDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var found = await users.SearchAsync(q, page, pageSize, ct);
        var ids = found.Items.Select(u => u.Id).ToList();
        var roles = await db.RoleAssignments.AsNoTracking().Where(a => ids.Contains(a.UserId)).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var items = found.Items.Select(u => new UserDto(
            u.Id, u.Email, u.DisplayName, u.TwoFactorEnabled, u.LockoutEnd > now, u.LockoutEnd > now ? u.LockoutEnd : null,
            roles.Where(a => a.UserId == u.Id).Select(a => new AssignmentDto(a.Id, a.Role, a.RegionId, a.OrganisationId)).ToList())).ToList();
        return TypedResults.Ok(new Page<UserDto>(items, found.PageNumber, found.PageSize, found.Total));
    }

    private static async Task<Results<Ok<UserDto>, ProblemHttpResult>> Get(string id, FinPilotDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var dto = await LoadAsync(id, db, clock, ct);
        return dto is null ? Problems.NotFound() : TypedResults.Ok(dto);
    }

    private static async Task<Results<Created<CreatedUserDto>, ProblemHttpResult>> Create(NewUser input, UserAdministration users, FinPilotDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var result = await users.CreateAsync(input, ct);
        if (!result.Succeeded)
        {
            return Problems.From(result.Errors);
        }

        var dto = await LoadAsync(result.Value.User.Id, db, clock, ct);
        return TypedResults.Created($"/api/v1/users/{dto!.Id}", new CreatedUserDto(dto, result.Value.OneTimePassword));
    }

    private static async Task<Results<Created<AssignmentDto>, ProblemHttpResult>> Grant(string id, GrantRequest request, UserAdministration users, CancellationToken ct)
    {
        var result = await users.GrantAsync(id, request.Role, request.RegionId, request.OrganisationId, ct);
        return result.ToHttp(a => TypedResults.Created($"/api/v1/users/{id}", new AssignmentDto(a.Id, a.Role, a.RegionId, a.OrganisationId)));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Revoke(string id, Guid assignmentId, UserAdministration users, CancellationToken ct)
    {
        var result = await users.RevokeAsync(id, assignmentId, ct);
        return result.ToHttp();
    }

    private static async Task<Results<Ok<Unlocked>, ProblemHttpResult>> Unlock(string id, UserAdministration users, CancellationToken ct)
    {
        var result = await users.UnlockAsync(id, ct);
        return result.ToHttp(value => TypedResults.Ok(value));
    }

    private static async Task<UserDto?> LoadAsync(string id, FinPilotDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, ct);
        if (user is null)
        {
            return null;
        }

        var roles = await db.RoleAssignments.AsNoTracking().Where(a => a.UserId == id)
            .Select(a => new AssignmentDto(a.Id, a.Role, a.RegionId, a.OrganisationId)).ToListAsync(ct);
        var now = clock.GetUtcNow();
        return new UserDto(user.Id, user.Email, user.DisplayName, user.TwoFactorEnabled, user.LockoutEnd > now, user.LockoutEnd > now ? user.LockoutEnd : null, roles);
    }
}
