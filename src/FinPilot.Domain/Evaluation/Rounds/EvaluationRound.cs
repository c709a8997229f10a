using System.Text.Json;
using FinPilot.Domain.Calendar;
using FinPilot.Domain.Common;

namespace FinPilot.Domain.Evaluation.Rounds;

/// <summary>
/// 评估轮次: the projects of one call that reached evaluation, the experts assigned to them, the
/// rubric they score against and the deadline. Only the secretariat of the call's region builds it
/// (<see cref="RoundPolicy"/>); every change is checked against <see cref="RoundLifecycle"/>.
/// </summary>
/// <remarks>
/// Instants are passed in: the domain has no clock. Rubric, weights and the solver's report are
/// kept as JSON text in their own columns. What needs the database (the projects, the pool,
/// outstanding sheets, consensus) the caller checks before it opens or completes the round.
/// </remarks>
public sealed class EvaluationRound : IRecordsEvents
{
    public const int MaxTitleLength = 200;
    public const int DefaultExpertsPerProject = 5;
    public const int MinExpertsPerProject = 3;
    public const int MaxExpertsPerProject = 15;
    public const int DefaultScoringWorkingDays = 10;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly EventLog _events = new();

    private EvaluationRound()
    {
    }

    public Guid Id { get; private set; }

    public Guid CallId { get; private set; }

    public int RegionId { get; private set; }

    public string Title { get; private set; } = string.Empty;

    public int ExpertsPerProject { get; private set; } = DefaultExpertsPerProject;

    /// <summary>The last day for scores (Beijing time, end of day), before any pause for answers.</summary>
    public DateOnly Deadline { get; private set; }

    /// <summary>Working days added to the deadline while experts waited for applicants' answers.</summary>
    public int PausedWorkingDays { get; private set; }

    /// <summary>Whether an expert sees the others' scores before submitting their own (default no, to keep scores independent).</summary>
    public bool ShowPeerScores { get; private set; }

    public string RubricJson { get; private set; } = "{}";

    public string WeightsJson { get; private set; } = "{}";

    public RoundStatus Status { get; private set; } = RoundStatus.Preparing;

    /// <summary>What the solver said last time (objective, bound, problems), shown on the round page.</summary>
    public string? LastSolveJson { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public string CreatedBy { get; private set; } = string.Empty;

    public DateTimeOffset? OpenedAt { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    /// <summary>Changed by every change of the round's own fields, so that two people acting at once cannot overwrite each other.</summary>
    public Guid Version { get; private set; }

    IReadOnlyList<IDomainEvent> IRecordsEvents.PendingEvents => _events.Pending;

    public Rubric Rubric => JsonSerializer.Deserialize<Rubric>(RubricJson, Json) ?? Rubric.Default;

    public CategoryWeights Weights => JsonSerializer.Deserialize<CategoryWeights>(WeightsJson, Json) ?? CategoryWeights.Default;

    public SolveReport? LastSolve => LastSolveJson is null ? null : JsonSerializer.Deserialize<SolveReport>(LastSolveJson, Json);

    /// <summary>Still being prepared or scored: a project in an open round is taken into no other.</summary>
    public bool IsOpen => !RoundLifecycle.IsFinal(Status);

    /// <summary>
    /// Starts a round for a call, in preparation. A blank title takes <paramref name="callTitle"/>;
    /// missing weights and rubric take the defaults. The deadline must be after today (Beijing time).
    /// </summary>
    public static Result<EvaluationRound> Create(
        Guid id, Guid callId, int regionId, string callTitle, RoundSettings settings, DateTimeOffset now, string actorUserId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actorUserId);
        ArgumentNullException.ThrowIfNull(settings);
        var errors = SettingsErrors(settings, now).ToArray();
        if (errors.Length > 0)
        {
            return Result<EvaluationRound>.Fail(errors);
        }

        var round = new EvaluationRound
        {
            Id = id,
            CallId = callId,
            RegionId = regionId,
            Title = callTitle,
            Status = RoundStatus.Preparing,
            CreatedAt = now,
            CreatedBy = actorUserId,
            RubricJson = Serialize(Rubric.Default),
            WeightsJson = Serialize(CategoryWeights.Default),
        };
        round.Apply(settings);
        round._events.Record(new RoundCreated());
        return round;
    }

    /// <summary>Changes the settings while the round is prepared.</summary>
    public Result ChangeSettings(RoundSettings settings, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var allowed = Allows(RoundTrigger.ChangeSettings);
        if (!allowed.Succeeded)
        {
            return allowed;
        }

        var errors = SettingsErrors(settings, now).ToArray();
        if (errors.Length > 0)
        {
            return Result.Fail(errors);
        }

        Apply(settings);
        _events.Record(new RoundSettingsChanged(settings));
        return Result.Ok();
    }

    /// <summary>Keeps the solver's report for the round page; the caller replaces the assignment when it was feasible.</summary>
    public Result RecordSolve(SolveReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var allowed = Allows(RoundTrigger.Solve);
        if (!allowed.Succeeded)
        {
            return allowed;
        }

        LastSolveJson = JsonSerializer.Serialize(report, Json);
        Version = Guid.NewGuid();
        _events.Record(new RoundSolved(report));
        return Result.Ok();
    }

    /// <summary>
    /// Puts one expert on one project, while the round is prepared or scored. The caller has
    /// checked the pair against conflicts, forbidden pairs and the expert's load.
    /// </summary>
    public Result<ExpertAssignment> Assign(
        Guid assignmentId, Guid projectId, string expertUserId, AssignmentSource source, DateTimeOffset now, string actorUserId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(expertUserId);
        ArgumentException.ThrowIfNullOrWhiteSpace(actorUserId);
        var allowed = Allows(RoundTrigger.AddExpert);
        if (!allowed.Succeeded)
        {
            return Result<ExpertAssignment>.Fail([.. allowed.Errors]);
        }

        var assignment = ExpertAssignment.Create(assignmentId, Id, projectId, expertUserId, source, now, actorUserId);
        _events.Record(new ExpertAssigned(assignmentId, projectId, expertUserId, source));
        return assignment;
    }

    /// <summary>
    /// Whether an expert may be taken off a project of this round: anyone while it is prepared;
    /// once scoring has begun, only one who has not declared yet or who declared a conflict.
    /// </summary>
    public Result CheckRemoval(ExpertAssignment assignment)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        if (assignment.RoundId != Id)
        {
            throw new ArgumentException($"The assignment {assignment.Id} belongs to another round.", nameof(assignment));
        }

        var allowed = Allows(RoundTrigger.RemoveExpert);
        if (!allowed.Succeeded)
        {
            return allowed;
        }

        return Status == RoundStatus.Preparing || assignment.State is AssignmentState.AwaitingDeclaration or AssignmentState.Conflicted
            ? Result.Ok()
            : new Error(EvaluationErrors.NotPreparing);
    }

    /// <summary>Opens the round for scoring; the caller has checked the assignment against every rule.</summary>
    public Result Open(DateTimeOffset now) => Move(RoundTrigger.Open, () => OpenedAt = now, new RoundOpened());

    /// <summary>
    /// Completes the round; the caller has checked that every remaining expert submitted, that every
    /// flagged disagreement has a consensus, and has moved the projects on.
    /// </summary>
    public Result Complete(DateTimeOffset now) => Move(RoundTrigger.Complete, () => CompletedAt = now, new RoundCompleted());

    /// <summary>
    /// Moves the deadline by the working days experts waited for an applicant's answer. Not refused
    /// once the round is over: the answer may come late, and the days it waited are still counted.
    /// </summary>
    public void PauseDeadline(int workingDays)
    {
        PausedWorkingDays += workingDays;
        Version = Guid.NewGuid();
    }

    /// <summary>Whether the lifecycle allows <paramref name="trigger"/> now; the error says why not.</summary>
    public Result Allows(RoundTrigger trigger)
    {
        var target = RoundLifecycle.Check(Status, trigger);
        return target.Succeeded ? Result.Ok() : Result.Fail(target.Errors);
    }

    private static IEnumerable<Error> SettingsErrors(RoundSettings settings, DateTimeOffset now)
    {
        if (settings.Deadline <= ChinaTime.DateOf(now))
        {
            yield return new Error(EvaluationErrors.DeadlineInPast, "Deadline");
        }

        foreach (var error in Text.Optional(settings.Title, "Title", MaxTitleLength))
        {
            yield return error;
        }

        if (settings.ExpertsPerProject is < MinExpertsPerProject or > MaxExpertsPerProject)
        {
            yield return new Error(EvaluationErrors.ExpertsPerProjectOutOfRange, "ExpertsPerProject", MinExpertsPerProject, MaxExpertsPerProject);
        }

        foreach (var error in settings.Weights?.Validate() ?? [])
        {
            yield return error;
        }

        foreach (var error in settings.Rubric?.Validate() ?? [])
        {
            yield return error;
        }
    }

    private static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Json);

    private void Apply(RoundSettings settings)
    {
        Title = Text.Clean(settings.Title) ?? Title;
        ExpertsPerProject = settings.ExpertsPerProject;
        Deadline = settings.Deadline;
        ShowPeerScores = settings.ShowPeerScores;
        WeightsJson = Serialize(settings.Weights ?? Weights);
        RubricJson = Serialize(settings.Rubric ?? Rubric);
        Version = Guid.NewGuid();
    }

    void IRecordsEvents.ClearEvents() => _events.Clear();

    private Result Move(RoundTrigger trigger, Action apply, IDomainEvent recorded)
    {
        var target = RoundLifecycle.Check(Status, trigger);
        if (!target.Succeeded)
        {
            return Result.Fail(target.Errors);
        }

        apply();
        Status = target.Value;
        Version = Guid.NewGuid();
        _events.Record(recorded);
        return Result.Ok();
    }
}
