using FinPilot.Domain.Identity;

namespace FinPilot.Domain.Evaluation;

/// <summary>
/// Who may do what in evaluation, from role grants alone. What an expert may see depends on their
/// assignments and conflicts, which are records: the evaluation feature checks those itself.
/// </summary>
public static class EvaluationAccess
{
    /// <summary>The expert pool is shared nationally; any secretariat (national or a sub-group) keeps it.</summary>
    public static bool CanManageExperts(this IEnumerable<RoleGrant> grants) =>
        grants.Any(g => g.Role is Role.PlatformAdmin or Role.EvaluationSecretariat);

    /// <summary>Rounds are built by the secretariat covering the call's region (a sub-group only its own).</summary>
    public static bool CanManageRoundsIn(this IEnumerable<RoleGrant> grants, int regionId) =>
        grants.Any(g => g.Role == Role.PlatformAdmin || (g.Role == Role.EvaluationSecretariat && g.CoversRegion(regionId)));

    /// <summary>
    /// Evaluation reports and round summaries: the secretariat of the region, the coordination group
    /// that reads them next, integrity officers, the region's working group and administrators.
    /// </summary>
    public static bool CanReadEvaluationResultsIn(this IEnumerable<RoleGrant> grants, int regionId) =>
        grants.CanManageRoundsIn(regionId)
        || grants.Any(g => g.Role is Role.CoordinationGroup or Role.IntegrityOfficer
            || (g.Role == Role.RegionalWorkingGroup && g.CoversRegion(regionId)));

    public static bool IsExpert(this IEnumerable<RoleGrant> grants) => grants.Any(g => g.Role == Role.Expert);

    public static bool CanReadIntegrityReport(this IEnumerable<RoleGrant> grants) =>
        grants.Any(g => g.Role is Role.PlatformAdmin or Role.IntegrityOfficer);
}
