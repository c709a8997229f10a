using FinPilot.Domain.Calendar;
using FinPilot.Domain.Common;
using FinPilot.Domain.Projects;

namespace FinPilot.Domain.Deliberation;

/// <summary>Where an agenda item is. The numbers are stored, so they never change.</summary>
public enum AgendaItemStatus
{
    /// <summary>待审议: on the agenda, taking opinions and, once the meeting is held, votes.</summary>
    Pending = 1,

    /// <summary>已决议: the chair has recorded the resolution; nothing on the item changes any more.</summary>
    Resolved = 2,
}

/// <summary>
/// 议题: one matter the coordination group decides at a meeting — its kind, the projects it
/// concerns, the working group's view, the departments' opinions, the members' votes and the
/// resolution. It changes only through its <see cref="Meeting"/>, which checks the meeting's
/// status first and keeps the version.
/// </summary>
public sealed class AgendaItem
{
    public const int MaxTitleLength = 200;
    public const int MaxProjects = 100;
    public const int MaxViewLength = 10_000;
    public const int MaxDepartmentCodeLength = 50;
    public const int MaxOpinionLength = 10_000;
    public const int MaxCommentLength = 2000;
    public const int MaxResolutionLength = 10_000;

    private readonly List<OpinionRequest> _opinionRequests = [];
    private readonly List<Ballot> _ballots = [];
    private readonly List<string> _recusedMemberIds = [];

    private AgendaItem()
    {
    }

    public Guid Id { get; private set; }

    public AgendaItemKind Kind { get; private set; }

    public string Title { get; private set; } = string.Empty;

    /// <summary>The projects concerned, in the order given, each once.</summary>
    public IReadOnlyList<Guid> ProjectIds { get; private set; } = [];

    /// <summary>地区工作组意见: the working group's view, which the members read before voting.</summary>
    public string WorkingGroupView { get; private set; } = string.Empty;

    public AgendaItemStatus Status { get; private set; }

    public DateTimeOffset AddedAt { get; private set; }

    public string AddedBy { get; private set; } = string.Empty;

    /// <summary>Every opinion request, oldest first.</summary>
    public IReadOnlyList<OpinionRequest> OpinionRequests => _opinionRequests;

    /// <summary>Every vote, in the order cast.</summary>
    public IReadOnlyList<Ballot> Ballots => _ballots;

    /// <summary>
    /// 回避: the attendees recused from this item, in attendance order. The caller works them out
    /// from conflicts and passes them with every vote and with the resolution; a recusal, once
    /// recorded, stands.
    /// </summary>
    public IReadOnlyList<string> RecusedMemberIds => _recusedMemberIds;

    public Resolution? Resolution { get; private set; }

    internal static Result<AgendaItem> Create(
        Guid id, AgendaItemKind kind, string title, IReadOnlyList<PilotProject> projects, string workingGroupView, DateTimeOffset now, string actorUserId)
    {
        var distinct = (projects ?? []).Where(p => p is not null).DistinctBy(p => p.Id).ToArray();
        var errors = new List<Error>();
        if (!Enum.IsDefined(kind))
        {
            errors.Add(new Error(DeliberationErrors.KindUnknown, nameof(kind), (int)kind));
        }

        errors.AddRange(Text.Required(title, nameof(title), MaxTitleLength));
        if (distinct.Length == 0)
        {
            errors.Add(new Error(DeliberationErrors.ProjectsRequired, nameof(projects)));
        }
        else if (distinct.Length > MaxProjects)
        {
            errors.Add(new Error(DeliberationErrors.TooManyProjects, nameof(projects), MaxProjects));
        }
        else if (Enum.IsDefined(kind))
        {
            errors.AddRange(distinct
                .Where(p => !AgendaItemKinds.Accepts(kind, p.Stage))
                .Select(p => new Error(DeliberationErrors.ProjectStageUnexpected, nameof(projects), p.Id, p.Stage, kind)));
        }

        errors.AddRange(Text.Required(workingGroupView, nameof(workingGroupView), MaxViewLength));
        if (errors.Count > 0)
        {
            return Result<AgendaItem>.Fail([.. errors]);
        }

        return new AgendaItem
        {
            Id = id,
            Kind = kind,
            Title = title.Trim(),
            ProjectIds = [.. distinct.Select(p => p.Id)],
            WorkingGroupView = workingGroupView.Trim(),
            Status = AgendaItemStatus.Pending,
            AddedAt = now,
            AddedBy = actorUserId,
        };
    }

    internal Result RequestOpinion(string departmentCode, DateOnly dueOn, DateTimeOffset now, string actorUserId)
    {
        if (Status == AgendaItemStatus.Resolved)
        {
            return new Error(DeliberationErrors.AlreadyResolved);
        }

        var errors = Text.Required(departmentCode, nameof(departmentCode), MaxDepartmentCodeLength).ToList();
        var today = ChinaTime.DateOf(now);
        if (dueOn < today)
        {
            errors.Add(new Error(DeliberationErrors.OpinionDueInPast, nameof(dueOn), today));
        }

        var code = Text.Clean(departmentCode);
        if (code is not null && OpenRequest(code) is { } open)
        {
            errors.Add(new Error(DeliberationErrors.OpinionAlreadyRequested, nameof(departmentCode), code, open.DueOn));
        }

        if (errors.Count > 0)
        {
            return Result.Fail(errors);
        }

        _opinionRequests.Add(new OpinionRequest(code!, dueOn, now, actorUserId));
        return Result.Ok();
    }

    internal Result RecordOpinion(string departmentCode, string opinion, DateTimeOffset now, string actorUserId)
    {
        if (Status == AgendaItemStatus.Resolved)
        {
            return new Error(DeliberationErrors.AlreadyResolved);
        }

        var errors = Text.Required(departmentCode, nameof(departmentCode), MaxDepartmentCodeLength).ToList();
        var code = Text.Clean(departmentCode);
        var open = code is null ? null : OpenRequest(code);
        if (code is not null && open is null)
        {
            errors.Add(new Error(DeliberationErrors.OpinionNotRequested, nameof(departmentCode), code));
        }

        errors.AddRange(Text.Required(opinion, nameof(opinion), MaxOpinionLength));
        if (errors.Count > 0)
        {
            return Result.Fail(errors);
        }

        _opinionRequests[_opinionRequests.IndexOf(open!)] = open! with { Opinion = opinion.Trim(), RecordedAt = now, RecordedBy = actorUserId };
        return Result.Ok();
    }

    internal Result Vote(
        IReadOnlyList<string> attendeeIds, string memberId, VoteChoice choice, string? comment, IReadOnlyList<string>? conditions,
        IReadOnlyCollection<string> recusedMemberIds, DateTimeOffset now)
    {
        if (Status == AgendaItemStatus.Resolved)
        {
            return new Error(DeliberationErrors.AlreadyResolved);
        }

        if (!attendeeIds.Contains(memberId))
        {
            return new Error(DeliberationErrors.NotAttendee, null, memberId);
        }

        var recused = RecusalsWith(attendeeIds, recusedMemberIds);
        if (recused.Contains(memberId))
        {
            return new Error(DeliberationErrors.Recused, null, memberId);
        }

        if (_ballots.FirstOrDefault(b => b.MemberId == memberId) is { } earlier)
        {
            return new Error(DeliberationErrors.AlreadyVoted, null, memberId, earlier.CastAt);
        }

        var cleaned = DecisionRules.Clean(conditions);
        var errors = new List<Error>();
        if (!Enum.IsDefined(choice))
        {
            errors.Add(new Error(DeliberationErrors.ChoiceUnknown, nameof(choice), (int)choice));
        }

        errors.AddRange(DecisionRules.ConditionErrors(choice == VoteChoice.ApproveWithConditions, cleaned, nameof(conditions)));
        errors.AddRange(Text.Optional(comment, nameof(comment), MaxCommentLength));
        if (errors.Count > 0)
        {
            return Result.Fail(errors);
        }

        _ballots.Add(new Ballot(memberId, choice, Text.Clean(comment), cleaned, now));
        Recuse(recused);
        return Result.Ok();
    }

    /// <summary>The count as it would stand with these recusals: for the chair's page, and for the resolution.</summary>
    internal VoteTally Tally(IReadOnlyList<string> attendeeIds, IReadOnlyCollection<string> recusedMemberIds) =>
        Status == AgendaItemStatus.Resolved
            ? Resolution!.Tally
            : VoteTally.Count(_ballots, attendeeIds, RecusalsWith(attendeeIds, recusedMemberIds).ToHashSet());

    internal Result Resolve(
        IReadOnlyList<string> attendeeIds, string chairId, IReadOnlyList<ProjectOutcome> outcomes, string text,
        IReadOnlyCollection<string> recusedMemberIds, DateTimeOffset now)
    {
        if (Status == AgendaItemStatus.Resolved)
        {
            return new Error(DeliberationErrors.AlreadyResolved);
        }

        var recused = RecusalsWith(attendeeIds, recusedMemberIds);
        if (recused.Contains(chairId))
        {
            return new Error(DeliberationErrors.Recused, null, chairId);
        }

        var tally = VoteTally.Count(_ballots, attendeeIds, recused.ToHashSet());
        if (!tally.HasQuorum)
        {
            return new Error(DeliberationErrors.NoQuorum, null, tally.Voted, tally.Eligible);
        }

        var errors = new List<Error>();
        var cleaned = DecisionRules.CleanOutcomes(ProjectIds, outcomes, errors);
        errors.AddRange(Text.Required(text, nameof(text), MaxResolutionLength));
        if (errors.Count > 0)
        {
            return Result.Fail(errors);
        }

        Recuse(recused);
        Resolution = new Resolution(text.Trim(), cleaned, tally, now, chairId);
        Status = AgendaItemStatus.Resolved;
        return Result.Ok();
    }

    private OpinionRequest? OpenRequest(string departmentCode) =>
        _opinionRequests.FirstOrDefault(r => r.IsOpen && string.Equals(r.DepartmentCode, departmentCode, StringComparison.Ordinal));

    /// <summary>The recusals already recorded plus the attendees among <paramref name="recusedMemberIds"/>, in attendance order.</summary>
    private string[] RecusalsWith(IReadOnlyList<string> attendeeIds, IReadOnlyCollection<string> recusedMemberIds) =>
        [.. attendeeIds.Where(a => _recusedMemberIds.Contains(a) || (recusedMemberIds ?? []).Contains(a))];

    private void Recuse(string[] recused)
    {
        _recusedMemberIds.Clear();
        _recusedMemberIds.AddRange(recused);
    }
}
