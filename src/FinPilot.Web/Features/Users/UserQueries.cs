using FinPilot.Web.Data;
using FinPilot.Web.Features.Identity;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Users;

/// <summary>Reads of user accounts and their role assignments, for the administration pages and for naming people elsewhere.</summary>
public sealed class UserQueries(FinPilotDbContext db)
{
    public Task<User?> FindAsync(string id, CancellationToken cancellationToken = default) =>
        db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, cancellationToken);

    /// <summary>A user's role assignments, ordered by role.</summary>
    public Task<List<RoleAssignment>> AssignmentsAsync(string userId, CancellationToken cancellationToken = default) =>
        db.RoleAssignments.AsNoTracking().Where(a => a.UserId == userId).OrderBy(a => a.Role).ToListAsync(cancellationToken);

    /// <summary>The role assignments of the given users: the roles column of one page of users.</summary>
    public Task<List<RoleAssignment>> AssignmentsOfAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken = default) =>
        db.RoleAssignments.AsNoTracking().Where(a => userIds.Contains(a.UserId)).ToListAsync(cancellationToken);

    /// <summary>The display names of the given users by id; ids that name no user are left out.</summary>
    public Task<Dictionary<string, string>> DisplayNamesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default) =>
        db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
}
