using FinPilot.Domain.Calendar;
using FinPilot.Domain.Common;
using FinPilot.Domain.Identity;

namespace FinPilot.Domain.Projects;

/// <summary>
/// A pilot project (试点项目) from its draft application to its exit: the one aggregate that
/// carries the stage, and the only place the stage changes. Every move is checked against
/// <see cref="ProjectLifecycle"/> and written to the timeline. Who may move it is
/// <see cref="ProjectPolicy"/>'s question, asked by the caller first.
/// </summary>
/// <remarks>
/// The application's content (申报材料) lives with the application feature, in numbered versions;
/// the project only knows which version is open for editing and which was last submitted, so that
/// a submitted version stays frozen. Instants are passed in: the domain has no clock.
/// The moves after evaluation (deliberation, public notice, admission) are in
/// <c>PilotProject.Admission.cs</c>.
/// </remarks>
public sealed partial class PilotProject : IRegionScoped, IRecordsEvents
{
    public const int MaxTitleLength = 200;
    public const int MaxReasonLength = 2000;
    public const int MaxNoteLength = 2000;
    public const int MaxSupplementItems = 50;
    public const int MaxSupplementItemLength = 500;
    public const int MinSupplementWorkingDays = 1;
    public const int MaxSupplementWorkingDays = 60;

    private readonly List<ProjectEvent> _timeline = [];
    private readonly List<SupplementRequest> _supplementRequests = [];
    private readonly EventLog _events = new();

    private PilotProject()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The call (征集公告) the project applied to.</summary>
    public Guid CallId { get; private set; }

    /// <summary>The region of the call, whose working group screens and supervises the project.</summary>
    public int RegionId { get; private set; }

    /// <summary>The licensed lead institution, whose applicants act for the project.</summary>
    public Guid LeadOrganisationId { get; private set; }

    public ProjectCategory Category { get; private set; }

    public string Title { get; private set; } = string.Empty;

    public ProjectStage Stage { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public string CreatedBy { get; private set; } = string.Empty;

    /// <summary>The application version being written, or the last one submitted when none is open.</summary>
    public int ApplicationVersion { get; private set; }

    /// <summary>The last submitted version; it and every earlier version are frozen. Null before submission.</summary>
    public int? SubmittedApplicationVersion { get; private set; }

    public string? RejectionReason { get; private set; }

    public string? WithdrawalReason { get; private set; }

    /// <summary>How the project left the pilot; set by the exit feature when it is built.</summary>
    public ExitMode? ExitMode { get; private set; }

    public IReadOnlyList<ProjectEvent> Timeline => _timeline;

    /// <summary>Every supplement request, oldest first.</summary>
    public IReadOnlyList<SupplementRequest> SupplementRequests => _supplementRequests;

    /// <summary>The request the applicant is answering now, if the project is returned for supplement.</summary>
    public SupplementRequest? CurrentSupplementRequest =>
        Stage == ProjectStage.ReturnedForSupplement && _supplementRequests.Count > 0 ? _supplementRequests[^1] : null;

    /// <summary>Whether the applicant may change the application now (a draft, or answering a supplement request).</summary>
    public bool CanEditApplication => Stage is ProjectStage.Draft or ProjectStage.ReturnedForSupplement;

    /// <summary>Changed on every save so that two people acting at once cannot overwrite each other.</summary>
    public Guid Version { get; private set; }

    IReadOnlyList<IDomainEvent> IRecordsEvents.PendingEvents => _events.Pending;

    /// <summary>Starts a draft application against a call; the caller has checked that the call is open.</summary>
    public static Result<PilotProject> Create(
        Guid id, Guid callId, int regionId, Guid leadOrganisationId, ProjectCategory category, string title, DateTimeOffset now, string actorUserId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actorUserId);
        var errors = DescriptionErrors(title, category).ToArray();
        if (errors.Length > 0)
        {
            return Result<PilotProject>.Fail(errors);
        }

        var project = new PilotProject
        {
            Id = id,
            CallId = callId,
            RegionId = regionId,
            LeadOrganisationId = leadOrganisationId,
            Category = category,
            Title = title.Trim(),
            Stage = ProjectStage.Draft,
            CreatedAt = now,
            CreatedBy = actorUserId,
            ApplicationVersion = 1,
            Version = Guid.NewGuid(),
        };
        project._events.Record(new ProjectCreated());
        return project;
    }

    /// <summary>Changes the title and category, which only the applicant's open version may do.</summary>
    public Result Describe(string title, ProjectCategory category)
    {
        if (!CanEditApplication)
        {
            return new Error(ProjectErrors.NotEditable, nameof(Stage), Stage);
        }

        var errors = DescriptionErrors(title, category).ToArray();
        if (errors.Length > 0)
        {
            return Result.Fail(errors);
        }

        Title = title.Trim();
        Category = category;
        Version = Guid.NewGuid();
        return Result.Ok();
    }

    /// <summary>
    /// 申报: freezes the open version. Refused from the call's close time on; resubmissions after a
    /// supplement are not, because screening usually runs after the call has closed.
    /// </summary>
    public Result Submit(DateTimeOffset now, string actorUserId, DateTimeOffset callClosesAt)
    {
        return Move(ProjectTrigger.Submit, now, actorUserId, null, CallOpen, FreezeApplication);

        IEnumerable<Error> CallOpen() =>
            now >= callClosesAt ? [new Error(ProjectErrors.CallClosed, nameof(callClosesAt), callClosesAt)] : [];
    }

    public Result StartScreening(DateTimeOffset now, string actorUserId) =>
        Move(ProjectTrigger.StartScreening, now, actorUserId, null, None, () => { });

    /// <summary>
    /// 退回补正: asks for the listed items within <paramref name="workingDays"/> working days,
    /// counted by <paramref name="calendar"/> from the Shanghai date of <paramref name="now"/>,
    /// and opens the next application version for the applicant's answer.
    /// </summary>
    public Result ReturnForSupplement(
        DateTimeOffset now, string actorUserId, IReadOnlyList<string> items, int workingDays, WorkingDayCalendar calendar)
    {
        var cleaned = (items ?? []).Select(Text.Clean).OfType<string>().ToArray();
        return Move(ProjectTrigger.ReturnForSupplement, now, actorUserId, null, Validate, Apply,
            entry => new ProjectReturnedForSupplement(entry, items ?? [], workingDays));

        IEnumerable<Error> Validate()
        {
            if (cleaned.Length == 0)
            {
                yield return new Error(ProjectErrors.SupplementItemsRequired, nameof(items));
            }
            else if (cleaned.Length > MaxSupplementItems)
            {
                yield return new Error(ProjectErrors.TooManySupplementItems, nameof(items), MaxSupplementItems);
            }

            for (var i = 0; i < cleaned.Length && i < MaxSupplementItems; i++)
            {
                foreach (var error in Text.Required(cleaned[i], $"{nameof(items)}[{i}]", MaxSupplementItemLength))
                {
                    yield return error;
                }
            }

            if (workingDays is < MinSupplementWorkingDays or > MaxSupplementWorkingDays)
            {
                yield return new Error(ProjectErrors.SupplementDaysOutOfRange, nameof(workingDays), MinSupplementWorkingDays, MaxSupplementWorkingDays);
            }
        }

        void Apply()
        {
            var dueOn = calendar.AddWorkingDays(ChinaTime.DateOf(now), workingDays);
            ApplicationVersion = (SubmittedApplicationVersion ?? ApplicationVersion) + 1;
            _supplementRequests.Add(new SupplementRequest(
                cleaned, workingDays, dueOn, ChinaTime.EndOfDay(dueOn), now, actorUserId, ApplicationVersion));
        }
    }

    /// <summary>Submits the supplemented version; a late answer is accepted and shows as late.</summary>
    public Result Resubmit(DateTimeOffset now, string actorUserId) =>
        Move(ProjectTrigger.Resubmit, now, actorUserId, null, None, () =>
        {
            if (_supplementRequests.Count > 0)
            {
                _supplementRequests[^1] = _supplementRequests[^1] with { ResubmittedAt = now };
            }

            FreezeApplication();
        });

    /// <summary>受理: screening passed; the project goes to expert evaluation.</summary>
    public Result Accept(DateTimeOffset now, string actorUserId, string? note = null) =>
        Move(ProjectTrigger.Accept, now, actorUserId, Text.Clean(note), () => Text.Optional(note, nameof(note), MaxNoteLength), () => { },
            entry => new ProjectMoved(entry, note));

    public Result Reject(DateTimeOffset now, string actorUserId, string reason) =>
        Move(ProjectTrigger.Reject, now, actorUserId, Text.Clean(reason), () => Text.Required(reason, nameof(reason), MaxReasonLength),
            () => RejectionReason = reason.Trim(), entry => new ProjectMoved(entry, reason));

    /// <summary>专业评估完成: the evaluation round is complete; the coordination group deliberates next.</summary>
    public Result CompleteEvaluation(DateTimeOffset now, string actorUserId, string? note = null) =>
        Move(ProjectTrigger.CompleteEvaluation, now, actorUserId, Text.Clean(note), () => Text.Optional(note, nameof(note), MaxNoteLength), () => { },
            entry => new ProjectMoved(entry, note));

    /// <summary>撤回: the applicant withdraws at any stage before admission, and must say why.</summary>
    public Result Withdraw(DateTimeOffset now, string actorUserId, string reason) =>
        Move(ProjectTrigger.Withdraw, now, actorUserId, Text.Clean(reason), () => Text.Required(reason, nameof(reason), MaxReasonLength),
            () => WithdrawalReason = reason.Trim(), entry => new ProjectMoved(entry, reason));

    /// <summary>
    /// 暂停试点: a disposal case suspends the running (or rectifying) pilot; the reason is required.
    /// Who may do so is the disposal module's question (the region's working group, through a case).
    /// </summary>
    public Result Suspend(DateTimeOffset now, string actorUserId, string reason) =>
        Move(ProjectTrigger.Suspend, now, actorUserId, Text.Clean(reason), () => Text.Required(reason, nameof(reason), MaxReasonLength), () => { },
            entry => new ProjectMoved(entry, reason));

    /// <summary>恢复试点: the suspension is lifted and the pilot runs again; the reason is required.</summary>
    public Result Resume(DateTimeOffset now, string actorUserId, string reason) =>
        Move(ProjectTrigger.Resume, now, actorUserId, Text.Clean(reason), () => Text.Required(reason, nameof(reason), MaxReasonLength), () => { },
            entry => new ProjectMoved(entry, reason));

    /// <summary>
    /// Marks the current supplement request as missed once its due day has ended (a background
    /// job asks); flagging twice keeps the first time. The stage does not change: the working
    /// group decides what a missed deadline means.
    /// </summary>
    public Result FlagMissedSupplementDeadline(DateTimeOffset now)
    {
        if (CurrentSupplementRequest is not { } request)
        {
            return new Error(ProjectErrors.NotAwaitingSupplement, nameof(Stage), Stage);
        }

        if (!request.IsOverdue(now))
        {
            return new Error(ProjectErrors.SupplementNotOverdue, nameof(SupplementRequests), request.DueAt);
        }

        if (request.FlaggedOverdueAt is null)
        {
            _supplementRequests[^1] = request with { FlaggedOverdueAt = now };
            Version = Guid.NewGuid();
            _events.Record(new SupplementDeadlineMissed(request.DueOn));
        }

        return Result.Ok();
    }

    private static IEnumerable<Error> DescriptionErrors(string title, ProjectCategory category)
    {
        foreach (var error in Text.Required(title, nameof(Title), MaxTitleLength))
        {
            yield return error;
        }

        if (!Enum.IsDefined(category))
        {
            yield return new Error(ProjectErrors.CategoryInvalid, nameof(Category));
        }
    }

    private static IEnumerable<Error> None() => [];

    private void FreezeApplication() => SubmittedApplicationVersion = ApplicationVersion;

    void IRecordsEvents.ClearEvents() => _events.Clear();

    /// <summary>
    /// The one way the stage changes: the lifecycle first (so a wrong-stage call reports only
    /// that), then the inputs, then the change, its timeline entry and its event
    /// (<paramref name="recorded"/> from the entry; a plain <see cref="ProjectMoved"/> if not given).
    /// </summary>
    private Result Move(
        ProjectTrigger trigger, DateTimeOffset now, string actorUserId, string? note, Func<IEnumerable<Error>> validate, Action apply,
        Func<ProjectEvent, IDomainEvent>? recorded = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actorUserId);
        var target = ProjectLifecycle.Check(Stage, trigger);
        if (!target.Succeeded)
        {
            return Result.Fail(target.Errors);
        }

        var errors = validate().ToArray();
        if (errors.Length > 0)
        {
            return Result.Fail(errors);
        }

        apply();
        var entry = new ProjectEvent(now, trigger, Stage, target.Value, actorUserId, note);
        _timeline.Add(entry);
        Stage = target.Value;
        Version = Guid.NewGuid();
        _events.Record(recorded?.Invoke(entry) ?? new ProjectMoved(entry));
        return Result.Ok();
    }
}
