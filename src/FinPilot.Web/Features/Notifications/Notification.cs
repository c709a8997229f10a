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
