using FinPilot.Domain.Common;

namespace FinPilot.Web.Features.Evaluation;

/// <summary>Error codes of the evaluation feature; messages are <c>Error_…</c> keys in EvaluationStrings.</summary>
public static class RoundErrors
{
    public static readonly ErrorCode NotFound = ErrorCode.NotFound("Evaluation.NotFound");
    public static readonly ErrorCode ChangedByAnother = ErrorCode.Conflict("Evaluation.ChangedByAnother");
    public static readonly ErrorCode NotAnExpert = ErrorCode.InvalidState("Evaluation.NotAnExpert");

    /// <summary><see cref="NotAnExpert"/> for an id given in the request: bad input (400), not the caller's state (409).</summary>
    public static readonly ErrorCode NotAnExpertInput = ErrorCode.Validation("Evaluation.NotAnExpert");

    public static readonly ErrorCode DomainsRequired = ErrorCode.Validation("Evaluation.DomainsRequired");
    public static readonly ErrorCode UnknownRegion = ErrorCode.Validation("Evaluation.UnknownRegion");
    public static readonly ErrorCode UnknownTag = ErrorCode.Validation("Evaluation.UnknownTag");
    public static readonly ErrorCode UnknownOrganisation = ErrorCode.Validation("Evaluation.UnknownOrganisation");
    public static readonly ErrorCode LoadOutOfRange = ErrorCode.Validation("Evaluation.LoadOutOfRange");
    public static readonly ErrorCode TooManyTags = ErrorCode.Validation("Evaluation.TooManyTags");
    public static readonly ErrorCode HistoryInvalid = ErrorCode.Validation("Evaluation.HistoryInvalid");
    public static readonly ErrorCode NoProjectsInEvaluation = ErrorCode.Validation("Evaluation.NoProjectsInEvaluation");
    public static readonly ErrorCode AlreadyAssigned = ErrorCode.Validation("Evaluation.AlreadyAssigned");
    public static readonly ErrorCode ExpertConflicted = ErrorCode.InvalidState("Evaluation.ExpertConflicted");

    /// <summary><see cref="ExpertConflicted"/> for an expert given in the request: bad input (400), not the assignment's state (409).</summary>
    public static readonly ErrorCode ExpertConflictedInput = ErrorCode.Validation("Evaluation.ExpertConflicted");

    public static readonly ErrorCode ExpertOverLoad = ErrorCode.Validation("Evaluation.ExpertOverLoad");
    public static readonly ErrorCode PairForbidden = ErrorCode.Validation("Evaluation.PairForbidden");
    public static readonly ErrorCode ProjectNotInRound = ErrorCode.Validation("Evaluation.ProjectNotInRound");
    public static readonly ErrorCode AssignmentIncomplete = ErrorCode.Validation("Evaluation.AssignmentIncomplete");
    public static readonly ErrorCode ScoresOutstanding = ErrorCode.InvalidState("Evaluation.ScoresOutstanding");
    public static readonly ErrorCode ConsensusOutstanding = ErrorCode.InvalidState("Evaluation.ConsensusOutstanding");
    public static readonly ErrorCode AlreadyAnswered = ErrorCode.InvalidState("Evaluation.AlreadyAnswered");
    public static readonly ErrorCode NotFlagged = ErrorCode.InvalidState("Evaluation.NotFlagged");
}
