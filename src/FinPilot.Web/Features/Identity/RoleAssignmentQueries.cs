using FinPilot.Domain.Identity;
using FinPilot.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Identity;

public static class RoleAssignmentQueries
{
    /// <summary>The users holding a role, optionally only in one region or for one organisation: who a notice goes to.</summary>
    public static Task<List<string>> UserIdsWithAsync(this FinPilotDbContext db, Role role, int? regionId, Guid? organisationId, CancellationToken cancellationToken) =>
        db.RoleAssignments.AsNoTracking()
            .Where(a => a.Role == role && (regionId == null || a.RegionId == regionId) && (organisationId == null || a.OrganisationId == organisationId))
            .Select(a => a.UserId).Distinct().ToListAsync(cancellationToken);
}
