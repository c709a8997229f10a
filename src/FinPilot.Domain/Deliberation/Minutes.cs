namespace FinPilot.Domain.Deliberation;

/// <summary>
/// The names the minutes print, looked up by the caller: members by user id, departments by
/// code, projects by id. A missing name prints the id or code, so the minutes never lose a row.
/// </summary>
public sealed record MinutesNames(
    IReadOnlyDictionary<string, string> Members,
    IReadOnlyDictionary<string, string> Departments,
    IReadOnlyDictionary<Guid, string> Projects)
{
    public static MinutesNames None { get; } = new(new Dictionary<string, string>(), new Dictionary<string, string>(), new Dictionary<Guid, string>());

    public string Member(string userId) => Members.GetValueOrDefault(userId) ?? userId;

    public string Department(string code) => Departments.GetValueOrDefault(code) ?? code;

    public string Project(Guid projectId) => Projects.GetValueOrDefault(projectId) ?? projectId.ToString();
}

/// <summary>
/// 会议纪要 as data: what a renderer (DOCX, PDF, a page) lays out. It holds no formatted dates,
/// numbers or words of any language, so every culture renders the same record; headings and
/// labels are the renderer's. <see cref="Status"/> tells a final record (Closed) from a draft.
/// </summary>
public sealed record MeetingMinutes(
    Guid MeetingId,
    string Title,
    DateOnly Date,
    TimeOnly Time,
    MeetingStatus Status,
    MinutesPerson Chair,
    IReadOnlyList<MinutesPerson> Attendance,
    IReadOnlyList<MinutesRecusal> Recusals,
    IReadOnlyList<MinutesItem> Items);

public sealed record MinutesPerson(string UserId, string Name);

/// <summary>A member recused from an item (回避), by the item's number on the agenda; with the reason when the member declared the conflict.</summary>
public sealed record MinutesRecusal(int ItemNumber, MinutesPerson Member, string? DeclaredReason = null);

/// <summary>
/// One agenda item, numbered from 1 in agenda order; resolution is null until it is resolved. The item's
/// single tally is there only for resolutions recorded before votes were per project; since, each outcome has its own.
/// </summary>
public sealed record MinutesItem(
    int Number,
    AgendaItemKind Kind,
    string Title,
    IReadOnlyList<MinutesProject> Projects,
    string WorkingGroupView,
    IReadOnlyList<MinutesOpinion> Opinions,
    VoteTally? Tally,
    MinutesResolution? Resolution);

public sealed record MinutesProject(Guid ProjectId, string Title);

/// <summary>A department's opinion, or an unanswered request (<see cref="Opinion"/> null).</summary>
public sealed record MinutesOpinion(string DepartmentCode, string DepartmentName, DateOnly DueOn, string? Opinion, DateTimeOffset? RecordedAt, bool Late);

/// <param name="WaivedOpinions">Departments whose awaited opinion the item went ahead without, for <paramref name="ProceedReason"/>.</param>
public sealed record MinutesResolution(
    string Text, IReadOnlyList<MinutesOutcome> Outcomes, MinutesPerson RecordedBy, DateTimeOffset RecordedAt,
    IReadOnlyList<MinutesOpinion> WaivedOpinions, string? ProceedReason);

/// <param name="AgainstMajority">The chair decided against the majority of the votes, for <paramref name="DeviationReason"/>.</param>
public sealed record MinutesOutcome(
    MinutesProject Project, OutcomeKind Kind, IReadOnlyList<string> Conditions, string? Reason, VoteTally? Tally, bool AgainstMajority, string? DeviationReason);

/// <summary>Composes the minutes of a meeting at any status; a pure function of the meeting and the names.</summary>
public static class Minutes
{
    /// <remarks>
    /// Individual votes are not in the minutes, only the tally, so that the record shows what the
    /// group decided rather than who voted how; the ballots stay on the item for integrity review.
    /// </remarks>
    public static MeetingMinutes Compose(Meeting meeting, MinutesNames names)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(names);
        MinutesPerson Person(string userId) => new(userId, names.Member(userId));
        MinutesProject Project(Guid projectId) => new(projectId, names.Project(projectId));

        var items = meeting.AgendaItems.Select((item, index) => new MinutesItem(
            index + 1,
            item.Kind,
            item.Title,
            [.. item.ProjectIds.Select(Project)],
            item.WorkingGroupView,
            [.. item.OpinionRequests.Select(r => new MinutesOpinion(r.DepartmentCode, names.Department(r.DepartmentCode), r.DueOn, r.Opinion, r.RecordedAt, r.AnsweredLate))],
            item.Resolution?.Tally,
            item.Resolution is { } resolution
                ? new MinutesResolution(
                    resolution.Text,
                    [.. resolution.Outcomes.Select(o => new MinutesOutcome(
                        Project(o.ProjectId), o.Kind, o.Conditions, o.Reason, o.Tally, o.AgainstMajority, o.DeviationReason))],
                    Person(resolution.RecordedBy),
                    resolution.RecordedAt,
                    [.. resolution.WaivedOpinions.Select(w => new MinutesOpinion(w.DepartmentCode, names.Department(w.DepartmentCode), w.DueOn, null, null, false))],
                    resolution.ProceedReason)
                : null)).ToArray();

        var recusals = meeting.AgendaItems
            .SelectMany((item, index) => item.RecusedMemberIds.Select(member =>
                new MinutesRecusal(index + 1, Person(member), item.DeclaredConflicts.FirstOrDefault(c => c.MemberId == member)?.Reason)))
            .ToArray();

        return new MeetingMinutes(
            meeting.Id,
            meeting.Title,
            meeting.Date,
            meeting.Time,
            meeting.Status,
            Person(meeting.ChairId),
            [.. meeting.AttendeeIds.Select(Person)],
            recusals,
            items);
    }
}
