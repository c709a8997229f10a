using FinPilot.Domain.Organisations;

namespace FinPilot.Domain.Identity;

/// <summary>
/// Who may do what to which record, answered from a user's role grants alone so that every
/// endpoint and page asks the same question the same way.
/// </summary>
public static class Access
{
    public static bool IsAdmin(this IEnumerable<RoleGrant> grants) => grants.Any(g => g.Role == Role.PlatformAdmin);

    public static bool Has(this IEnumerable<RoleGrant> grants, Role role) => grants.Any(g => g.Role == role);

    public static bool CanManageRegions(this IEnumerable<RoleGrant> grants) => grants.IsAdmin();

    public static bool CanManageUsers(this IEnumerable<RoleGrant> grants) => grants.IsAdmin();

    public static bool CanReadAudit(this IEnumerable<RoleGrant> grants) =>
        grants.Any(g => g.Role is Role.PlatformAdmin or Role.IntegrityOfficer);

    /// <summary>
    /// The region's working group, or an admin anywhere: who runs a region's calls, notices,
    /// organisations and screening. The one place this scope is written.
    /// </summary>
    public static bool RunsRegion(this IEnumerable<RoleGrant> grants, int regionId) =>
        grants.Any(g => g.Role == Role.PlatformAdmin || (g.Role == Role.RegionalWorkingGroup && g.CoversRegion(regionId)));

    /// <summary>Admins anywhere, working groups only in their own region.</summary>
    public static bool CanManageOrganisationsIn(this IEnumerable<RoleGrant> grants, int regionId) => grants.RunsRegion(regionId);

    public static bool CanManageOrganisation(this IEnumerable<RoleGrant> grants, Organisation organisation) =>
        grants.CanManageOrganisationsIn(organisation.RegionId);

    /// <summary>Staff read every organisation (they are checked for conflicts); applicants only their own.</summary>
    public static bool CanViewOrganisation(this IEnumerable<RoleGrant> grants, Organisation organisation) =>
        grants.Any(g => g.Role.IsStaff() && g.Role != Role.Expert) || grants.Any(g => g.CoversOrganisation(organisation.Id));

    public static bool CanListOrganisations(this IEnumerable<RoleGrant> grants) =>
        grants.Any(g => g.Role.IsStaff() && g.Role != Role.Expert);

    /// <summary>Calls (征集公告) are run by the region's working group; admins may act anywhere.</summary>
    public static bool CanManageCallsIn(this IEnumerable<RoleGrant> grants, int regionId) => grants.RunsRegion(regionId);

    /// <summary>Public notices (公示) are the region's working group's too: their own permission, not the calls one.</summary>
    public static bool CanManageNoticesIn(this IEnumerable<RoleGrant> grants, int regionId) => grants.RunsRegion(regionId);

    /// <summary>Drafts are private to the people who run calls and those who oversee them nationally.</summary>
    public static bool CanViewDraftCallsIn(this IEnumerable<RoleGrant> grants, int regionId) =>
        grants.CanManageCallsIn(regionId) || grants.Any(g => g.Role is Role.CoordinationGroup or Role.IntegrityOfficer);

    /// <summary>An organisation's own applicants choose which regions' calls it hears about.</summary>
    public static bool CanSubscribeToCalls(this IEnumerable<RoleGrant> grants, Guid organisationId) =>
        grants.Any(g => g.CoversOrganisation(organisationId));
}
