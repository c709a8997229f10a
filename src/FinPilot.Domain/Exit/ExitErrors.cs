using FinPilot.Domain.Common;

namespace FinPilot.Domain.Exit;

/// <summary>Codes of the expected failures of the exit path (退出). Arguments are listed beside each code.</summary>
public static class ExitErrors
{
    /// <summary>No such exit case, or none the caller may know of.</summary>
    public static readonly ErrorCode NotFound = ErrorCode.NotFound("Exit.NotFound");

    /// <summary>No such pilot, or none the caller may know of.</summary>
    public static readonly ErrorCode ProjectNotFound = ErrorCode.NotFound("Exit.Project.NotFound");

    public static readonly ErrorCode Concurrency = ErrorCode.Conflict("Exit.ChangedByAnother");

    /// <summary>The pilot already has an exit case. No field.</summary>
    public static readonly ErrorCode AlreadyExiting = ErrorCode.Conflict("Exit.AlreadyExiting");

    /// <summary>The pilot is not running, rectifying or suspended. Arguments: the stage.</summary>
    public static readonly ErrorCode ProjectNotAdmitted = ErrorCode.InvalidState("Exit.ProjectNotAdmitted");

    /// <summary>A withdrawal submitted without ticking that it is irreversible. Field: Confirmed.</summary>
    public static readonly ErrorCode WithdrawalNotConfirmed = ErrorCode.Validation("Exit.WithdrawalNotConfirmed");

    /// <summary>A step taken at the wrong point of the path. Arguments: the status.</summary>
    public static readonly ErrorCode WrongStep = ErrorCode.InvalidState("Exit.WrongStep");

    /// <summary>Submitted for audit without a self-assessment. No field.</summary>
    public static readonly ErrorCode SelfAssessmentMissing = ErrorCode.InvalidState("Exit.SelfAssessmentMissing");

    /// <summary>The customer-protection checklist has items not done or without evidence. Arguments: how many are missing.</summary>
    public static readonly ErrorCode ChecklistIncomplete = ErrorCode.InvalidState("Exit.ChecklistIncomplete");

    /// <summary>The working group's questions are not all answered. Arguments: how many are open.</summary>
    public static readonly ErrorCode QuestionsOpen = ErrorCode.InvalidState("Exit.QuestionsOpen");

    /// <summary>No such question, or already answered. Field: number.</summary>
    public static readonly ErrorCode QuestionNotOpen = ErrorCode.InvalidState("Exit.QuestionNotOpen");

    /// <summary>A checklist item that is not one of the kinds. Field: Kind.</summary>
    public static readonly ErrorCode ChecklistKindInvalid = ErrorCode.Validation("Exit.ChecklistKindInvalid");

    /// <summary>A done checklist item without evidence. Field: Evidence.</summary>
    public static readonly ErrorCode EvidenceRequired = ErrorCode.Validation("Exit.EvidenceRequired");

    public static readonly ErrorCode ReviewAlreadyStarted = ErrorCode.Conflict("Exit.ReviewAlreadyStarted");

    public static readonly ErrorCode ReviewNotOpen = ErrorCode.InvalidState("Exit.ReviewNotOpen");

    public static readonly ErrorCode ReviewComplete = ErrorCode.InvalidState("Exit.ReviewComplete");

    public static readonly ErrorCode ReviewNotComplete = ErrorCode.InvalidState("Exit.ReviewNotComplete");

    /// <summary>The expert conflicts with the pilot's parties (回避). Field: expertUserId. Arguments: the reasons.</summary>
    public static readonly ErrorCode ReviewerConflicted = ErrorCode.Conflict("Exit.ReviewerConflicted");

    /// <summary>Not an expert of the pool. Field: expertUserId.</summary>
    public static readonly ErrorCode ReviewerNotExpert = ErrorCode.Validation("Exit.ReviewerNotExpert");

    public static readonly ErrorCode ReviewerAlreadyAssigned = ErrorCode.Conflict("Exit.ReviewerAlreadyAssigned");

    /// <summary>Arguments: the maximum.</summary>
    public static readonly ErrorCode ReviewFull = ErrorCode.Conflict("Exit.ReviewFull");

    /// <summary>The caller holds no seat in the review.</summary>
    public static readonly ErrorCode NotReviewer = ErrorCode.Forbidden("Exit.NotReviewer");

    public static readonly ErrorCode ReviewAlreadySubmitted = ErrorCode.Conflict("Exit.ReviewAlreadySubmitted");

    public static readonly ErrorCode ReviewCriterionInvalid = ErrorCode.Validation("Exit.ReviewCriterionInvalid");

    /// <summary>Arguments: min, max.</summary>
    public static readonly ErrorCode ReviewScoreOutOfScale = ErrorCode.Validation("Exit.ReviewScoreOutOfScale");

    /// <summary>A tier other than the proposal without a reason. Field: Reason.</summary>
    public static readonly ErrorCode OverrideNeedsReason = ErrorCode.Validation("Exit.OverrideNeedsReason");

    /// <summary>Not a tier. Field: Tier.</summary>
    public static readonly ErrorCode TierInvalid = ErrorCode.Validation("Exit.TierInvalid");

    /// <summary>The case is already on an agenda.</summary>
    public static readonly ErrorCode AlreadyOnAgenda = ErrorCode.Conflict("Exit.AlreadyOnAgenda");

    /// <summary>A resolution for a project with no exit case awaiting the coordination group. Arguments: the project id.</summary>
    public static readonly ErrorCode NoneAwaitingResolution = ErrorCode.InvalidState("Exit.NoneAwaitingResolution");
}
