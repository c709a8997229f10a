namespace FinPilot.Web.Features.Evaluation;

/// <summary>Error codes of the evaluation feature; messages are <c>Error_…</c> keys in EvaluationStrings.</summary>
public static class RoundErrors
{
    public const string NotFound = "Evaluation.NotFound";
    public const string ChangedByAnother = "Evaluation.ChangedByAnother";
    public const string NotAnExpert = "Evaluation.NotAnExpert";
    public const string DomainsRequired = "Evaluation.DomainsRequired";
    public const string UnknownRegion = "Evaluation.UnknownRegion";
    public const string UnknownTag = "Evaluation.UnknownTag";
    public const string UnknownOrganisation = "Evaluation.UnknownOrganisation";
    public const string LoadOutOfRange = "Evaluation.LoadOutOfRange";
    public const string TooManyTags = "Evaluation.TooManyTags";
    public const string HistoryInvalid = "Evaluation.HistoryInvalid";
    public const string NoProjectsInEvaluation = "Evaluation.NoProjectsInEvaluation";
    public const string AlreadyAssigned = "Evaluation.AlreadyAssigned";
    public const string ExpertConflicted = "Evaluation.ExpertConflicted";
    public const string ExpertOverLoad = "Evaluation.ExpertOverLoad";
    public const string PairForbidden = "Evaluation.PairForbidden";
    public const string ProjectNotInRound = "Evaluation.ProjectNotInRound";
    public const string AssignmentIncomplete = "Evaluation.AssignmentIncomplete";
    public const string ScoresOutstanding = "Evaluation.ScoresOutstanding";
    public const string ConsensusOutstanding = "Evaluation.ConsensusOutstanding";
    public const string AlreadyAnswered = "Evaluation.AlreadyAnswered";
    public const string NotFlagged = "Evaluation.NotFlagged";
}
