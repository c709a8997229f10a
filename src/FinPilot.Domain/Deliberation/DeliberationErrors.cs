using FinPilot.Domain.Common;

namespace FinPilot.Domain.Deliberation;

/// <summary>
/// Codes of the expected failures of deliberation (协调小组审议). Missing and over-long texts use
/// <see cref="Common.Text"/>'s shared codes. Errors about the meeting's or the item's state name no
/// field (the edge answers them as conflicts); errors about an input name the parameter it came
/// from. The arguments each code carries are listed beside it, in order.
/// </summary>
public static class DeliberationErrors
{
    /// <summary>No such meeting. For the edge; the domain never returns it.</summary>
    public static readonly ErrorCode NotFound = ErrorCode.NotFound("Deliberation.NotFound");

    /// <summary>The department is not on the maintained list (checked by the web layer). Arguments: code.</summary>
    public static readonly ErrorCode DepartmentUnknown = ErrorCode.Validation("Deliberation.DepartmentUnknown");

    public static readonly ErrorCode Concurrency = ErrorCode.Conflict("Deliberation.ChangedByAnother");

    /// <summary>The chair's page asks for a confirmation before a resolution is recorded; it was not given. Field: Confirm. No arguments.</summary>
    public static readonly ErrorCode ResolutionNotConfirmed = ErrorCode.Validation("Deliberation.ResolutionNotConfirmed");

    /// <summary>The meeting has no agenda item with that id. No field. Arguments: the item id.</summary>
    public static readonly ErrorCode ItemNotFound = ErrorCode.NotFound("Deliberation.Item.NotFound");

    /// <summary>A change that needs a scheduled meeting (details, agenda). No field. Arguments: the status.</summary>
    public static readonly ErrorCode NotScheduled = ErrorCode.InvalidState("Deliberation.NotScheduled");

    /// <summary>Votes, resolutions and closing need a meeting in session. No field. Arguments: the status.</summary>
    public static readonly ErrorCode NotHeld = ErrorCode.InvalidState("Deliberation.NotHeld");

    /// <summary>Nothing changes on a closed meeting. No field. No arguments.</summary>
    public static readonly ErrorCode Closed = ErrorCode.InvalidState("Deliberation.Closed");

    /// <summary>Convening before the meeting's date (Shanghai). No field. Arguments: the meeting date.</summary>
    public static readonly ErrorCode NotYetDue = ErrorCode.InvalidState("Deliberation.NotYetDue");

    /// <summary>Convening a meeting with nothing on its agenda. No field. No arguments.</summary>
    public static readonly ErrorCode NoAgendaItems = ErrorCode.InvalidState("Deliberation.NoAgendaItems");

    /// <summary>Closing while agenda items are unresolved. No field. Arguments: how many.</summary>
    public static readonly ErrorCode ItemsUnresolved = ErrorCode.InvalidState("Deliberation.ItemsUnresolved");

    /// <summary>The item already has its resolution; it takes no more opinions or votes. No field. No arguments.</summary>
    public static readonly ErrorCode AlreadyResolved = ErrorCode.InvalidState("Deliberation.AlreadyResolved");

    /// <summary>No attendee given. Field: AttendeeIds. No arguments.</summary>
    public static readonly ErrorCode AttendeesRequired = ErrorCode.Validation("Deliberation.AttendeesRequired");

    /// <summary>More attendees than allowed. Field: AttendeeIds. Arguments: the maximum.</summary>
    public static readonly ErrorCode TooManyAttendees = ErrorCode.Validation("Deliberation.TooManyAttendees");

    /// <summary>The chair must attend. Field: ChairId (scheduling) or memberId (handing over). Arguments: the user id.</summary>
    public static readonly ErrorCode ChairNotAttendee = ErrorCode.Validation("Deliberation.ChairNotAttendee");

    /// <summary>More agenda items than a meeting takes. No field. Arguments: the maximum.</summary>
    public static readonly ErrorCode TooManyAgendaItems = ErrorCode.InvalidState("Deliberation.TooManyAgendaItems");

    /// <summary>A value that is not an <see cref="AgendaItemKind"/>. Field: kind. Arguments: the number.</summary>
    public static readonly ErrorCode KindUnknown = ErrorCode.Validation("Deliberation.KindUnknown");

    /// <summary>An agenda item concerning no project. Field: projects. No arguments.</summary>
    public static readonly ErrorCode ProjectsRequired = ErrorCode.Validation("Deliberation.ProjectsRequired");

    /// <summary>An agenda item concerning too many projects. Field: projects. Arguments: the maximum.</summary>
    public static readonly ErrorCode TooManyProjects = ErrorCode.Validation("Deliberation.TooManyProjects");

    /// <summary>
    /// A project not in the stage the item's kind expects. Field: projects.
    /// Arguments: the project id, its stage, the kind.
    /// </summary>
    public static readonly ErrorCode ProjectStageUnexpected = ErrorCode.Validation("Deliberation.ProjectStageUnexpected");

    /// <summary>A project already on another item of the same kind in this meeting. Field: projects. Arguments: the project id.</summary>
    public static readonly ErrorCode ProjectAlreadyOnAgenda = ErrorCode.Validation("Deliberation.ProjectAlreadyOnAgenda");

    /// <summary>An opinion due before the day it is asked for (Shanghai). Field: dueOn. Arguments: that day.</summary>
    public static readonly ErrorCode OpinionDueInPast = ErrorCode.Validation("Deliberation.OpinionDueInPast");

    /// <summary>
    /// The department already has an unanswered request on this item. Field: departmentCode.
    /// Arguments: the department code, the open request's due date.
    /// </summary>
    public static readonly ErrorCode OpinionAlreadyRequested = ErrorCode.Validation("Deliberation.OpinionAlreadyRequested");

    /// <summary>An opinion from a department nobody asked (or already answered). Field: departmentCode. Arguments: the department code.</summary>
    public static readonly ErrorCode OpinionNotRequested = ErrorCode.Validation("Deliberation.OpinionNotRequested");

    /// <summary>Only attendees vote. No field. Arguments: the member's user id.</summary>
    public static readonly ErrorCode NotAttendee = ErrorCode.InvalidState("Deliberation.NotAttendee");

    /// <summary>
    /// <see cref="NotAttendee"/> for ids given as attendees that are not members (checked by the web
    /// layer): bad input (400), not the meeting's state (409). Field: AttendeeIds. Arguments: the ids.
    /// </summary>
    public static readonly ErrorCode NotAttendeeInput = ErrorCode.Validation("Deliberation.NotAttendee");

    /// <summary>
    /// The member is recused from this item (回避: their organisation or employer is a party), so
    /// they may not vote on it or, as chair, record its resolution. No field. Arguments: the member's user id.
    /// </summary>
    public static readonly ErrorCode Recused = ErrorCode.InvalidState("Deliberation.Recused");

    /// <summary>A member's vote on a project of an item is final. No field. Arguments: the member's user id, when they voted, the project id.</summary>
    public static readonly ErrorCode AlreadyVoted = ErrorCode.InvalidState("Deliberation.AlreadyVoted");

    /// <summary>A value that is not a <see cref="VoteChoice"/>. Field: choice. Arguments: the number.</summary>
    public static readonly ErrorCode ChoiceUnknown = ErrorCode.Validation("Deliberation.ChoiceUnknown");

    /// <summary>
    /// "With conditions" without any condition. Field: conditions (of a vote) or
    /// outcomes[i].conditions (of a resolution). No arguments.
    /// </summary>
    public static readonly ErrorCode ConditionsRequired = ErrorCode.Validation("Deliberation.ConditionsRequired");

    /// <summary>Conditions given with a choice or outcome other than "with conditions". Field as for <see cref="ConditionsRequired"/>. No arguments.</summary>
    public static readonly ErrorCode ConditionsNotAllowed = ErrorCode.Validation("Deliberation.ConditionsNotAllowed");

    /// <summary>Only the meeting's chair records resolutions. No field. Arguments: the user id who tried.</summary>
    public static readonly ErrorCode NotChair = ErrorCode.InvalidState("Deliberation.NotChair");

    /// <summary>
    /// Too few of the attendees entitled to vote on a project of the item have voted on it (the
    /// configured <see cref="Quorum"/>). No field. Arguments: votes counted, attendees entitled to vote, the project id.
    /// </summary>
    public static readonly ErrorCode NoQuorum = ErrorCode.InvalidState("Deliberation.NoQuorum");

    /// <summary>A project of the item has no outcome. Field: outcomes. Arguments: the project id.</summary>
    public static readonly ErrorCode OutcomeMissing = ErrorCode.Validation("Deliberation.OutcomeMissing");

    /// <summary>An outcome for a project the item does not concern. Field: outcomes[i]. Arguments: the project id.</summary>
    public static readonly ErrorCode OutcomeNotOnItem = ErrorCode.Validation("Deliberation.OutcomeNotOnItem");

    /// <summary>A second outcome for one project. Field: outcomes[i]. Arguments: the project id.</summary>
    public static readonly ErrorCode OutcomeDuplicate = ErrorCode.Validation("Deliberation.OutcomeDuplicate");

    /// <summary>A value that is not an <see cref="OutcomeKind"/>. Field: outcomes[i].kind. Arguments: the number.</summary>
    public static readonly ErrorCode OutcomeKindUnknown = ErrorCode.Validation("Deliberation.OutcomeKindUnknown");

    /// <summary>A reason given with an approval; only a rejection has one. Field: outcomes[i].reason. No arguments.</summary>
    public static readonly ErrorCode ReasonNotAllowed = ErrorCode.Validation("Deliberation.ReasonNotAllowed");

    /// <summary>A vote names a project the item does not concern. Field: projectId. Arguments: the project id.</summary>
    public static readonly ErrorCode VoteProjectNotOnItem = ErrorCode.Validation("Deliberation.VoteProjectNotOnItem");

    /// <summary>
    /// The chair's outcome goes against the majority of the project's votes without a written reason.
    /// Field: outcomes[i].deviationReason. Arguments: the project id.
    /// </summary>
    public static readonly ErrorCode DeviationReasonRequired = ErrorCode.Validation("Deliberation.DeviationReasonRequired");

    /// <summary>A deviation reason on an outcome that follows the majority. Field: outcomes[i].deviationReason. No arguments.</summary>
    public static readonly ErrorCode DeviationReasonNotAllowed = ErrorCode.Validation("Deliberation.DeviationReasonNotAllowed");

    /// <summary>
    /// A department's opinion is still awaited and the chair did not record why the item goes ahead
    /// without it. No field. Arguments: how many requests are open.
    /// </summary>
    public static readonly ErrorCode OpinionsPending = ErrorCode.InvalidState("Deliberation.OpinionsPending");

    /// <summary>Only the chair convenes and closes a meeting. No field. Arguments: the user id who tried.</summary>
    public static readonly ErrorCode NotChairToRun = ErrorCode.InvalidState("Deliberation.NotChairToRun");

    /// <summary>A member declares a conflict on an item once. No field. Arguments: the member's user id.</summary>
    public static readonly ErrorCode ConflictAlreadyDeclared = ErrorCode.InvalidState("Deliberation.ConflictAlreadyDeclared");

    /// <summary>The configured quorum is not a percentage from 1 to 99. Arguments: the value.</summary>
    public static readonly ErrorCode QuorumInvalid = ErrorCode.Validation("Deliberation.QuorumInvalid");
}
