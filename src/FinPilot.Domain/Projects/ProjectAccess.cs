using FinPilot.Domain.Identity;

namespace FinPilot.Domain.Projects;

/// <summary>Who may read a project's application and files (who may move it is <see cref="ProjectPolicy"/>).</summary>
public static class ProjectAccess
{
    /// <summary>
    /// The lead organisation's applicants; the region's working group; administrators, the
    /// coordination group and integrity officers nationally. Experts come through assignments
    /// (evaluation), never through their role alone.
    /// </summary>
    public static bool CanView(this IEnumerable<RoleGrant> grants, PilotProject project) =>
        grants.Any(g => g.Role switch
        {
            Role.PlatformAdmin or Role.CoordinationGroup or Role.IntegrityOfficer => true,
            Role.RegionalWorkingGroup => g.CoversRegion(project.RegionId),
            Role.Applicant => g.CoversOrganisation(project.LeadOrganisationId),
            _ => false,
        });

    /// <summary>Only the lead organisation's applicants write the application, and only while it is open.</summary>
    public static bool CanEditApplication(this IEnumerable<RoleGrant> grants, PilotProject project) =>
        project.CanEditApplication && grants.Any(g => g.CoversOrganisation(project.LeadOrganisationId));

    /// <summary>Working groups screen in their own region; administrators everywhere.</summary>
    public static bool CanScreen(this IEnumerable<RoleGrant> grants, int regionId) => grants.RunsRegion(regionId);
}
