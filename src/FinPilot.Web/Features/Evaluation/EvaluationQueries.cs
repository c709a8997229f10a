using FinPilot.Domain.Organisations;
using FinPilot.Domain.Regions;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Applications;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Evaluation;

/// <summary>
/// What the evaluation pages read besides rounds and experts (organisations, regions, reference
/// items), in the order the pages show them, so that no page talks to the database itself.
/// </summary>
public sealed class EvaluationQueries(FinPilotDbContext db)
{
    /// <summary>Every organisation by its Chinese name: employers, conflicts, partners.</summary>
    public Task<List<Organisation>> OrganisationsAsync(CancellationToken cancellationToken = default) =>
        db.Organisations.AsNoTracking().OrderBy(o => o.NameZh).ToListAsync(cancellationToken);

    /// <summary>The organisations' names in the reader's language.</summary>
    public async Task<Dictionary<Guid, string>> OrganisationNamesAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken = default) =>
        (await db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToListAsync(cancellationToken)).ToDictionary(o => o.Id, FinPilot.Web.Components.Shared.Names.Of);

    public Task<List<Region>> RegionsAsync(CancellationToken cancellationToken = default) =>
        db.Regions.AsNoTracking().OrderBy(r => r.Id).ToListAsync(cancellationToken);

    /// <summary>The active scenarios and technologies an expert's profile may be tagged with.</summary>
    public Task<List<ReferenceItem>> ExpertTagsAsync(CancellationToken cancellationToken = default) =>
        db.ReferenceItems.AsNoTracking().Where(r => r.Active && r.Kind != ReferenceKind.Department)
            .OrderBy(r => r.Kind).ThenBy(r => r.SortOrder).ToListAsync(cancellationToken);

    /// <summary>Every reference item in its order, for showing an application's scenarios and technologies.</summary>
    public Task<List<ReferenceItem>> ReferenceItemsAsync(CancellationToken cancellationToken = default) =>
        db.ReferenceItems.AsNoTracking().OrderBy(r => r.SortOrder).ToListAsync(cancellationToken);
}
