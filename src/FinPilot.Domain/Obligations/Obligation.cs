using FinPilot.Domain.Calendar;
using FinPilot.Domain.Common;
using FinPilot.Domain.Identity;
using FinPilot.Domain.Supervision;

namespace FinPilot.Domain.Obligations;

/// <summary>
/// One duty of a pilot with a deadline clock (义务与时限): a periodic report, an incident report, a
/// disclosure asked for, … Identified by (project, kind, subject), so whoever creates it may try
/// again without making a second one. A few kinds (<see cref="ObligationRules.MayHaveNoProject"/>:
/// coaching follow-ups) are owed by an organisation before any project exists: their project is
/// <see cref="NoProject"/>. Open until fulfilled or waived; overdue is an open
/// obligation past <see cref="DueAt"/>. The clock records on the row which reminders it sent and
/// whether it told of the overdue, so each goes out once however many clocks run.
/// </summary>
public sealed class Obligation : ISupervisedRecord, IRecordsEvents
{
    public const int MaxSubjectLength = 100;
    public const int MaxActorLength = 450;
    public const int MaxReasonLength = 2000;

    /// <summary>The <see cref="ProjectId"/> of an obligation owed by an organisation with no project (only kinds that allow it).</summary>
    public static readonly Guid NoProject = Guid.Empty;

    private readonly EventLog _events = new();

    private Obligation()
    {
    }

    IReadOnlyList<IDomainEvent> IRecordsEvents.PendingEvents => _events.Pending;

    void IRecordsEvents.ClearEvents() => _events.Clear();

    public Guid Id { get; private set; }

    /// <summary>The pilot it belongs to; <see cref="NoProject"/> for an organisation's duty before any project (coaching follow-ups).</summary>
    public Guid ProjectId { get; private set; }

    public int RegionId { get; private set; }

    /// <summary>The organisation that owes it: the project's lead organisation (with no project: the organisation itself).</summary>
    public Guid OrganisationId { get; private set; }

    public ObligationKind Kind { get; private set; }

    /// <summary>What the duty is about, unique per project and kind: a period key, an incident id, a metric code.</summary>
    public string Subject { get; private set; } = string.Empty;

    /// <summary>When it is due, in UTC to the millisecond (<see cref="ObligationRules.Precise"/>).</summary>
    public DateTimeOffset DueAt { get; private set; }

    public ObligationStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When it was fulfilled or waived.</summary>
    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>Who fulfilled or waived it (a user id, or "system").</summary>
    public string? ClosedBy { get; private set; }

    /// <summary>Why it was waived.</summary>
    public string? WaiveReason { get; private set; }

    /// <summary>The reminder offsets (working days from the due date) already dealt with, ascending.</summary>
    public IReadOnlyList<int> RemindersSent { get; private set; } = [];

    /// <summary>When the clock told the overdue listeners; null until then.</summary>
    public DateTimeOffset? OverdueNotifiedAt { get; private set; }

    public Guid Version { get; private set; }

    public bool IsOpen => Status == ObligationStatus.Open;

    /// <summary>Whether it is open and its due time has passed.</summary>
    public bool IsOverdue(DateTimeOffset now) => Status == ObligationStatus.Open && now > DueAt;

    public static Result<Obligation> Create(
        Guid projectId, int regionId, Guid organisationId, ObligationKind kind, string subject, DateTimeOffset dueAt, DateTimeOffset now)
    {
        var errors = new List<Error>();
        if (projectId == NoProject && !ObligationRules.MayHaveNoProject(kind))
        {
            errors.Add(new Error(ObligationErrors.OwnerMissing, nameof(ProjectId)));
        }

        if (regionId <= 0)
        {
            errors.Add(new Error(ObligationErrors.OwnerMissing, nameof(RegionId)));
        }

        if (organisationId == Guid.Empty)
        {
            errors.Add(new Error(ObligationErrors.OwnerMissing, nameof(OrganisationId)));
        }

        if (!Enum.IsDefined(kind))
        {
            errors.Add(new Error(ObligationErrors.KindUnknown, nameof(Kind), (int)kind));
        }

        if (!ValidSubject(subject))
        {
            errors.Add(new Error(ObligationErrors.SubjectInvalid, nameof(Subject), MaxSubjectLength));
        }

        if (errors.Count > 0)
        {
            return Result<Obligation>.Fail([.. errors]);
        }

        return new Obligation
        {
            Id = Guid.CreateVersion7(now),
            ProjectId = projectId,
            RegionId = regionId,
            OrganisationId = organisationId,
            Kind = kind,
            Subject = subject,
            DueAt = ObligationRules.Precise(dueAt),
            Status = ObligationStatus.Open,
            CreatedAt = now,
            Version = Guid.NewGuid(),
        };
    }

    /// <summary>A subject is a key, not prose: 1–100 characters, no spaces at the ends, no control characters.</summary>
    public static bool ValidSubject(string? subject) =>
        !string.IsNullOrWhiteSpace(subject) && subject.Length <= MaxSubjectLength && subject == subject.Trim() && !subject.Any(char.IsControl);

    /// <summary>The duty was met (the report submitted, the incident reported); late or not, it is met.</summary>
    public Result Fulfil(DateTimeOffset at, string by)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        if (Status != ObligationStatus.Open)
        {
            return new Error(ObligationErrors.NotOpen, null, Status);
        }

        Status = ObligationStatus.Fulfilled;
        ClosedAt = at;
        ClosedBy = Clip(by, MaxActorLength);
        Version = Guid.NewGuid();
        return Result.Ok();
    }

    /// <summary>The duty no longer applies (the pilot exited, the request was withdrawn); the reason is kept.</summary>
    public Result Waive(DateTimeOffset at, string by, string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        var errors = Text.Required(reason, "reason", MaxReasonLength).ToArray();
        if (errors.Length > 0)
        {
            return Result.Fail(errors);
        }

        if (Status != ObligationStatus.Open)
        {
            return new Error(ObligationErrors.NotOpen, null, Status);
        }

        Status = ObligationStatus.Waived;
        ClosedAt = at;
        ClosedBy = Clip(by, MaxActorLength);
        WaiveReason = reason.Trim();
        Version = Guid.NewGuid();
        return Result.Ok();
    }

    /// <summary>
    /// What the clock should do about reminders now: the configured offsets whose day has come and
    /// that were not dealt with yet (<see cref="ReminderPlan.Record"/>), and the one of them to send
    /// (the latest; the earlier ones are recorded without a message, as a late-created obligation
    /// should not get a "due in 5 days" and a "due tomorrow" at once). A reminder before the due time
    /// is never sent once it has passed.
    /// </summary>
    public ReminderPlan RemindersDue(IReadOnlyCollection<int> offsets, DateTimeOffset now, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(offsets);
        ArgumentNullException.ThrowIfNull(calendar);
        if (Status != ObligationStatus.Open)
        {
            return ReminderPlan.None;
        }

        var today = ChinaTime.DateOf(now);
        var overdue = now > DueAt;
        var come = offsets.Where(o => o != 0 && !RemindersSent.Contains(o))
            .Where(o => ObligationRules.ReminderDate(DueAt, o, calendar) <= today && (o < 0 || overdue))
            .Distinct().Order().ToList();
        if (come.Count == 0)
        {
            return ReminderPlan.None;
        }

        var latest = come[^1];
        int? send = latest < 0 && overdue ? null : latest;
        return new ReminderPlan(come, send);
    }

    /// <summary>Records reminder offsets as dealt with; refused when one of them already was (another clock got there first).</summary>
    public Result RecordReminders(IEnumerable<int> offsets)
    {
        ArgumentNullException.ThrowIfNull(offsets);
        var list = offsets.Distinct().ToList();
        foreach (var offset in list)
        {
            if (offset == 0 || RemindersSent.Contains(offset))
            {
                return new Error(ObligationErrors.ReminderAlreadySent, null, offset);
            }
        }

        if (list.Count == 0)
        {
            return Result.Ok();
        }

        RemindersSent = [.. RemindersSent.Concat(list).Order()];
        Version = Guid.NewGuid();
        _events.Record(new ObligationReminded(list));
        return Result.Ok();
    }

    /// <summary>The clock claims telling the overdue listeners, once: refused if not overdue or already told.</summary>
    public Result MarkOverdueNotified(DateTimeOffset now)
    {
        if (!IsOverdue(now) || OverdueNotifiedAt is not null)
        {
            return new Error(ObligationErrors.NotOverdue);
        }

        OverdueNotifiedAt = now;
        Version = Guid.NewGuid();
        _events.Record(new ObligationOverdueClaimed());
        return Result.Ok();
    }

    /// <summary>Gives a claim back when the listeners failed, so the next run tells them again.</summary>
    public void ReleaseOverdueNotified()
    {
        if (OverdueNotifiedAt is null)
        {
            return;
        }

        OverdueNotifiedAt = null;
        Version = Guid.NewGuid();
    }

    private static string Clip(string value, int max) => value.Length > max ? value[..max] : value;
}

/// <summary>What the clock does about one obligation's reminders on one run.</summary>
/// <param name="Record">Offsets to record as dealt with (ascending).</param>
/// <param name="Send">The offset whose message goes out; null when none does.</param>
public sealed record ReminderPlan(IReadOnlyList<int> Record, int? Send)
{
    public static ReminderPlan None { get; } = new([], null);

    public bool IsEmpty => Record.Count == 0;
}

/// <summary>The clock dealt with these reminder offsets (working days before, or after, the due date).</summary>
public sealed record ObligationReminded(IReadOnlyList<int> Offsets) : IDomainEvent;

/// <summary>The clock claimed telling the overdue listeners.</summary>
public sealed record ObligationOverdueClaimed : IDomainEvent;
