using System.Text.Json;

namespace FinPilot.Web.Features.Notifications;

/// <summary>What happened, for whom. The text is made from resources when shown or mailed, in the reader's language.</summary>
/// <remarks>
/// Each member lists the values its templates use (keys in <see cref="NotificationValues"/>);
/// a value not given shows as its placeholder, e.g. <c>{due}</c>.
/// </remarks>
public enum NotificationKind
{
    /// <summary>Values: title (of the call), region, due (when applications close).</summary>
    CallPublished = 1,

    /// <summary>Values: title, call.</summary>
    ApplicationSubmitted = 2,

    /// <summary>Values: title, due.</summary>
    ReturnedForSupplement = 3,

    /// <summary>Values: title.</summary>
    ApplicationAccepted = 4,

    /// <summary>Values: title.</summary>
    ApplicationRejected = 5,

    /// <summary>Values: title, due.</summary>
    DeadlineApproaching = 6,

    /// <summary>Values: title, due.</summary>
    SupplementOverdue = 7,

    /// <summary>Values: title (of the round), due. To experts when a round they are on opens.</summary>
    ExpertAssigned = 8,

    /// <summary>Values: title (of the round). To the secretariat when an expert declares a conflict.</summary>
    ExpertConflictDeclared = 9,

    /// <summary>Values: title (of the project). To the applicant.</summary>
    QuestionAsked = 10,

    /// <summary>Values: title (of the project). To the project's experts.</summary>
    QuestionAnswered = 11,

    /// <summary>Values: title (of the project). To the expert whose sheet was reopened.</summary>
    SheetReopened = 12,

    /// <summary>Values: title (of the notice). To the region's working group when the public files an objection.</summary>
    ObjectionReceived = 13,

    /// <summary>Values: title (of the project). To the applicant when the coordination group approves.</summary>
    ProjectApproved = 14,

    /// <summary>Values: title (of the project). To the applicant when the coordination group does not approve.</summary>
    RejectedByCoordinationGroup = 15,

    /// <summary>Values: title (of the project), region (+ regionEn). To the coordination group when a project enters deliberation: its evaluation is complete, or an upheld objection sent it back.</summary>
    ProjectAwaitsDeliberation = 16,

    /// <summary>Values: title (of the project). To the region's working group when the coordination group approves a project, which now waits for a public notice.</summary>
    ProjectAwaitsNotice = 17,

    /// <summary>Values: title (of the notice), due (its last day). To the region's working group when a published notice's period has ended.</summary>
    NoticePeriodEnded = 18,

    /// <summary>Values: title (of the project), notice (its title), due (its last day). To the lead organisation's applicants when a notice naming the project is published.</summary>
    ProjectOnNotice = 19,

    /// <summary>Values: title (of the project), notice. To the lead organisation's applicants when the public files an objection concerning the project.</summary>
    ObjectionConcernsProject = 20,

    /// <summary>Values: title (of the project), due (the pilot's first day). To the lead organisation's applicants when the project is admitted (入箱).</summary>
    ProjectAdmitted = 21,

    /// <summary>Values: notice (its title), title (of the project objected to), answer. Mailed to the objector's address when the working group answers the objection.</summary>
    ObjectionAnswered = 22,

    /// <summary>Values: notice, title (of the project), outcome (+ outcomeEn), reason (the working group's note). Mailed to the objector's address when the working group resolves the objection.</summary>
    ObjectionResolved = 23,

    /// <summary>Values: title, call. To the region's working group when an application returned for supplement is submitted again.</summary>
    ApplicationResubmitted = 24,

    /// <summary>Values: title (of the project), duty (what is owed, in the reader's language), due. To the applicant before an obligation's due date.</summary>
    ObligationDueSoon = 100,

    /// <summary>Values: title (of the project), duty, due. To the applicant and the region's working group after an obligation's due date.</summary>
    ObligationOverdue = 101,

    /// <summary>Values: title (of the project), rule (the rule's name), detail (what it saw), both in the reader's language. To the region's working group, and the applicant for breaches that concern it, when a risk alert is raised.</summary>
    AlertRaised = 140,

    /// <summary>Values: title (of the project), incident (its title), severity (in the reader's language). To the region's working group when an incident is reported.</summary>
    IncidentReported = 180,

    /// <summary>Values: title (of the project), incident (its title), action (what the working group did, in the reader's language). To the lead organisation's applicants.</summary>
    IncidentTriaged = 181,

    /// <summary>Values: title (of the project), due (yyyy-MM-dd HH:mm, Beijing time), reason. To the lead organisation's applicants when the working group asks for an incident report.</summary>
    IncidentReportRequested = 182,

    /// <summary>Values: title (of the project), severity (in the reader's language), due (yyyy-MM-dd). To the lead organisation's applicants when a correction order is issued.</summary>
    CorrectionOrdered = 60,

    /// <summary>Values: title (of the project), action (plan or evidence, in the reader's language). To the region's working group when the institution answers an order.</summary>
    CorrectionAnswered = 61,

    /// <summary>Values: title (of the project), action (closed or rejected, in the reader's language), due (the new deadline when rejected). To the lead organisation's applicants.</summary>
    CorrectionVerified = 62,

    /// <summary>Values: title (of the project), due (the missed deadline). To the coordination group and the region's working group when an overdue order is escalated.</summary>
    CorrectionEscalated = 63,

    /// <summary>Values: title (of the project), due (the missed deadline). To the region's working group and the coordination group when an order is overdue so long that a risk disposal is proposed.</summary>
    CorrectionDisposalProposed = 64,

    /// <summary>Values: title (of the project), due (the expiry date). To the lead organisation's applicants when a deviation is tolerated.</summary>
    ToleranceRecorded = 65,

    /// <summary>Values: title (of the project), action (renewed, ended or revoked, in the reader's language), due (the new expiry when renewed). To the lead organisation's applicants.</summary>
    ToleranceReviewed = 66,

    /// <summary>Values: title (of the project), level (in the reader's language). To the lead organisation's applicants and the region's working group when a disposal case opens.</summary>
    DisposalOpened = 40,

    /// <summary>Values: title, level (the new one, in the reader's language). To the same when the case's level is raised.</summary>
    DisposalLevelRaised = 41,

    /// <summary>Values: title, reason. To the same when a disposal case suspends the pilot.</summary>
    DisposalPilotSuspended = 42,

    /// <summary>Values: title, reason. To the same when the suspension is lifted.</summary>
    DisposalPilotResumed = 43,

    /// <summary>Values: title, reason. To the coordination group when a disposal case proposes terminating the pilot.</summary>
    DisposalTerminationProposed = 44,

    /// <summary>Values: title. To the lead organisation's applicants and the region's working group when the case closes.</summary>
    DisposalClosed = 45,

    /// <summary>Values: title (of the project), due (the proposed effective date, yyyy-MM-dd). To the region's working group when a minor plan change is requested.</summary>
    PlanChangeRequested = 50,

    /// <summary>Values: title (of the project), due (the proposed effective date). To the region's working group and the coordination group when a major plan change is requested.</summary>
    MajorPlanChangeRequested = 51,

    /// <summary>Values: title (of the project), due (the effective date), reason (the decision's reasons). To the lead organisation's applicants.</summary>
    PlanChangeApproved = 52,

    /// <summary>Values: title (of the project), due (the proposed effective date), reason (the decision's reasons). To the lead organisation's applicants.</summary>
    PlanChangeRejected = 53,

    /// <summary>Values: title (of the project), due (the review's deadline, yyyy-MM-dd HH:mm, Beijing time). To an expert assigned to a major plan change's expert review.</summary>
    PlanChangeReviewAssigned = 54,

    /// <summary>Values: title (of the project). To the region's working group when every expert of a plan change's review has scored.</summary>
    PlanChangeReviewCompleted = 55,

    /// <summary>Values: title (of the project), reason (the working group's view). To the coordination group when the working group forwards a reviewed major change.</summary>
    PlanChangeForwarded = 56,

    /// <summary>Values: title (of the record's project, or the record), due (yyyy-MM-dd). To the responsible unit when the integrity officer asks it to explain a flag.</summary>
    IntegrityExplanationRequested = 70,

    /// <summary>Values: title. To the integrity officers when the responsible unit explains a flag.</summary>
    IntegrityExplained = 71,

    /// <summary>Values: title, action (the conclusion, in the reader's language). To the responsible unit when the officer closes a flag it was asked about.</summary>
    IntegrityFlagClosed = 72,

    /// <summary>Values: title (of the scenario), area (its business area, + areaEn). To the applicants of subscribed organisations that may see it when a scenario is published.</summary>
    ScenarioPublished = 110,

    /// <summary>Values: title (of the scenario), solution (the solution's title). To the scenario's publisher (its organisation's applicants, or the region's working group) when a solution answering it is published.</summary>
    SolutionOffered = 111,

    /// <summary>Values: title (of the scenario), solution (its title). To the other side when one side of a scenario–solution pair expresses interest.</summary>
    MatchInterestExpressed = 112,

    /// <summary>Values: title (of the scenario), solution. To both sides and the scenario's regional working group when both consented.</summary>
    MatchFormed = 113,

    /// <summary>Values: title (of the scenario). To the others in a match's thread when a message is posted.</summary>
    MatchMessagePosted = 114,

    /// <summary>Values: title (of the roadshow). To a solution provider's applicants when their registration moves up from the waiting list to a seat.</summary>
    RoadshowSeatConfirmed = 90,

    /// <summary>Values: title (of the roadshow). To the presenters' applicants when the organiser releases the results.</summary>
    RoadshowResultsReleased = 91,

    /// <summary>Values: title (of the organisation coached). To an expert assigned as coach (培育辅导).</summary>
    CoachAssigned = 92,

    /// <summary>Values: title (of the organisation that owes it), duty, due. To its applicants before the due date of an obligation owed with no project (a coaching follow-up).</summary>
    OrganisationObligationDueSoon = 93,

    /// <summary>Values: title (of the organisation that owes it), duty, due. To its applicants and the region's working group after that due date.</summary>
    OrganisationObligationOverdue = 94,

    /// <summary>Values: title (of the project). To the region's working group when an institution applies for completion or withdraws (退出申请).</summary>
    ExitRequested = 73,

    /// <summary>Values: title. To the region's working group when the institution submits its exit self-assessment and checklist for audit.</summary>
    ExitSubmitted = 74,

    /// <summary>Values: title, reason (the question), due (the answer's deadline). To the lead organisation's applicants when the working group sends a question back.</summary>
    ExitQuestionAsked = 75,

    /// <summary>Values: title, due (the review's deadline). To an expert assigned to an exit's expert opinion.</summary>
    ExitReviewAssigned = 76,

    /// <summary>Values: title, reason (the working group's view). To the coordination group when the working group forwards an exit for confirmation.</summary>
    ExitForwarded = 77,

    /// <summary>Values: title, reason (the confirmed tier's name). To the lead organisation's applicants when the coordination group confirms the exit.</summary>
    ExitConfirmed = 78,

    /// <summary>Values: title, reason (the resolution), when given. To the institution and the region's working group when the coordination group terminates a pilot.</summary>
    ExitTerminated = 79,

    /// <summary>Values: title. To the region's working group when every expert of an exit's opinion has scored.</summary>
    ExitReviewCompleted = 80,

    /// <summary>Values: title. To the region's working group when the coordination group did not confirm an exit and sent it back.</summary>
    ExitSentBack = 81,

    /// <summary>Values: title (of the project), detail (the casebook's title; detailEn in English). To the lead organisation's applicants when a casebook with their pilot is published.</summary>
    CasebookCaseIncluded = 115,

    /// <summary>Values: title (the casebook's; titleEn in English). To the working group of the casebook's region (of each case's region for a national one) when it is published.</summary>
    CasebookPublished = 116,
}

/// <summary>
/// One message to one user: an inbox entry and, independently, an e-mail to send. Written in the
/// same unit of work as the change it reports, so no change goes unannounced and no announcement
/// tells of a change that was rolled back.
/// </summary>
public sealed class Notification
{
    private Notification()
    {
    }

    public Guid Id { get; private set; }

    public string UserId { get; private set; } = string.Empty;

    public NotificationKind Kind { get; private set; }

    /// <summary>Values for the message template (e.g. call title, deadline), as a JSON object of strings.</summary>
    public string ValuesJson { get; private set; } = "{}";

    /// <summary>Site-relative address of the thing the message is about.</summary>
    public string Link { get; private set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? ReadAt { get; private set; }

    public DateTimeOffset? EmailSentAt { get; private set; }

    public int EmailAttempts { get; private set; }

    public string? EmailError { get; private set; }

    /// <summary>Not mailed again before this time, after a failed attempt; null when it may go at once or will not be retried.</summary>
    public DateTimeOffset? EmailNextAttemptAt { get; private set; }

    public IReadOnlyDictionary<string, string> Values =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(ValuesJson) ?? [];

    public static Notification For(string userId, NotificationKind kind, string link, IReadOnlyDictionary<string, string> values, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        UserId = userId,
        Kind = kind,
        Link = link,
        ValuesJson = JsonSerializer.Serialize(values),
        CreatedAt = now,
    };

    public void MarkRead(DateTimeOffset now) => ReadAt ??= now;

    public void EmailSent(DateTimeOffset now)
    {
        EmailSentAt = now;
        EmailAttempts++;
        EmailError = null;
        EmailNextAttemptAt = null;
    }

    /// <param name="error">Kept for the administrator, cut to 500 characters.</param>
    /// <param name="retryAt">When the mail may be tried again; null when it will not be.</param>
    public void EmailFailed(string error, DateTimeOffset? retryAt)
    {
        EmailAttempts++;
        EmailError = error.Length > 500 ? error[..500] : error;
        EmailNextAttemptAt = retryAt;
    }
}
