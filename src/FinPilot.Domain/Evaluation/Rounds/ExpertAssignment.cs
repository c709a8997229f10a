using System.Text.Json;
using FinPilot.Domain.Common;

namespace FinPilot.Domain.Evaluation.Rounds;

/// <summary>
/// One expert on one project in one round, with the expert's score sheet. The sheet is saved as a
/// draft until submission locks it; only the secretariat reopens it, with a reason. Every move is
/// checked against <see cref="AssignmentLifecycle"/>; who may pull it is <see cref="AssignmentPolicy"/>'s question.
/// </summary>
/// <remarks>
/// The state is derived from the timestamps, so it needs no column of its own. Rounds create
/// assignments (<see cref="EvaluationRound.Assign"/>). Instants are passed in.
/// </remarks>
public sealed class ExpertAssignment : IRecordsEvents
{
    public const int MaxReasonLength = 1000;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly ScoreSheet EmptySheet = new();

    private readonly EventLog _events = new();

    private ExpertAssignment()
    {
    }

    public Guid Id { get; private set; }

    public Guid RoundId { get; private set; }

    public Guid ProjectId { get; private set; }

    public string ExpertUserId { get; private set; } = string.Empty;

    public AssignmentSource Source { get; private set; }

    public DateTimeOffset AssignedAt { get; private set; }

    public string AssignedBy { get; private set; } = string.Empty;

    /// <summary>When the expert confirmed "no conflict" for this project.</summary>
    public DateTimeOffset? ClearedAt { get; private set; }

    public DateTimeOffset? ConflictDeclaredAt { get; private set; }

    public string? ConflictNote { get; private set; }

    public string SheetJson { get; private set; } = "{}";

    public DateTimeOffset? SavedAt { get; private set; }

    public DateTimeOffset? SubmittedAt { get; private set; }

    /// <summary>How many times the secretariat reopened the sheet; each reopening is in the audit trail with its reason.</summary>
    public int ReopenCount { get; private set; }

    public string? LastReopenReason { get; private set; }

    /// <summary>Changed by every move, so that two people acting at once cannot overwrite each other.</summary>
    public Guid Version { get; private set; }

    IReadOnlyList<IDomainEvent> IRecordsEvents.PendingEvents => _events.Pending;

    public AssignmentState State => this switch
    {
        { ConflictDeclaredAt: not null } => AssignmentState.Conflicted,
        { SubmittedAt: not null } => AssignmentState.Submitted,
        { ClearedAt: not null } => AssignmentState.Cleared,
        _ => AssignmentState.AwaitingDeclaration,
    };

    /// <summary>Whether the expert may read this project's materials now.</summary>
    public bool OpensMaterials => ConflictDeclaredAt is null && ClearedAt is not null;

    public ScoreSheet Sheet => JsonSerializer.Deserialize<ScoreSheet>(SheetJson, Json) ?? EmptySheet;

    /// <summary>The expert confirms "no conflict"; the materials open.</summary>
    public Result ConfirmNoConflict(EvaluationRound round, DateTimeOffset now) =>
        Move(Of(round), AssignmentTrigger.ConfirmNoConflict, None, () => ClearedAt = now, new AssignmentCleared(round.RegionId));

    /// <summary>The conflict rules found <paramref name="reasons"/> when the expert confirmed: the assignment is conflicted instead.</summary>
    public Result RecordFoundConflict(EvaluationRound round, DateTimeOffset now, IReadOnlyCollection<string> reasons)
    {
        ArgumentNullException.ThrowIfNull(reasons);
        if (reasons.Count == 0)
        {
            throw new ArgumentException("A found conflict has at least one reason.", nameof(reasons));
        }

        return Move(Of(round), AssignmentTrigger.FindConflict, None, () =>
        {
            ConflictDeclaredAt = now;
            ConflictNote = string.Join(", ", reasons);
        }, new AssignmentConflictFound(round.RegionId, reasons));
    }

    /// <summary>The expert declares a conflict, saying what it is; they never see the project again.</summary>
    public Result DeclareConflict(EvaluationRound round, DateTimeOffset now, string note) =>
        Move(Of(round), AssignmentTrigger.DeclareConflict, () => Text.Required(note, "Note", MaxReasonLength), () =>
        {
            ConflictDeclaredAt = now;
            ConflictNote = note.Trim();
        }, new AssignmentConflictDeclared(round.RegionId));

    /// <summary>Saves the sheet as a draft: scores so far are checked against the round's rubric, completeness is not.</summary>
    public Result SaveDraft(EvaluationRound round, ScoreSheet sheet, DateTimeOffset now) =>
        WriteSheet(round, sheet, now, AssignmentTrigger.SaveDraft);

    /// <summary>Submits the sheet, complete, which locks it; a late submission is accepted (the caller shows it as late).</summary>
    public Result Submit(EvaluationRound round, ScoreSheet sheet, DateTimeOffset now) =>
        WriteSheet(round, sheet, now, AssignmentTrigger.Submit);

    /// <summary>The secretariat reopens the submitted sheet, saying why.</summary>
    public Result Reopen(EvaluationRound round, string reason)
    {
        return Move(Of(round), AssignmentTrigger.Reopen, Validate, () =>
        {
            ReopenCount++;
            LastReopenReason = reason.Trim();
            SubmittedAt = null;
        }, new SheetReopened(round.RegionId));

        IEnumerable<Error> Validate() =>
            string.IsNullOrWhiteSpace(reason)
                ? [new Error(EvaluationErrors.ReasonRequired, "Reason")]
                : Text.Optional(reason, "Reason", MaxReasonLength);
    }

    internal static ExpertAssignment Create(
        Guid id, Guid roundId, Guid projectId, string expertUserId, AssignmentSource source, DateTimeOffset now, string actorUserId) => new()
        {
            Id = id,
            RoundId = roundId,
            ProjectId = projectId,
            ExpertUserId = expertUserId,
            Source = source,
            AssignedAt = now,
            AssignedBy = actorUserId,
            Version = Guid.NewGuid(),
        };

    private static IEnumerable<Error> None() => [];

    private Result WriteSheet(EvaluationRound round, ScoreSheet sheet, DateTimeOffset now, AssignmentTrigger trigger)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        return Move(Of(round), trigger, () => sheet.Validate(round.Rubric, forSubmission: trigger == AssignmentTrigger.Submit), () =>
        {
            SheetJson = JsonSerializer.Serialize(sheet, Json);
            SavedAt = now;
            if (trigger == AssignmentTrigger.Submit)
            {
                SubmittedAt = now;
            }
        }, trigger == AssignmentTrigger.Submit ? new SheetSubmitted(round.RegionId, sheet) : null);
    }

    private RoundStatus Of(EvaluationRound round)
    {
        ArgumentNullException.ThrowIfNull(round);
        return round.Id == RoundId ? round.Status : throw new ArgumentException($"The assignment {Id} belongs to another round.", nameof(round));
    }

    void IRecordsEvents.ClearEvents() => _events.Clear();

    /// <summary>The lifecycle first (so a wrong-state call reports only that), then the inputs, then the change and its event, if any.</summary>
    private Result Move(RoundStatus round, AssignmentTrigger trigger, Func<IEnumerable<Error>> validate, Action apply, IDomainEvent? recorded)
    {
        var target = AssignmentLifecycle.Check(round, State, trigger);
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
        Version = Guid.NewGuid();
        if (recorded is not null)
        {
            _events.Record(recorded);
        }

        return Result.Ok();
    }
}
