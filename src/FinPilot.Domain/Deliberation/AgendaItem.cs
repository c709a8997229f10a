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
    private readonly List<MemberConflict> _declaredConflicts = [];

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

    /// <summary>Conflicts members declared themselves on this item (they are recused from it), in the order declared.</summary>
    public IReadOnlyList<MemberConflict> DeclaredConflicts => _declaredConflicts;

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
        IReadOnlyList<string> attendeeIds, string memberId, Guid projectId, VoteChoice choice, string? comment, IReadOnlyList<string>? conditions,
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

        if (!ProjectIds.Contains(projectId))
        {
            return new Error(DeliberationErrors.VoteProjectNotOnItem, nameof(projectId), projectId);
        }

        if (_ballots.FirstOrDefault(b => b.MemberId == memberId && b.AppliesTo(projectId)) is { } earlier)
        {
            return new Error(DeliberationErrors.AlreadyVoted, null, memberId, earlier.CastAt, projectId);
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

        _ballots.Add(new Ballot(memberId, choice, Text.Clean(comment), cleaned, now) { ProjectId = projectId });
        Recuse(recused);
        return Result.Ok();
    }

    /// <summary>
    /// A member declares a conflict with the item's projects (any member, expert or not): the
    /// declaration is kept with its reason and the member is recused from the item from now on.
    /// </summary>
    internal Result DeclareConflict(IReadOnlyList<string> attendeeIds, string memberId, string reason, DateTimeOffset now)
    {
        if (Status == AgendaItemStatus.Resolved)
        {
            return new Error(DeliberationErrors.AlreadyResolved);
        }

        if (!attendeeIds.Contains(memberId))
        {
            return new Error(DeliberationErrors.NotAttendee, null, memberId);
        }

        if (_declaredConflicts.Any(c => c.MemberId == memberId))
        {
            return new Error(DeliberationErrors.ConflictAlreadyDeclared, null, memberId);
        }

        var errors = Text.Required(reason, nameof(reason), MaxCommentLength).ToArray();
        if (errors.Length > 0)
        {
            return Result.Fail(errors);
        }

        _declaredConflicts.Add(new MemberConflict(memberId, reason.Trim(), now));
        Recuse(RecusalsWith(attendeeIds, []));
        return Result.Ok();
    }

    /// <summary>A project's count as it would stand with these recusals: for the chair's page, and for the resolution.</summary>
    internal VoteTally Tally(IReadOnlyList<string> attendeeIds, IReadOnlyCollection<string> recusedMemberIds, Guid projectId) =>
        Status == AgendaItemStatus.Resolved && Resolution!.TallyOf(projectId) is { } resolved
            ? resolved
            : VoteTally.Count(_ballots.Where(b => b.AppliesTo(projectId)).ToArray(), attendeeIds, RecusalsWith(attendeeIds, recusedMemberIds).ToHashSet());

    internal Result Resolve(
        IReadOnlyList<string> attendeeIds, string chairId, IReadOnlyList<ProjectOutcome> outcomes, string text,
        IReadOnlyCollection<string> recusedMemberIds, Quorum quorum, string? proceedReason, DateTimeOffset now)
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

        var recusedSet = recused.ToHashSet();
        var tallies = ProjectIds.ToDictionary(p => p, p => VoteTally.Count(_ballots.Where(b => b.AppliesTo(p)).ToArray(), attendeeIds, recusedSet));
        foreach (var (projectId, tally) in tallies)
        {
            if (!quorum.IsMet(tally))
            {
                return new Error(DeliberationErrors.NoQuorum, null, tally.Voted, tally.Eligible, projectId);
            }
        }

        // A department asked for its opinion is heard before the group decides, unless the chair
        // records why the item cannot wait; the reason goes into the minutes.
        var waived = _opinionRequests.Where(r => r.IsOpen).Select(r => new WaivedOpinion(r.DepartmentCode, r.DueOn)).ToArray();
        var proceed = Text.Clean(proceedReason);
        if (waived.Length > 0 && proceed is null)
        {
            return new Error(DeliberationErrors.OpinionsPending, null, waived.Length);
        }

        var errors = new List<Error>();
        var cleaned = DecisionRules.CleanOutcomes(ProjectIds, outcomes, errors);
        var counted = DecisionRules.AgainstMajority(cleaned, tallies, outcomes, errors);
        errors.AddRange(Text.Required(text, nameof(text), MaxResolutionLength));
        if (waived.Length > 0)
        {
            errors.AddRange(Text.Required(proceed, nameof(proceedReason), MaxCommentLength));
        }

        if (errors.Count > 0)
        {
            return Result.Fail(errors);
        }

        Recuse(recused);
        Resolution = new Resolution(text.Trim(), counted, null, now, chairId)
        {
            WaivedOpinions = waived,
            ProceedReason = waived.Length > 0 ? proceed : null,
        };
        Status = AgendaItemStatus.Resolved;
        return Result.Ok();
    }

    /// <summary>Takes back the ballots added since there were <paramref name="count"/>: a vote on several projects is all or nothing.</summary>
    internal void ForgetBallotsAfter(int count) => _ballots.RemoveRange(count, _ballots.Count - count);

    private OpinionRequest? OpenRequest(string departmentCode) =>
        _opinionRequests.FirstOrDefault(r => r.IsOpen && string.Equals(r.DepartmentCode, departmentCode, StringComparison.Ordinal));

    /// <summary>
    /// The recusals already recorded, the members who declared a conflict, and the attendees among
    /// <paramref name="recusedMemberIds"/>, in attendance order.
    /// </summary>
    private string[] RecusalsWith(IReadOnlyList<string> attendeeIds, IReadOnlyCollection<string> recusedMemberIds) =>
        [.. attendeeIds.Where(a => _recusedMemberIds.Contains(a) || _declaredConflicts.Any(c => c.MemberId == a) || (recusedMemberIds ?? []).Contains(a))];

    private void Recuse(string[] recused)
    {
        _recusedMemberIds.Clear();
        _recusedMemberIds.AddRange(recused);
    }
}

/// <summary>回避申报: a member's own declaration of a conflict with an item's projects, with the reason given.</summary>
public sealed record MemberConflict(string MemberId, string Reason, DateTimeOffset DeclaredAt);
