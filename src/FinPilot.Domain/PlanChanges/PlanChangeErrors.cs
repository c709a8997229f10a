using FinPilot.Domain.Common;

namespace FinPilot.Domain.PlanChanges;

/// <summary>
/// Codes of the expected failures of plan changes (方案变更). Errors about the change's state name no
/// field; errors about an input name the field it came from. Arguments are listed beside each code.
/// </summary>
public static class PlanChangeErrors
{
    /// <summary>No such change request, or none the caller may know of.</summary>
    public static readonly ErrorCode NotFound = ErrorCode.NotFound("PlanChange.NotFound");

    /// <summary>No supervision plan in force for the project, or no such project.</summary>
    public static readonly ErrorCode PlanNotFound = ErrorCode.NotFound("PlanChange.Plan.NotFound");

    public static readonly ErrorCode Concurrency = ErrorCode.Conflict("PlanChange.ChangedByAnother");

    /// <summary>The project already has a change under review. No field. Arguments: none.</summary>
    public static readonly ErrorCode AlreadyPending = ErrorCode.Conflict("PlanChange.AlreadyPending");

    /// <summary>The project is not running (nor rectifying nor suspended). No field. Arguments: the stage.</summary>
    public static readonly ErrorCode ProjectNotRunning = ErrorCode.InvalidState("PlanChange.ProjectNotRunning");

    /// <summary>The proposal is the plan as it stands. No field.</summary>
    public static readonly ErrorCode NothingChanged = ErrorCode.Validation("PlanChange.NothingChanged");

    /// <summary>An effective date before today (Beijing). Field: EffectiveOn. Arguments: today.</summary>
    public static readonly ErrorCode EffectiveInPast = ErrorCode.Validation("PlanChange.EffectiveInPast");

    /// <summary>An effective date after the proposed end of the pilot. Field: EffectiveOn. Arguments: the proposed end.</summary>
    public static readonly ErrorCode EffectiveAfterEnd = ErrorCode.Validation("PlanChange.EffectiveAfterEnd");

    /// <summary>A decision on a change that is not awaiting that decision-maker. No field. Arguments: the status.</summary>
    public static readonly ErrorCode NotAwaiting = ErrorCode.InvalidState("PlanChange.NotAwaiting");

    /// <summary>A decision on a major change outside the coordination group's resolution. No field.</summary>
    public static readonly ErrorCode MajorNeedsCoordinationGroup = ErrorCode.InvalidState("PlanChange.MajorNeedsCoordinationGroup");

    /// <summary>A minor change put to the coordination group. No field.</summary>
    public static readonly ErrorCode MinorStaysWithWorkingGroup = ErrorCode.InvalidState("PlanChange.MinorStaysWithWorkingGroup");

    /// <summary>A major-plan-change item resolved for a project with no change awaiting the coordination group. No field. Arguments: the project's id.</summary>
    public static readonly ErrorCode NoneAwaitingResolution = ErrorCode.InvalidState("PlanChange.NoneAwaitingResolution");

    /// <summary>A major change already on a meeting's agenda. No field.</summary>
    public static readonly ErrorCode AlreadyOnAgenda = ErrorCode.InvalidState("PlanChange.AlreadyOnAgenda");
}
