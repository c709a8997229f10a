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

    /// <summary>Admins anywhere, working groups only in their own region.</summary>
    public static bool CanManageOrganisationsIn(this IEnumerable<RoleGrant> grants, int regionId) =>
        grants.Any(g => g.Role == Role.PlatformAdmin || (g.Role == Role.RegionalWorkingGroup && g.CoversRegion(regionId)));

    public static bool CanManageOrganisation(this IEnumerable<RoleGrant> grants, Organisation organisation) =>
        grants.CanManageOrganisationsIn(organisation.RegionId);

    /// <summary>Staff read every organisation (they are checked for conflicts); applicants only their own.</summary>
    public static bool CanViewOrganisation(this IEnumerable<RoleGrant> grants, Organisation organisation) =>
        grants.Any(g => g.Role.IsStaff() && g.Role != Role.Expert) || grants.Any(g => g.CoversOrganisation(organisation.Id));

    public static bool CanListOrganisations(this IEnumerable<RoleGrant> grants) =>
        grants.Any(g => g.Role.IsStaff() && g.Role != Role.Expert);
}
