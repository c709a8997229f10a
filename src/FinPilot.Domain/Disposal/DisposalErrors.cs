using FinPilot.Domain.Common;

namespace FinPilot.Domain.Disposal;

/// <summary>
/// Codes of the expected failures of risk disposal (风险处置). Errors about an input name its field;
/// errors about a case's state name none. Arguments are listed beside each code.
/// </summary>
public static class DisposalErrors
{
    /// <summary>No such case, or none the caller may know of.</summary>
    public static readonly ErrorCode NotFound = ErrorCode.NotFound("Disposal.NotFound");

    /// <summary>No such project to open a case on.</summary>
    public static readonly ErrorCode ProjectNotFound = ErrorCode.NotFound("Disposal.Project.NotFound");

    /// <summary>The source named (an alert, an incident) is not one of this project's.</summary>
    public static readonly ErrorCode SourceNotFound = ErrorCode.NotFound("Disposal.Source.NotFound");

    public static readonly ErrorCode Concurrency = ErrorCode.Conflict("Disposal.ChangedByAnother");

    /// <summary>Another version of the contingency plan was published meanwhile.</summary>
    public static readonly ErrorCode PlanConcurrency = ErrorCode.Conflict("Disposal.Plan.ChangedByAnother");

    /// <summary>Cases are opened on admitted pilots (running, rectifying, suspended). Arguments: the stage.</summary>
    public static readonly ErrorCode ProjectNotRunning = ErrorCode.InvalidState("Disposal.ProjectNotRunning");

    /// <summary>A level other than I–IV. Field: level.</summary>
    public static readonly ErrorCode LevelInvalid = ErrorCode.Validation("Disposal.LevelInvalid");

    /// <summary>A source that is not one, or a source other than direct without its id. Field: source or sourceId.</summary>
    public static readonly ErrorCode SourceInvalid = ErrorCode.Validation("Disposal.SourceInvalid");

    /// <summary>A count of customers below zero or above the most allowed. Field: the count's name. Arguments: the most allowed.</summary>
    public static readonly ErrorCode CountInvalid = ErrorCode.Validation("Disposal.CountInvalid");

    /// <summary>An amount below zero, above the most allowed, or with more than two decimals. Field: amountPaid. Arguments: the most allowed.</summary>
    public static readonly ErrorCode AmountInvalid = ErrorCode.Validation("Disposal.AmountInvalid");

    /// <summary>A channel that is not one. Field: channel.</summary>
    public static readonly ErrorCode ChannelInvalid = ErrorCode.Validation("Disposal.ChannelInvalid");

    /// <summary>A date after today. Field: the date's name.</summary>
    public static readonly ErrorCode DateInFuture = ErrorCode.Validation("Disposal.DateInFuture");

    /// <summary>Nothing to record: every count and the amount are zero. No field.</summary>
    public static readonly ErrorCode NothingRecorded = ErrorCode.Validation("Disposal.NothingRecorded");

    /// <summary>More claims closed than received, in total. Field: claimsClosed.</summary>
    public static readonly ErrorCode MoreClosedThanReceived = ErrorCode.Validation("Disposal.MoreClosedThanReceived");

    /// <summary>A raised level must be graver than the current one. Field: level. Arguments: the current level.</summary>
    public static readonly ErrorCode LevelNotGraver = ErrorCode.Validation("Disposal.LevelNotGraver");

    /// <summary>The case is closed. No field.</summary>
    public static readonly ErrorCode CaseClosed = ErrorCode.InvalidState("Disposal.CaseClosed");

    /// <summary>The action is not on the case's checklist. Field: kind.</summary>
    public static readonly ErrorCode ActionNotRequired = ErrorCode.InvalidState("Disposal.ActionNotRequired");

    /// <summary>The action is already done or waived. Field: kind.</summary>
    public static readonly ErrorCode ActionNotOpen = ErrorCode.InvalidState("Disposal.ActionNotOpen");

    /// <summary>The action is done by its own step (suspending, notices, the proposal), not marked done. Field: kind.</summary>
    public static readonly ErrorCode ActionDoneByItsStep = ErrorCode.InvalidState("Disposal.ActionDoneByItsStep");

    /// <summary>Compensation is done only when every claim received is closed. Arguments: received, closed.</summary>
    public static readonly ErrorCode ClaimsStillOpen = ErrorCode.InvalidState("Disposal.ClaimsStillOpen");

    /// <summary>A case closes only when every action is done or waived. Arguments: the open actions' count.</summary>
    public static readonly ErrorCode ActionsStillOpen = ErrorCode.InvalidState("Disposal.ActionsStillOpen");

    /// <summary>The pilot is already suspended under this case. No field.</summary>
    public static readonly ErrorCode AlreadySuspended = ErrorCode.InvalidState("Disposal.AlreadySuspended");

    /// <summary>The case has not suspended the pilot, or it was resumed already. No field.</summary>
    public static readonly ErrorCode NotSuspended = ErrorCode.InvalidState("Disposal.NotSuspended");

    /// <summary>Termination was already proposed on this case. No field.</summary>
    public static readonly ErrorCode AlreadyProposed = ErrorCode.InvalidState("Disposal.AlreadyProposed");

    /// <summary>Termination has not been proposed on this case, so there is nothing to put on an agenda. No field.</summary>
    public static readonly ErrorCode NotProposed = ErrorCode.InvalidState("Disposal.NotProposed");

    /// <summary>The termination proposal is already on a meeting's agenda. No field.</summary>
    public static readonly ErrorCode AlreadyOnAgenda = ErrorCode.InvalidState("Disposal.AlreadyOnAgenda");

    /// <summary>Only a proposed case is confirmed or dismissed. No field.</summary>
    public static readonly ErrorCode NotProposedCase = ErrorCode.InvalidState("Disposal.NotProposedCase");

    /// <summary>Too many notices or compensation entries on one case. Arguments: the most allowed.</summary>
    public static readonly ErrorCode TooManyEntries = ErrorCode.InvalidState("Disposal.TooManyEntries");

    /// <summary>A plan must have each level I–IV exactly once. Field: levels.</summary>
    public static readonly ErrorCode PlanLevelsInvalid = ErrorCode.Validation("Disposal.PlanLevelsInvalid");

    /// <summary>A level's actions must be known kinds, each at most once. Field: the level's actions.</summary>
    public static readonly ErrorCode PlanActionsInvalid = ErrorCode.Validation("Disposal.PlanActionsInvalid");

    /// <summary>Working days out of range. Field: the level's actions. Arguments: least, most.</summary>
    public static readonly ErrorCode WorkingDaysInvalid = ErrorCode.Validation("Disposal.WorkingDaysInvalid");
}
