using FinPilot.Domain.Identity;

namespace FinPilot.Domain.Projects;

/// <summary>
/// Who may pull which trigger on which project, answered from role grants alone so that the
/// endpoint, the page and the API ask the same question. A trigger the platform has not built
/// yet belongs to nobody, whatever its future owner.
/// </summary>
public static class ProjectPolicy
{
    private static readonly ProjectTrigger[] ApplicantTriggers =
        [ProjectTrigger.Submit, ProjectTrigger.Resubmit, ProjectTrigger.Withdraw, ProjectTrigger.RequestExit];

    private static readonly ProjectTrigger[] WorkingGroupTriggers =
    [
        ProjectTrigger.StartScreening, ProjectTrigger.ReturnForSupplement, ProjectTrigger.Accept, ProjectTrigger.Reject,
        ProjectTrigger.SendBackToDeliberation, ProjectTrigger.Admit, ProjectTrigger.OrderCorrection, ProjectTrigger.CloseCorrection,
    ];

    private static readonly ProjectTrigger[] CoordinationGroupTriggers =
        [ProjectTrigger.Approve, ProjectTrigger.RejectAfterDeliberation, ProjectTrigger.Terminate, ProjectTrigger.CompleteExit];

    /// <summary>
    /// Whether the user may pull <paramref name="trigger"/> on the project now: they are entitled
    /// to it (<see cref="MayPull"/>) and the lifecycle allows it from the current stage.
    /// </summary>
    /// <param name="actorOrganisationId">
    /// The organisation an applicant is acting for, when they belong to several; it must then be
    /// the lead organisation. Null when the user acts for no particular organisation.
    /// </param>
    public static bool CanMoveTo(PilotProject project, ProjectTrigger trigger, IReadOnlyList<RoleGrant> grants, Guid? actorOrganisationId) =>
        ProjectLifecycle.Check(project.Stage, trigger).Succeeded && MayPull(project, trigger, grants, actorOrganisationId);

    /// <summary>
    /// Whether the user is entitled to the trigger on this project at all, whatever its stage:
    /// the edge answers "forbidden" when not, and reports the lifecycle error when the stage is wrong.
    /// </summary>
    public static bool MayPull(PilotProject project, ProjectTrigger trigger, IReadOnlyList<RoleGrant> grants, Guid? actorOrganisationId)
    {
        if (!ProjectLifecycle.Implemented.Contains(trigger))
        {
            return false;
        }

        if (ApplicantTriggers.Contains(trigger))
        {
            return IsLeadApplicant(project, grants, actorOrganisationId);
        }

        if (trigger == ProjectTrigger.CompleteEvaluation)
        {
            return IsSecretariat(project, grants);
        }

        if (CoordinationGroupTriggers.Contains(trigger))
        {
            return IsCoordinationGroup(grants);
        }

        return WorkingGroupTriggers.Contains(trigger) && IsWorkingGroup(project, grants);
    }

    /// <summary>
    /// Whether the user may confirm the approval conditions (<see cref="PilotProject.ConfirmConditions"/>):
    /// only the lead institution's applicants accept conditions on its behalf. The stage and the
    /// conditions themselves are the aggregate's to check.
    /// </summary>
    public static bool MayConfirmConditions(PilotProject project, IReadOnlyList<RoleGrant> grants, Guid? actorOrganisationId) =>
        IsLeadApplicant(project, grants, actorOrganisationId);

    /// <summary>The triggers the user may pull now, in the order they are declared, for the page to offer.</summary>
    public static IReadOnlyList<ProjectTrigger> AvailableTriggers(PilotProject project, IReadOnlyList<RoleGrant> grants, Guid? actorOrganisationId = null) =>
        [.. Enum.GetValues<ProjectTrigger>().Where(t => CanMoveTo(project, t, grants, actorOrganisationId))];

    /// <summary>An applicant of the lead institution; partners' applicants do not act for the project.</summary>
    private static bool IsLeadApplicant(PilotProject project, IReadOnlyList<RoleGrant> grants, Guid? actorOrganisationId) =>
        (actorOrganisationId is null || actorOrganisationId == project.LeadOrganisationId)
        && grants.Any(g => g.CoversOrganisation(project.LeadOrganisationId));

    /// <summary>The evaluation secretariat covering the project's region (national or its sub-group), or a platform admin.</summary>
    private static bool IsSecretariat(PilotProject project, IReadOnlyList<RoleGrant> grants) =>
        grants.Any(g => g.Role == Role.PlatformAdmin || (g.Role == Role.EvaluationSecretariat && g.CoversRegion(project.RegionId)));

    /// <summary>The coordination group (national, so every project), or a platform admin.</summary>
    private static bool IsCoordinationGroup(IReadOnlyList<RoleGrant> grants) =>
        grants.Any(g => g.Role is Role.PlatformAdmin or Role.CoordinationGroup);

    /// <summary>The working group of the project's region, or a platform admin.</summary>
    private static bool IsWorkingGroup(PilotProject project, IReadOnlyList<RoleGrant> grants) => grants.RunsRegion(project.RegionId);
}
