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

    /// <summary>The change's expert review was started already. No field.</summary>
    public static readonly ErrorCode ReviewAlreadyStarted = ErrorCode.InvalidState("PlanChange.Review.AlreadyStarted");

    /// <summary>No expert review is open on the change (not started, or the change is past it). No field.</summary>
    public static readonly ErrorCode ReviewNotOpen = ErrorCode.InvalidState("PlanChange.Review.NotOpen");

    /// <summary>Every assigned expert has scored; the review takes no one else. No field.</summary>
    public static readonly ErrorCode ReviewComplete = ErrorCode.InvalidState("PlanChange.Review.Complete");

    /// <summary>The review is not complete, so it cannot be forwarded. No field.</summary>
    public static readonly ErrorCode ReviewNotComplete = ErrorCode.InvalidState("PlanChange.Review.NotComplete");

    /// <summary>The expert conflicts with the pilot's lead or partners (回避). Field: expertUserId. Arguments: the reasons.</summary>
    public static readonly ErrorCode ReviewerConflicted = ErrorCode.Conflict("PlanChange.Review.ReviewerConflicted");

    /// <summary>The expert sits on the review already. Field: expertUserId.</summary>
    public static readonly ErrorCode ReviewerAlreadyAssigned = ErrorCode.Conflict("PlanChange.Review.ReviewerAlreadyAssigned");

    /// <summary>The user is not an expert of the platform's pool. Field: expertUserId.</summary>
    public static readonly ErrorCode ReviewerNotExpert = ErrorCode.Validation("PlanChange.Review.ReviewerNotExpert");

    /// <summary>The review has as many experts as it may. No field. Arguments: the maximum.</summary>
    public static readonly ErrorCode ReviewFull = ErrorCode.InvalidState("PlanChange.Review.Full");

    /// <summary>The caller is not assigned to the review. No field.</summary>
    public static readonly ErrorCode NotReviewer = ErrorCode.Forbidden("PlanChange.Review.NotReviewer");

    /// <summary>The expert has scored already. No field.</summary>
    public static readonly ErrorCode ReviewAlreadySubmitted = ErrorCode.InvalidState("PlanChange.Review.AlreadySubmitted");

    /// <summary>A criterion not on the change rubric, or twice. Field: Scores[criterion].</summary>
    public static readonly ErrorCode ReviewCriterionInvalid = ErrorCode.Validation("PlanChange.Review.CriterionInvalid");

    /// <summary>A score off the scale. Field: Scores[criterion]. Arguments: the lowest and highest score.</summary>
    public static readonly ErrorCode ReviewScoreOutOfScale = ErrorCode.Validation("PlanChange.Review.ScoreOutOfScale");

    /// <summary>A proposed partner organisation that is not on the platform. Field: PartnerOrganisationIds. Arguments: the unknown ids.</summary>
    public static readonly ErrorCode UnknownPartner = ErrorCode.Validation("PlanChange.UnknownPartner");

    /// <summary>The lead organisation proposed as its own partner. Field: PartnerOrganisationIds.</summary>
    public static readonly ErrorCode PartnerIsLead = ErrorCode.Validation("PlanChange.PartnerIsLead");

    /// <summary>A proposed technology code that is not in the reference list. Field: TechnologyCodes. Arguments: the unknown codes.</summary>
    public static readonly ErrorCode UnknownTechnology = ErrorCode.Validation("PlanChange.UnknownTechnology");
}
