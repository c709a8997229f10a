using FinPilot.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Evaluation;

/// <summary>Which evaluation round reported on a project: other modules link to that round's report.</summary>
public sealed class ProjectRounds(FinPilotDbContext db)
{
    /// <summary>For each of the given projects that has been in a round, the round whose report to link (the last one listed).</summary>
    public async Task<Dictionary<Guid, Guid>> ReportRoundsAsync(IReadOnlyCollection<Guid> projectIds, CancellationToken cancellationToken = default) =>
        (await db.RoundProjects.AsNoTracking().Where(rp => projectIds.Contains(rp.ProjectId)).ToListAsync(cancellationToken))
            .GroupBy(rp => rp.ProjectId).ToDictionary(g => g.Key, g => g.Last().RoundId);
}
