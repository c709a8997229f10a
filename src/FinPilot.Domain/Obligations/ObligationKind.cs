namespace FinPilot.Domain.Obligations;

/// <summary>
/// What a duty is about. Stored by name; later issues append kinds (correction responses, change
/// reviews, exit steps) with new numbers, never renumbering.
/// </summary>
public enum ObligationKind
{
    /// <summary>A periodic report (定期报告) for one report period. Subject: the period key, e.g. "2026-03" or "2026-Q1".</summary>
    PeriodicReport = 1,

    /// <summary>A metric stream's next sample (接口采集). Subject: the metric code.</summary>
    MetricFreshness = 2,

    /// <summary>An incident report (事件报告) due within hours of detection. Subject: the incident id.</summary>
    IncidentReport = 3,

    /// <summary>A disclosure the working group asked for (信息披露). Subject: the request's id.</summary>
    Disclosure = 4,

    /// <summary>Confirming the supervision plan after admission (监管方案确认). Subject: the plan's id.</summary>
    PlanConfirmation = 5,

    /// <summary>Exit or asking for an extension before the approved end date (退出或延期). Subject: the end date.</summary>
    ExitOrExtension = 6,

    /// <summary>A supplement the working group asked for on a report (报告补充). Subject: the report's id.</summary>
    ReportSupplement = 7,

    /// <summary>Answering a correction order with a plan and evidence (整改答复). Subject: the order's id and round, "{id:N}:{round}".</summary>
    CorrectionResponse = 20,

    /// <summary>Re-reviewing a tolerated deviation when it expires (容错复核). Subject: the deviation's id and term, "{id:N}:{term}".</summary>
    ToleranceReview = 21,

    /// <summary>
    /// An action of a disposal case (风险处置) the institution owes: telling customers, compensation.
    /// Subject: the case's id and the action kind. Numbered in the disposal module's range (40–49),
    /// so that kinds added at the same time by other parts of the issue cannot take the same number.
    /// </summary>
    DisposalInstitutionAction = 40,

    /// <summary>An action of a disposal case the working group owes: suspending, proposing termination. Subject as above.</summary>
    DisposalWorkingGroupAction = 41,

    /// <summary>
    /// The working group verifies the institution's correction evidence (整改验收) within the set working days
    /// (<c>Corrections:VerificationWorkingDays</c>); discharged when it closes the order or rejects the evidence.
    /// Subject: the order's id and the evidence's number, "{id:N}:evidence:{n}".
    /// </summary>
    CorrectionVerification = 42,

    /// <summary>
    /// The working group confirms or dismisses a disposal case the correction escalation ladder proposed
    /// (处置提议确认), within the disposal actions' working days; discharged by either. Subject: the case's id, "{id:N}".
    /// </summary>
    DisposalProposalReview = 43,

    /// <summary>
    /// A step of a plan change's review (方案变更评审): the working group's decision on a minor change,
    /// the coordination group's resolution on a major one. Subject: the change's id. Numbered apart
    /// from the kinds other supervision modules add, so that none collide.
    /// </summary>
    PlanChangeReview = 50,

    /// <summary>
    /// Explaining an integrity flag (廉政说明) addressed to the pilot's institution, by the deadline the
    /// integrity officer set. Subject: the flag's id and request, "{id:N}:{request}". In the integrity
    /// module's range (60–64).
    /// </summary>
    IntegrityExplanation = 60,

    /// <summary>
    /// The same, for a flag addressed to the region's working group: its duty, never on the
    /// institution's list (such flags may be about a person). Subject as above.
    /// </summary>
    IntegrityExplanationByWorkingGroup = 61,

    /// <summary>
    /// The exit self-assessment (退出自测自评) the institution owes once its exit opens. Subject: the exit
    /// case's id. In the exit module's range (70–79).
    /// </summary>
    ExitSelfAssessment = 70,

    /// <summary>The working group's audit (退出审核) of a submitted self-assessment. Subject: "{case id}:{submission}".</summary>
    ExitAudit = 71,

    /// <summary>The institution's answer to a question sent back at audit. Subject: "{case id}:q{number}".</summary>
    ExitAnswer = 72,

    /// <summary>The exit expert opinion (专家论证), run by the working group, and each expert's sheet. Subject: "{case id}:review" or "{case id}:expert:{user}".</summary>
    ExitExpertReview = 73,

    /// <summary>The coordination group's confirmation (结果确认) of a forwarded exit, tracked for the working group. Subject: the case's id.</summary>
    ExitConfirmation = 74,

    /// <summary>
    /// A follow-up action agreed at a coaching session (辅导跟进事项), owed by each organisation coached,
    /// often before any project exists: such an obligation has no project (<see cref="Obligation.NoProject"/>)
    /// and is owed by the organisation. Subject: "{follow-up id:N}:{organisation id:N}". In the scenario
    /// module's range (80–84).
    /// </summary>
    CoachingFollowUp = 80,
}

/// <summary>Where an obligation stands. Overdue is not a state: it is an open obligation past its due time.</summary>
public enum ObligationStatus
{
    Open = 1,

    Fulfilled = 2,

    Waived = 3,
}
