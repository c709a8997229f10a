using FinPilot.Domain.Calendar;
using FinPilot.Domain.Common;
using FinPilot.Domain.Projects;

namespace FinPilot.Domain.Deliberation;

/// <summary>Where a meeting is. The numbers are stored, so they never change.</summary>
public enum MeetingStatus
{
    /// <summary>已安排: details, attendees and agenda may still change; departments may be asked for opinions.</summary>
    Scheduled = 1,

    /// <summary>已召开: in session; attendees and agenda are fixed, members vote and the chair records resolutions.</summary>
    Held = 2,

    /// <summary>已结束: every item resolved; the minutes are final.</summary>
    Closed = 3,
}

/// <summary>What a meeting is scheduled as; the chair must be one of the attendees.</summary>
/// <param name="AttendeeIds">User ids of the coordination-group members attending.</param>
public sealed record MeetingDetails(string Title, DateOnly Date, TimeOnly Time, string ChairId, IReadOnlyList<string> AttendeeIds);

/// <summary>
/// 协调小组会议: a meeting of the coordination group that deliberates agenda items and records a
/// resolution on each. Decisions about projects are the projects' own moves
/// (<see cref="PilotProject.Approve"/> and so on), which the caller pulls from the resolution as
/// <see cref="AgendaItemKinds"/> says; the meeting only records what was decided and how.
/// </summary>
/// <remarks>
/// Instants and dates are passed in; the domain has no clock. Errors about the meeting's or an
/// item's state name no field; errors about inputs name the parameter. Refused changes leave the
/// meeting exactly as it was. Opinions, votes and resolutions are in <c>Meeting.Decisions.cs</c>.
/// </remarks>
public sealed partial class Meeting : IRecordsEvents
{
    public const int MaxTitleLength = 200;
    public const int MaxAttendees = 50;
    public const int MaxAgendaItems = 50;

    private readonly List<AgendaItem> _agendaItems = [];
    private readonly EventLog _events = new();

    private Meeting()
    {
    }

    public Guid Id { get; private set; }

    public string Title { get; private set; } = string.Empty;

    public DateOnly Date { get; private set; }

    /// <summary>The time of day the meeting starts, Beijing time.</summary>
    public TimeOnly Time { get; private set; }

    /// <summary>The member who chairs and records resolutions; always an attendee.</summary>
    public string ChairId { get; private set; } = string.Empty;

    /// <summary>The attending members' user ids, in the order given, each once.</summary>
    public IReadOnlyList<string> AttendeeIds { get; private set; } = [];

    public MeetingStatus Status { get; private set; }

    public IReadOnlyList<AgendaItem> AgendaItems => _agendaItems;

    public DateTimeOffset CreatedAt { get; private set; }

    public string CreatedBy { get; private set; } = string.Empty;

    public DateTimeOffset? HeldAt { get; private set; }

    public string? HeldBy { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public string? ClosedBy { get; private set; }

    /// <summary>Changed on every save so that two people acting at once cannot overwrite each other.</summary>
    public Guid Version { get; private set; }

    IReadOnlyList<IDomainEvent> IRecordsEvents.PendingEvents => _events.Pending;

    public static Result<Meeting> Schedule(Guid id, MeetingDetails details, DateTimeOffset now, string actorUserId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actorUserId);
        ArgumentNullException.ThrowIfNull(details);
        var errors = Validate(details, out var attendees).ToArray();
        if (errors.Length > 0)
        {
            return Result<Meeting>.Fail(errors);
        }

        var meeting = new Meeting { Id = id, Status = MeetingStatus.Scheduled, CreatedAt = now, CreatedBy = actorUserId };
        meeting.Apply(details, attendees);
        meeting._events.Record(new MeetingScheduled(details));
        return meeting;
    }

    /// <summary>Changes title, date, time, chair or attendees while the meeting is still only scheduled.</summary>
    public Result Reschedule(MeetingDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        if (Status != MeetingStatus.Scheduled)
        {
            return new Error(DeliberationErrors.NotScheduled, null, Status);
        }

        var errors = Validate(details, out var attendees).ToArray();
        if (errors.Length > 0)
        {
            return Result.Fail(errors);
        }

        Apply(details, attendees);
        return Result.Ok();
    }

    /// <summary>
    /// Hands the chair to another attendee, before or during the meeting: when the chair is
    /// recused from an item, another member presides over it and records its resolution.
    /// </summary>
    public Result AssignChair(string memberId)
    {
        if (Status == MeetingStatus.Closed)
        {
            return new Error(DeliberationErrors.Closed);
        }

        if (!AttendeeIds.Contains(memberId))
        {
            return new Error(DeliberationErrors.ChairNotAttendee, nameof(memberId), memberId);
        }

        ChairId = memberId;
        Version = Guid.NewGuid();
        return Result.Ok();
    }

    /// <summary>
    /// Puts a matter on the agenda. Every project must be in a stage the kind expects
    /// (<see cref="AgendaItemKinds"/>) and on no other item of that kind in this meeting. An item id
    /// already on the agenda is the caller's mistake and throws.
    /// </summary>
    public Result AddAgendaItem(
        Guid itemId, AgendaItemKind kind, string title, IReadOnlyList<PilotProject> projects, string workingGroupView, DateTimeOffset now, string actorUserId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actorUserId);
        if (_agendaItems.Any(i => i.Id == itemId))
        {
            throw new ArgumentException($"The meeting already has an agenda item {itemId}.", nameof(itemId));
        }

        if (Status != MeetingStatus.Scheduled)
        {
            return new Error(DeliberationErrors.NotScheduled, null, Status);
        }

        if (_agendaItems.Count >= MaxAgendaItems)
        {
            return new Error(DeliberationErrors.TooManyAgendaItems, null, MaxAgendaItems);
        }

        var created = AgendaItem.Create(itemId, kind, title, projects, workingGroupView, now, actorUserId);
        if (!created.Succeeded)
        {
            return Result.Fail(created.Errors);
        }

        var item = created.Value;
        var taken = _agendaItems.Where(i => i.Kind == item.Kind).SelectMany(i => i.ProjectIds).ToHashSet();
        var clashes = item.ProjectIds.Where(taken.Contains).Select(p => new Error(DeliberationErrors.ProjectAlreadyOnAgenda, nameof(projects), p)).ToArray();
        if (clashes.Length > 0)
        {
            return Result.Fail(clashes);
        }

        _agendaItems.Add(item);
        Version = Guid.NewGuid();
        _events.Record(new AgendaItemAdded(itemId, kind, title));
        return Result.Ok();
    }

    /// <summary>Takes an item off the agenda while the meeting is still only scheduled.</summary>
    public Result RemoveAgendaItem(Guid itemId)
    {
        if (Status != MeetingStatus.Scheduled)
        {
            return new Error(DeliberationErrors.NotScheduled, null, Status);
        }

        if (Find(itemId) is not { } item)
        {
            return new Error(DeliberationErrors.ItemNotFound, null, itemId);
        }

        _agendaItems.Remove(item);
        Version = Guid.NewGuid();
        return Result.Ok();
    }

    /// <summary>召开: the chair opens the meeting; from now on attendees and agenda are fixed. Not before its date.</summary>
    public Result Convene(DateTimeOffset now, string actorUserId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actorUserId);
        if (Status != MeetingStatus.Scheduled)
        {
            return new Error(DeliberationErrors.NotScheduled, null, Status);
        }

        if (actorUserId != ChairId)
        {
            return new Error(DeliberationErrors.NotChairToRun, null, actorUserId);
        }

        if (ChinaTime.DateOf(now) < Date)
        {
            return new Error(DeliberationErrors.NotYetDue, null, Date);
        }

        if (_agendaItems.Count == 0)
        {
            return new Error(DeliberationErrors.NoAgendaItems);
        }

        Status = MeetingStatus.Held;
        HeldAt = now;
        HeldBy = actorUserId;
        Version = Guid.NewGuid();
        _events.Record(new MeetingConvened());
        return Result.Ok();
    }

    /// <summary>结束: the chair ends the meeting once every item has its resolution.</summary>
    public Result Close(DateTimeOffset now, string actorUserId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actorUserId);
        if (Status != MeetingStatus.Held)
        {
            return new Error(DeliberationErrors.NotHeld, null, Status);
        }

        if (actorUserId != ChairId)
        {
            return new Error(DeliberationErrors.NotChairToRun, null, actorUserId);
        }

        var unresolved = _agendaItems.Count(i => i.Status != AgendaItemStatus.Resolved);
        if (unresolved > 0)
        {
            return new Error(DeliberationErrors.ItemsUnresolved, null, unresolved);
        }

        Status = MeetingStatus.Closed;
        ClosedAt = now;
        ClosedBy = actorUserId;
        Version = Guid.NewGuid();
        _events.Record(new MeetingClosed());
        return Result.Ok();
    }

    public AgendaItem? Find(Guid itemId) => _agendaItems.FirstOrDefault(i => i.Id == itemId);

    void IRecordsEvents.ClearEvents() => _events.Clear();

    private Result OnItem(Guid itemId, Func<AgendaItem, Result> change, IDomainEvent? recorded = null)
    {
        if (Status == MeetingStatus.Closed)
        {
            return new Error(DeliberationErrors.Closed);
        }

        if (Find(itemId) is not { } item)
        {
            return new Error(DeliberationErrors.ItemNotFound, null, itemId);
        }

        var result = change(item);
        if (result.Succeeded)
        {
            Version = Guid.NewGuid();
            if (recorded is not null)
            {
                _events.Record(recorded);
            }
        }

        return result;
    }

    private static IEnumerable<Error> Validate(MeetingDetails details, out string[] attendees)
    {
        attendees = [.. (details.AttendeeIds ?? []).Select(Text.Clean).OfType<string>().Distinct(StringComparer.Ordinal)];
        var errors = Text.Required(details.Title, nameof(details.Title), MaxTitleLength).ToList();
        if (attendees.Length == 0)
        {
            errors.Add(new Error(DeliberationErrors.AttendeesRequired, nameof(details.AttendeeIds)));
        }
        else if (attendees.Length > MaxAttendees)
        {
            errors.Add(new Error(DeliberationErrors.TooManyAttendees, nameof(details.AttendeeIds), MaxAttendees));
        }

        var chair = Text.Clean(details.ChairId);
        if (chair is null)
        {
            errors.Add(new Error(Text.RequiredCode, nameof(details.ChairId)));
        }
        else if (attendees.Length > 0 && !attendees.Contains(chair))
        {
            errors.Add(new Error(DeliberationErrors.ChairNotAttendee, nameof(details.ChairId), chair));
        }

        return errors;
    }

    private void Apply(MeetingDetails details, string[] attendees)
    {
        Title = details.Title.Trim();
        Date = details.Date;
        Time = details.Time;
        ChairId = details.ChairId.Trim();
        AttendeeIds = attendees;
        Version = Guid.NewGuid();
    }
}
