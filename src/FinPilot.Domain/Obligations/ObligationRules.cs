using FinPilot.Domain.Calendar;
using FinPilot.Domain.Supervision;

namespace FinPilot.Domain.Obligations;

/// <summary>What a due date is counted from.</summary>
public enum DueAnchor
{
    /// <summary>The last day of a report period.</summary>
    PeriodEnd = 1,

    /// <summary>The moment something happened: detected, asked, admitted.</summary>
    Event = 2,

    /// <summary>The approved end date of the pilot; the due date lies before it.</summary>
    EndDate = 3,
}

/// <summary>
/// One line of the rule table: from what, how far and in which unit a kind's due date is counted.
/// Working days follow the 调休 calendar and the rule that the anchor day itself is not counted.
/// </summary>
/// <param name="Amount">Working days (or hours when <paramref name="InHours"/>); before the anchor for <see cref="DueAnchor.EndDate"/>.</param>
public sealed record ObligationRule(ObligationKind Kind, DueAnchor Anchor, int Amount, bool InHours = false)
{
    /// <summary>Whose duty it is: the institution running the pilot (the default) or the region's working group.</summary>
    public ObligationDuty Duty { get; init; } = ObligationDuty.Institution;

    /// <summary>Whether it may be owed by an organisation with no project (<see cref="Obligation.NoProject"/>): coaching follow-ups.</summary>
    public bool WithoutProject { get; init; }
}

/// <summary>Who owes an obligation: it shows in that party's lists and its reminders go to that party.</summary>
public enum ObligationDuty
{
    /// <summary>The pilot's lead organisation (its applicants' to-do list).</summary>
    Institution = 1,

    /// <summary>The working group of the pilot's region (its obligation list, not the applicant's).</summary>
    WorkingGroup = 2,
}

/// <summary>
/// The rule table of obligations (义务时限规则): each kind's due date computed on the server, in
/// working days of the 调休 calendar (<see cref="WorkingDayCalendar"/>) unless the rule says hours.
/// A due date is the end (23:59:59.999, Beijing time) of the due day, so anything done that day
/// is on time.
/// </summary>
public static class ObligationRules
{
    public const int MonthlyReportWorkingDays = 10;
    public const int QuarterlyReportWorkingDays = 15;
    public const int DefaultIncidentReportHours = 24;
    public const int DefaultDisclosureWorkingDays = 10;
    public const int PlanConfirmationWorkingDays = 10;
    public const int ExitOrExtensionWorkingDaysBefore = 10;
    public const int ReportSupplementWorkingDays = 10;
    public const int DefaultCorrectionWorkingDays = 20;

    /// <summary>Working days the working group has to verify a correction's evidence (the default of <c>Corrections:VerificationWorkingDays</c>).</summary>
    public const int CorrectionVerificationWorkingDays = 5;
    public const int DisposalActionWorkingDays = 10;
    public const int PlanChangeReviewWorkingDays = 15;
    public const int IntegrityExplanationWorkingDays = 10;
    public const int ExitStepWorkingDays = 15;

    /// <summary>The default working days of a coaching follow-up; the coach sets each one's (1–60).</summary>
    public const int CoachingFollowUpWorkingDays = 10;

    /// <summary>Working days a metric sample may come after the end of the period it covers.</summary>
    public const int MetricFreshnessGraceWorkingDays = 5;

    /// <summary>The default table (periodic reports monthly; quarterly reports use <see cref="QuarterlyReportWorkingDays"/>).</summary>
    public static IReadOnlyList<ObligationRule> Table { get; } =
    [
        new(ObligationKind.PeriodicReport, DueAnchor.PeriodEnd, MonthlyReportWorkingDays),
        new(ObligationKind.MetricFreshness, DueAnchor.PeriodEnd, MetricFreshnessGraceWorkingDays),
        new(ObligationKind.IncidentReport, DueAnchor.Event, DefaultIncidentReportHours, InHours: true),
        new(ObligationKind.Disclosure, DueAnchor.Event, DefaultDisclosureWorkingDays),
        new(ObligationKind.PlanConfirmation, DueAnchor.Event, PlanConfirmationWorkingDays) { Duty = ObligationDuty.WorkingGroup },
        new(ObligationKind.ExitOrExtension, DueAnchor.EndDate, ExitOrExtensionWorkingDaysBefore),
        new(ObligationKind.ReportSupplement, DueAnchor.Event, ReportSupplementWorkingDays),
        new(ObligationKind.CorrectionResponse, DueAnchor.Event, DefaultCorrectionWorkingDays),
        new(ObligationKind.ToleranceReview, DueAnchor.EndDate, 0) { Duty = ObligationDuty.WorkingGroup },

        // A disposal action's working days come from the contingency plan's level; the amount here is the default level IV's.
        new(ObligationKind.DisposalInstitutionAction, DueAnchor.Event, DisposalActionWorkingDays),
        new(ObligationKind.DisposalWorkingGroupAction, DueAnchor.Event, DisposalActionWorkingDays) { Duty = ObligationDuty.WorkingGroup },
        new(ObligationKind.CorrectionVerification, DueAnchor.Event, CorrectionVerificationWorkingDays) { Duty = ObligationDuty.WorkingGroup },
        new(ObligationKind.DisposalProposalReview, DueAnchor.Event, DisposalActionWorkingDays) { Duty = ObligationDuty.WorkingGroup },
        new(ObligationKind.PlanChangeReview, DueAnchor.Event, PlanChangeReviewWorkingDays) { Duty = ObligationDuty.WorkingGroup },

        // An integrity explanation's working days are the integrity officer's; the amount here is the default.
        new(ObligationKind.IntegrityExplanation, DueAnchor.Event, IntegrityExplanationWorkingDays),
        new(ObligationKind.IntegrityExplanationByWorkingGroup, DueAnchor.Event, IntegrityExplanationWorkingDays) { Duty = ObligationDuty.WorkingGroup },

        // Exit steps: the working days come from the Exit: settings; the amounts here are the defaults.
        new(ObligationKind.ExitSelfAssessment, DueAnchor.Event, ExitStepWorkingDays),
        new(ObligationKind.ExitAudit, DueAnchor.Event, ExitStepWorkingDays) { Duty = ObligationDuty.WorkingGroup },
        new(ObligationKind.ExitAnswer, DueAnchor.Event, ExitStepWorkingDays),
        new(ObligationKind.ExitExpertReview, DueAnchor.Event, ExitStepWorkingDays) { Duty = ObligationDuty.WorkingGroup },
        new(ObligationKind.ExitConfirmation, DueAnchor.Event, ExitStepWorkingDays) { Duty = ObligationDuty.WorkingGroup },

        // Coaching follow-ups: owed by the organisation coached, before any project (the coach sets the working days).
        new(ObligationKind.CoachingFollowUp, DueAnchor.Event, CoachingFollowUpWorkingDays) { WithoutProject = true },
    ];

    public static ObligationRule For(ObligationKind kind) =>
        Table.FirstOrDefault(r => r.Kind == kind) ?? throw new ArgumentOutOfRangeException(nameof(kind), kind, "No rule for this kind.");

    /// <summary>Whether a kind may be owed with no project (<see cref="ObligationRule.WithoutProject"/>); false for an unknown kind.</summary>
    public static bool MayHaveNoProject(ObligationKind kind) => Table.Any(r => r.Kind == kind && r.WithoutProject);

    /// <summary>Whose duty a kind is (<see cref="ObligationRule.Duty"/>).</summary>
    public static ObligationDuty DutyOf(ObligationKind kind) => For(kind).Duty;

    /// <summary>The kinds the working group owes; the institution's lists leave them out.</summary>
    public static IReadOnlyList<ObligationKind> WorkingGroupKinds { get; } =
        [.. Table.Where(r => r.Duty == ObligationDuty.WorkingGroup).Select(r => r.Kind)];

    /// <summary>Working days after the period's end a periodic report is due: monthly 10, quarterly 15.</summary>
    public static int ReportWorkingDays(ReportFrequency frequency) =>
        frequency == ReportFrequency.Quarterly ? QuarterlyReportWorkingDays : MonthlyReportWorkingDays;

    /// <summary>A periodic report is due by the end of the N-th working day after its period ends.</summary>
    public static DateTimeOffset ReportDue(DateOnly periodEnd, ReportFrequency frequency, WorkingDayCalendar calendar) =>
        EndOf(calendar.AddWorkingDays(periodEnd, ReportWorkingDays(frequency)));

    /// <summary>
    /// A metric stream's next sample is due by the end of the grace working days after the end of
    /// the period following the last one received (or, before any, the period the plan starts in).
    /// </summary>
    public static DateTimeOffset MetricFreshnessDue(
        DateOnly? lastPeriodEnd, DateOnly planStartsOn, ReportFrequency frequency, WorkingDayCalendar calendar,
        int graceWorkingDays = MetricFreshnessGraceWorkingDays)
    {
        var next = lastPeriodEnd is { } last ? ReportPeriod.Of(last.AddDays(1), frequency) : ReportPeriod.Of(planStartsOn, frequency);
        return EndOf(calendar.AddWorkingDays(next.End, graceWorkingDays));
    }

    /// <summary>An incident is reported within a number of hours of its detection (clock hours: incidents do not wait for Monday).</summary>
    public static DateTimeOffset IncidentReportDue(DateTimeOffset detectedAt, int hours = DefaultIncidentReportHours)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(hours, 1);
        return Precise(detectedAt.AddHours(hours));
    }

    /// <summary>A disclosure the working group asks for is due N working days after it asked.</summary>
    public static DateTimeOffset DisclosureDue(DateTimeOffset askedAt, WorkingDayCalendar calendar, int workingDays = DefaultDisclosureWorkingDays) =>
        Precise(calendar.DeadlineAfter(askedAt, workingDays));

    /// <summary>The supervision plan is confirmed within N working days of admission.</summary>
    public static DateTimeOffset PlanConfirmationDue(DateTimeOffset admittedAt, WorkingDayCalendar calendar, int workingDays = PlanConfirmationWorkingDays) =>
        Precise(calendar.DeadlineAfter(admittedAt, workingDays));

    /// <summary>A supplement to a report is due N working days after the working group asked for it.</summary>
    public static DateTimeOffset ReportSupplementDue(DateTimeOffset askedAt, WorkingDayCalendar calendar, int workingDays = ReportSupplementWorkingDays) =>
        Precise(calendar.DeadlineAfter(askedAt, workingDays));

    /// <summary>A step of a plan change's review is due N working days after it began (the request, or the routing to the coordination group).</summary>
    public static DateTimeOffset PlanChangeReviewDue(DateTimeOffset startedAt, WorkingDayCalendar calendar, int workingDays = PlanChangeReviewWorkingDays) =>
        Precise(calendar.DeadlineAfter(startedAt, workingDays));

    /// <summary>A step of the exit path is due N working days after it began.</summary>
    public static DateTimeOffset ExitStepDue(DateTimeOffset startedAt, WorkingDayCalendar calendar, int workingDays = ExitStepWorkingDays) =>
        Precise(calendar.DeadlineAfter(startedAt, workingDays));

    /// <summary>
    /// The pilot exits or asks for an extension by the end of the N-th working day before its
    /// approved end date, so the working group can decide before the pilot runs out.
    /// </summary>
    public static DateTimeOffset ExitOrExtensionDue(DateOnly approvedEndsOn, WorkingDayCalendar calendar, int workingDaysBefore = ExitOrExtensionWorkingDaysBefore) =>
        EndOf(WorkingDaysBefore(approvedEndsOn, workingDaysBefore, calendar));

    /// <summary>
    /// The day a reminder at <paramref name="offset"/> working days from the due date falls on:
    /// −1 is the last working day before the due day, +1 the first working day after it.
    /// </summary>
    public static DateOnly ReminderDate(DateTimeOffset dueAt, int offset, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var dueDay = ChinaTime.DateOf(dueAt);
        return offset >= 0 ? calendar.AddWorkingDays(dueDay, offset) : WorkingDaysBefore(dueDay, -offset, calendar);
    }

    /// <summary>The n-th working day strictly before <paramref name="date"/> (n = 0 gives the date back).</summary>
    public static DateOnly WorkingDaysBefore(DateOnly date, int n, WorkingDayCalendar calendar)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentNullException.ThrowIfNull(calendar);
        while (n > 0)
        {
            date = date.AddDays(-1);
            if (calendar.IsWorkingDay(date))
            {
                n--;
            }
        }

        return date;
    }

    /// <summary>
    /// Due times are kept to the millisecond, which both databases store exactly: the end of a day
    /// is 23:59:59.999, Beijing time.
    /// </summary>
    public static DateTimeOffset Precise(DateTimeOffset instant)
    {
        var utc = instant.ToUniversalTime();
        return utc.AddTicks(-(utc.Ticks % TimeSpan.TicksPerMillisecond));
    }

    private static DateTimeOffset EndOf(DateOnly day) => Precise(ChinaTime.EndOfDay(day));
}
