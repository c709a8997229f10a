using System.Linq.Expressions;
using FinPilot.Domain.Identity;

namespace FinPilot.Web.Features.Search;

/// <summary>
/// What a user may open, as lists of regions and organisations per kind, so that the search filters
/// in SQL with the same rules as the pages: calls in draft by <see cref="Access.CanViewDraftCallsIn"/>,
/// applications and projects as <c>ProjectAccess.CanView</c> (the working group of the region, the
/// national roles, the applicant's own organisation), organisations by <see cref="Access.CanListOrganisations"/>
/// or the applicant's own, notices not public by <see cref="Access.CanManageNoticesIn"/>. What is
/// public (a published call or notice, a public record) anyone signed in may find.
/// </summary>
public sealed record SearchScope(
    IReadOnlyList<int> DraftCallRegions,
    IReadOnlyList<int> ProjectRegions,
    IReadOnlyList<Guid> OwnOrganisations,
    bool AllOrganisations,
    IReadOnlyList<int> NoticeRegions)
{
    public static SearchScope Of(IReadOnlyList<RoleGrant> grants, IReadOnlyList<int> regionIds) => new(
        [.. regionIds.Where(grants.CanViewDraftCallsIn)],
        [.. regionIds.Where(r => grants.Any(g => ViewsProjectsIn(g, r)))],
        [.. grants.Where(g => g.Role == Role.Applicant && g.OrganisationId is not null).Select(g => g.OrganisationId!.Value).Distinct()],
        grants.CanListOrganisations(),
        [.. regionIds.Where(grants.CanManageNoticesIn)]);

    /// <summary>The staff search is for staff who list organisations (not experts, not applicants).</summary>
    public static bool MaySearch(IReadOnlyList<RoleGrant> grants) => grants.CanListOrganisations();

    /// <summary>The rows this scope may open, as a predicate EF translates to SQL.</summary>
    public Expression<Func<SearchDocument, bool>> Visible()
    {
        var calls = DraftCallRegions.ToList();
        var projects = ProjectRegions.ToList();
        var own = OwnOrganisations.ToList();
        var all = AllOrganisations;
        var notices = NoticeRegions.ToList();
        return d => d.Public
            || (d.Kind == SearchKind.Call && d.RegionId != null && calls.Contains(d.RegionId.Value))
            || ((d.Kind == SearchKind.Application || d.Kind == SearchKind.Project)
                && ((d.RegionId != null && projects.Contains(d.RegionId.Value)) || (d.OrganisationId != null && own.Contains(d.OrganisationId.Value))))
            || (d.Kind == SearchKind.Organisation && (all || (d.OrganisationId != null && own.Contains(d.OrganisationId.Value))))
            || (d.Kind == SearchKind.Notice && d.RegionId != null && notices.Contains(d.RegionId.Value));
    }

    // ProjectAccess.CanView for every project of a region, the applicant's part aside.
    private static bool ViewsProjectsIn(RoleGrant grant, int regionId) => grant.Role switch
    {
        Role.PlatformAdmin or Role.CoordinationGroup or Role.IntegrityOfficer => true,
        Role.RegionalWorkingGroup => grant.CoversRegion(regionId),
        _ => false,
    };
}
