using FinPilot.Domain.Identity;
using FinPilot.Domain.Supervision;
using FinPilot.Web.Features.Identity;

namespace FinPilot.Web.Features.Supervision;

/// <summary>
/// What a user's grants let them see of the records kept about supervised pilots (obligations,
/// alerts, incidents, correction orders, …): everything for administrators, integrity officers and
/// the coordination group; their regions' records for a working group; their own organisation's for
/// an applicant. Built once from the grants, it restricts a list's SQL (<see cref="Apply{T}"/>) and
/// answers for a single record (<see cref="Covers(ISupervisedRecord)"/>), so a list and a record agree.
/// </summary>
public sealed record SupervisedScope(bool Everything, IReadOnlyList<int> Regions, IReadOnlyList<Guid> Organisations)
{
    /// <summary>Whoever sees nothing at all of supervised records (experts, secretariats, …).</summary>
    public bool Nothing => !Everything && Regions.Count == 0 && Organisations.Count == 0;

    public static SupervisedScope Of(IReadOnlyList<RoleGrant> grants)
    {
        ArgumentNullException.ThrowIfNull(grants);
        return grants.Any(g => g.Role is Role.PlatformAdmin or Role.IntegrityOfficer or Role.CoordinationGroup)
            ? new SupervisedScope(true, [], [])
            : new SupervisedScope(
                false,
                [.. grants.Where(g => g.Role == Role.RegionalWorkingGroup && g.RegionId is not null).Select(g => g.RegionId!.Value).Distinct()],
                [.. grants.Where(g => g.Role == Role.Applicant && g.OrganisationId is not null).Select(g => g.OrganisationId!.Value).Distinct()]);
    }

    /// <summary>The scope of the signed-in user of this request (whose grants are read once per request).</summary>
    public static async Task<SupervisedScope> OfAsync(CurrentUser current, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(current);
        return Of(await current.GrantsAsync(cancellationToken));
    }

    /// <summary>Whether a record of that region and organisation is the caller's to see.</summary>
    public bool Covers(int regionId, Guid organisationId) =>
        Everything || Regions.Contains(regionId) || Organisations.Contains(organisationId);

    public bool Covers(ISupervisedRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return Covers(record.RegionId, record.OrganisationId);
    }

    /// <summary>
    /// Whether a list may name that region and organisation (either may be null): a named region must
    /// be one the caller's working group runs, a named organisation the caller's own (a working group
    /// may name any organisation: its list stays restricted to its regions). Naming nothing is allowed
    /// to whoever sees anything.
    /// </summary>
    public bool Allows(int? regionId, Guid? organisationId) =>
        Everything
        || (organisationId is { } organisation
            ? Organisations.Contains(organisation) || (Regions.Count > 0 && (regionId is not { } within || Regions.Contains(within)))
            : regionId is { } region ? Regions.Contains(region) : !Nothing);

    /// <summary>
    /// <paramref name="query"/> restricted in SQL to what the caller may see, then to the region,
    /// organisation and project a list names (each optional).
    /// </summary>
    public IQueryable<T> Apply<T>(IQueryable<T> query, int? regionId = null, Guid? organisationId = null, Guid? projectId = null)
        where T : class, ISupervisedRecord
    {
        ArgumentNullException.ThrowIfNull(query);
        if (!Everything)
        {
            var regions = Regions.ToList();
            var organisations = Organisations.ToList();
            query = query.Where(r => regions.Contains(r.RegionId) || organisations.Contains(r.OrganisationId));
        }

        if (regionId is { } region)
        {
            query = query.Where(r => r.RegionId == region);
        }

        if (organisationId is { } organisation)
        {
            query = query.Where(r => r.OrganisationId == organisation);
        }

        if (projectId is { } project)
        {
            query = query.Where(r => r.ProjectId == project);
        }

        return query;
    }
}
