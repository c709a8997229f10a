using FinPilot.Domain.Regions;
using FinPilot.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Regions;

/// <summary>
/// Reads of regions for pages and other modules: every page that names a region or offers a choice of
/// regions asks here. Regions are few (one per pilot area), so the lists are not paged.
/// </summary>
public sealed class RegionQueries(FinPilotDbContext db)
{
    /// <summary>All regions, or only the active ones, in the order they were created.</summary>
    public Task<List<Region>> ListAsync(bool activeOnly = false, CancellationToken cancellationToken = default) =>
        db.Regions.AsNoTracking().Where(r => !activeOnly || r.Active).OrderBy(r => r.Id).ToListAsync(cancellationToken);

    /// <summary>All regions (or the active ones) by id, in the order they were created: for naming a region in a list.</summary>
    public async Task<Dictionary<int, Region>> ByIdAsync(bool activeOnly = false, CancellationToken cancellationToken = default) =>
        (await ListAsync(activeOnly, cancellationToken)).ToDictionary(r => r.Id);

    /// <summary>The given regions in the order they were created: the choice of regions a user may act in.</summary>
    public Task<List<Region>> InAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken = default) =>
        db.Regions.AsNoTracking().Where(r => ids.Contains(r.Id)).OrderBy(r => r.Id).ToListAsync(cancellationToken);

    public Task<Region?> FindAsync(int id, CancellationToken cancellationToken = default) =>
        db.Regions.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
}
