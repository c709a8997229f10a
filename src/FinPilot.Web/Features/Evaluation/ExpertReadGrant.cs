using FinPilot.Domain.Evaluation.Rounds;
using FinPilot.Domain.Projects;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Applications;
using FinPilot.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Evaluation;

/// <summary>
/// Lets an expert read a project's application and files while a round is being scored, but only
/// with an assignment they cleared of conflicts, and only while the rules find no conflict now.
/// Every read through this grant is in the audit trail.
/// </summary>
public sealed class ExpertReadGrant(FinPilotDbContext db, ConflictFinder conflicts, AuditLog audit) : IProjectReadGrant
{
    public async Task<bool> AllowsAsync(PilotProject project, string userId, CancellationToken cancellationToken)
    {
        var assignment = await (
            from a in db.ExpertAssignments.AsNoTracking()
            where a.ProjectId == project.Id && a.ExpertUserId == userId && a.ClearedAt != null && a.ConflictDeclaredAt == null
            join r in db.EvaluationRounds.AsNoTracking() on a.RoundId equals r.Id
            where r.Status == RoundStatus.Scoring
            select new { a.Id, a.RoundId, Period = new RoundPeriod(r.OpenedAt, r.CompletedAt) }).FirstOrDefaultAsync(cancellationToken);
        if (assignment is null || !await db.RoleAssignments.AnyAsync(g => g.UserId == userId && g.Role == Domain.Identity.Role.Expert, cancellationToken))
        {
            return false;
        }

        if ((await conflicts.FindAsync(userId, project.Id, assignment.Period, cancellationToken)).Count > 0)
        {
            return false;
        }

        // A read is written at once, and like every read without a region.
        await audit.WriteAsync(AuditLines.Project(AuditActions.MaterialsViewed, project.Id, null, new { assignmentId = assignment.Id, via = "application" }), cancellationToken);
        return true;
    }
}
