using FinPilot.Domain.Common;
using FinPilot.Domain.Obligations;
using FinPilot.Domain.Projects;
using FinPilot.Domain.Supervision;

namespace FinPilot.Domain.Corrections;

/// <summary>How grave the findings are, as the working group judges them.</summary>
public enum CorrectionSeverity
{
    Minor = 1,
    Moderate = 2,
    Serious = 3,
}

/// <summary>Where an order stands. Open statuses wait for the institution or for the working group.</summary>
public enum CorrectionStatus
{
    /// <summary>Issued; the institution owes a correction plan.</summary>
    AwaitingPlan = 1,

    /// <summary>The plan is in; the institution owes the evidence of the correction.</summary>
    AwaitingEvidence = 2,

    /// <summary>The evidence is in; the working group verifies.</summary>
    AwaitingVerification = 3,

    /// <summary>Verified and closed.</summary>
    Closed = 4,

    /// <summary>Withdrawn by the working group, with a reason (issued in error, overtaken by a disposal).</summary>
    Revoked = 5,
}

/// <summary>What led to the order.</summary>
public enum CorrectionSource
{
    /// <summary>The working group issued it from what it saw.</summary>
    Direct = 1,

    /// <summary>The escalation of a risk alert.</summary>
    Alert = 2,
}

/// <summary>The escalation ladder of an overdue order, computed by the server; a rung is reached once.</summary>
public enum CorrectionEscalation
{
    None = 0,

    /// <summary>Overdue beyond the set working days: the coordination group was told, the order is marked escalated.</summary>
    Escalated = 1,

    /// <summary>Overdue further: a risk disposal was proposed to the working group.</summary>
    DisposalProposed = 2,
}

/// <summary>What one step of an order's history was.</summary>
public enum CorrectionStepKind
{
    Issued = 1,
    PlanSubmitted = 2,
    EvidenceSubmitted = 3,
    Rejected = 4,
    Closed = 5,
    Revoked = 6,
    Extended = 7,
    Escalated = 8,
    DisposalProposed = 9,
    Disclosed = 10,
}

/// <summary>One step of an order's history, in order; the deadline it set if it set one.</summary>
public sealed record CorrectionStep(DateTimeOffset At, string By, CorrectionStepKind Kind, string? Text, DateTimeOffset? DueAt = null);

/// <summary>What the working group writes when it issues an order.</summary>
public sealed record CorrectionOrderInput
{
    /// <summary>What was found (问题).</summary>
    public string Findings { get; init; } = string.Empty;

    /// <summary>The rule, plan item or condition breached.</summary>
    public string Breach { get; init; } = string.Empty;

    /// <summary>What the institution must do (整改要求).</summary>
    public string RequiredActions { get; init; } = string.Empty;

    public CorrectionSeverity Severity { get; init; }

    /// <summary>Working days the institution has to answer with plan and evidence.</summary>
    public int WorkingDays { get; init; } = ObligationRules.DefaultCorrectionWorkingDays;

    /// <summary>Whether the pilot must stop and rectify (→ Rectifying) or may keep running while it corrects.</summary>
    public bool MustRectify { get; init; }
}

/// <summary>
/// A correction order (整改通知, 纠偏): the region's working group tells a pilot's institution what
/// it found, what was breached and what to do by when. The institution answers with a plan and
/// then with evidence; the working group closes the order or rejects the evidence with reasons and
/// a new deadline. Overdue orders climb the escalation ladder once per rung; every step is kept.
/// </summary>
public sealed class CorrectionOrder : ISupervisedRecord, IRecordsEvents
{
    public const int MaxTextLength = 10000;
    public const int MaxNoteLength = 4000;
    public const int MinWorkingDays = 1;
    public const int MaxWorkingDays = 120;
    public const int MaxSteps = 200;
    public const int MaxFiles = 20;

    private readonly EventLog _events = new();

    private CorrectionOrder()
    {
    }

    IReadOnlyList<IDomainEvent> IRecordsEvents.PendingEvents => _events.Pending;

    void IRecordsEvents.ClearEvents() => _events.Clear();

    public Guid Id { get; private set; }

    public Guid ProjectId { get; private set; }

    public int RegionId { get; private set; }

    /// <summary>The lead organisation of the pilot, which answers.</summary>
    public Guid OrganisationId { get; private set; }

    public string Findings { get; private set; } = string.Empty;

    public string Breach { get; private set; } = string.Empty;

    public string RequiredActions { get; private set; } = string.Empty;

    public CorrectionSeverity Severity { get; private set; }

    public bool MustRectify { get; private set; }

    public CorrectionSource Source { get; private set; }

    /// <summary>The alert it escalated, when <see cref="Source"/> is <see cref="CorrectionSource.Alert"/>.</summary>
    public Guid? AlertId { get; private set; }

    public DateTimeOffset IssuedAt { get; private set; }

    public string IssuedBy { get; private set; } = string.Empty;

    /// <summary>When the institution's current answer is due (end of a working day, Beijing time).</summary>
    public DateTimeOffset DueAt { get; private set; }

    /// <summary>Which deadline this is: 1 at issue, one more at each rejection or extension. Names the obligation.</summary>
    public int Round { get; private set; }

    /// <summary>How many times the deadline was moved (rejections and extensions), for the integrity flags.</summary>
    public int Extensions { get; private set; }

    public CorrectionStatus Status { get; private set; }

    public CorrectionEscalation Escalation { get; private set; }

    /// <summary>Whether the working group made the order public (then its closure is public too).</summary>
    public bool Disclosed { get; private set; }

    public string? CorrectionPlan { get; private set; }

    public string? Evidence { get; private set; }

    /// <summary>The working group's conclusion when it closed or revoked the order.</summary>
    public string? Conclusion { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public IReadOnlyList<CorrectionStep> Steps { get; private set; } = [];

    /// <summary>Files the institution attached to its evidence (stored by hash in the file store), oldest first.</summary>
    public IReadOnlyList<CorrectionFile> Files { get; private set; } = [];

    public Guid Version { get; private set; }

    public static IReadOnlyList<CorrectionStatus> OpenStatuses { get; } =
        [CorrectionStatus.AwaitingPlan, CorrectionStatus.AwaitingEvidence, CorrectionStatus.AwaitingVerification];

    /// <summary>The statuses in which the institution owes an answer, and the deadline runs.</summary>
    public static IReadOnlyList<CorrectionStatus> InstitutionOwes { get; } = [CorrectionStatus.AwaitingPlan, CorrectionStatus.AwaitingEvidence];

    public bool IsOpen => OpenStatuses.Contains(Status);

    /// <summary>The subject of the obligation of the current round.</summary>
    public string ObligationSubject => SubjectOf(Id, Round);

    public static string SubjectOf(Guid id, int round) => $"{id:N}:{round}";

    public static bool IsSupervised(ProjectStage stage) => stage is ProjectStage.Running or ProjectStage.Rectifying or ProjectStage.Suspended;

    /// <summary>
    /// The working group issues an order on a pilot in supervision, due at <paramref name="dueAt"/>
    /// (computed by the caller from <see cref="CorrectionOrderInput.WorkingDays"/> on the calendar).
    /// </summary>
    public static Result<CorrectionOrder> Issue(
        PilotProject project, CorrectionOrderInput input, CorrectionSource source, Guid? alertId, DateTimeOffset dueAt, DateTimeOffset now, string actorUserId)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentException.ThrowIfNullOrWhiteSpace(actorUserId);
        if (!IsSupervised(project.Stage))
        {
            return new Error(CorrectionErrors.ProjectNotSupervised, null, project.Stage);
        }

        var errors = Validate(input).ToArray();
        if (errors.Length > 0)
        {
            return Result<CorrectionOrder>.Fail(errors);
        }

        var due = ObligationRules.Precise(dueAt);
        var order = new CorrectionOrder
        {
            Id = Guid.CreateVersion7(now),
            ProjectId = project.Id,
            RegionId = project.RegionId,
            OrganisationId = project.LeadOrganisationId,
            Findings = input.Findings.Trim(),
            Breach = input.Breach.Trim(),
            RequiredActions = input.RequiredActions.Trim(),
            Severity = input.Severity,
            MustRectify = input.MustRectify,
            Source = source,
            AlertId = source == CorrectionSource.Alert ? alertId : null,
            IssuedAt = now,
            IssuedBy = actorUserId,
            DueAt = due,
            Round = 1,
            Status = CorrectionStatus.AwaitingPlan,
            Steps = [new CorrectionStep(now, actorUserId, CorrectionStepKind.Issued, null, due)],
            Version = Guid.NewGuid(),
        };
        order._events.Record(new CorrectionIssued());
        return order;
    }

    public static IEnumerable<Error> Validate(CorrectionOrderInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        foreach (var error in Text.Required(input.Findings, "findings", MaxTextLength)
            .Concat(Text.Required(input.Breach, "breach", MaxTextLength))
            .Concat(Text.Required(input.RequiredActions, "requiredActions", MaxTextLength)))
        {
            yield return error;
        }

        if (!Enum.IsDefined(input.Severity))
        {
            yield return new Error(CorrectionErrors.SeverityInvalid, "severity");
        }

        if (input.WorkingDays is < MinWorkingDays or > MaxWorkingDays)
        {
            yield return new Error(CorrectionErrors.WorkingDaysInvalid, "workingDays", MinWorkingDays, MaxWorkingDays);
        }
    }

    /// <summary>The institution answers with its correction plan.</summary>
    public Result SubmitPlan(string plan, DateTimeOffset now, string actorUserId) =>
        Step(CorrectionStatus.AwaitingPlan, CorrectionStepKind.PlanSubmitted, plan, "plan", now, actorUserId, () =>
        {
            CorrectionPlan = plan.Trim();
            Status = CorrectionStatus.AwaitingEvidence;
            _events.Record(new CorrectionAnswered(CorrectionStepKind.PlanSubmitted, plan));
        });

    /// <summary>The institution hands in the evidence that it corrected; the working group verifies next.</summary>
    public Result SubmitEvidence(string evidence, DateTimeOffset now, string actorUserId) =>
        Step(CorrectionStatus.AwaitingEvidence, CorrectionStepKind.EvidenceSubmitted, evidence, "evidence", now, actorUserId, () =>
        {
            Evidence = evidence.Trim();
            Status = CorrectionStatus.AwaitingVerification;
            _events.Record(new CorrectionAnswered(CorrectionStepKind.EvidenceSubmitted, evidence));
        });

    /// <summary>
    /// The institution attaches a file to the evidence it is preparing (while the evidence is owed,
    /// so also after the working group rejected it); the working group reads it when it verifies.
    /// </summary>
    public Result AttachFile(CorrectionFile file, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (Status != CorrectionStatus.AwaitingEvidence)
        {
            return new Error(CorrectionErrors.WrongStatus, null, Status);
        }

        if (Files.Count >= MaxFiles)
        {
            return new Error(CorrectionErrors.TooManyFiles, "File", MaxFiles);
        }

        Files = [.. Files, file];
        Version = Guid.NewGuid();
        _events.Record(new CorrectionFileAttached(file));
        return Result.Ok();
    }

    /// <summary>The institution removes a file of the evidence it has not handed in yet.</summary>
    public Result RemoveFile(Guid fileId, DateTimeOffset now)
    {
        if (Status != CorrectionStatus.AwaitingEvidence)
        {
            return new Error(CorrectionErrors.WrongStatus, null, Status);
        }

        var file = Files.FirstOrDefault(f => f.Id == fileId);
        if (file is null || file.Round != Round)
        {
            // Files of an earlier round were handed in with that round's evidence and stay on the record.
            return new Error(CorrectionErrors.FileNotFound);
        }

        Files = [.. Files.Where(f => f.Id != fileId)];
        Version = Guid.NewGuid();
        _events.Record(new CorrectionFileRemoved(file));
        return Result.Ok();
    }

    /// <summary>The working group accepts the evidence and closes the order, with its conclusion.</summary>
    public Result Close(string conclusion, DateTimeOffset now, string actorUserId) =>
        Step(CorrectionStatus.AwaitingVerification, CorrectionStepKind.Closed, conclusion, "conclusion", now, actorUserId, () =>
        {
            Conclusion = conclusion.Trim();
            Status = CorrectionStatus.Closed;
            ClosedAt = now;
            _events.Record(new CorrectionVerified(true, conclusion, null));
        });

    /// <summary>The working group rejects the evidence with reasons and a new deadline; the institution answers again.</summary>
    public Result Reject(string reason, DateTimeOffset newDueAt, DateTimeOffset now, string actorUserId)
    {
        if (newDueAt <= now)
        {
            return new Error(CorrectionErrors.WorkingDaysInvalid, "workingDays", MinWorkingDays, MaxWorkingDays);
        }

        return Step(CorrectionStatus.AwaitingVerification, CorrectionStepKind.Rejected, reason, "reason", now, actorUserId, () =>
        {
            Status = CorrectionStatus.AwaitingEvidence;
            NewRound(newDueAt);
            _events.Record(new CorrectionVerified(false, reason, DueAt));
        }, newDueAt);
    }

    /// <summary>The working group moves the deadline of an order the institution is answering, with a reason.</summary>
    public Result Extend(string reason, DateTimeOffset newDueAt, DateTimeOffset now, string actorUserId)
    {
        if (!InstitutionOwes.Contains(Status))
        {
            return new Error(CorrectionErrors.WrongStatus, null, Status);
        }

        if (newDueAt <= DueAt || newDueAt <= now)
        {
            return new Error(CorrectionErrors.WorkingDaysInvalid, "workingDays", MinWorkingDays, MaxWorkingDays);
        }

        return Step(Status, CorrectionStepKind.Extended, reason, "reason", now, actorUserId, () =>
        {
            NewRound(newDueAt);
            _events.Record(new CorrectionExtended(reason, DueAt));
        }, newDueAt);
    }

    /// <summary>The working group withdraws an open order, with a reason.</summary>
    public Result Revoke(string reason, DateTimeOffset now, string actorUserId)
    {
        if (!IsOpen)
        {
            return new Error(CorrectionErrors.WrongStatus, null, Status);
        }

        return Step(Status, CorrectionStepKind.Revoked, reason, "reason", now, actorUserId, () =>
        {
            Conclusion = reason.Trim();
            Status = CorrectionStatus.Revoked;
            ClosedAt = now;
            _events.Record(new CorrectionRevoked(reason));
        });
    }

    /// <summary>The working group makes the order public; its closure will be public too.</summary>
    public Result Disclose(DateTimeOffset now, string actorUserId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actorUserId);
        if (Disclosed)
        {
            return new Error(CorrectionErrors.AlreadyDisclosed);
        }

        if (Status == CorrectionStatus.Revoked)
        {
            return new Error(CorrectionErrors.WrongStatus, null, Status);
        }

        Disclosed = true;
        Append(new CorrectionStep(now, actorUserId, CorrectionStepKind.Disclosed, null));
        _events.Record(new CorrectionDisclosed());
        return Result.Ok();
    }

    /// <summary>
    /// Climbs the escalation ladder to <paramref name="rung"/> if the order still waits for the
    /// institution and has not reached it; false when there is nothing to do, so two clocks never
    /// climb the same rung twice (the second save is refused by <see cref="Version"/>).
    /// </summary>
    public bool EscalateTo(CorrectionEscalation rung, DateTimeOffset now, string actor)
    {
        if (!InstitutionOwes.Contains(Status) || rung <= Escalation || !Enum.IsDefined(rung) || Steps.Count >= MaxSteps)
        {
            return false;
        }

        Escalation = rung;
        var kind = rung == CorrectionEscalation.DisposalProposed ? CorrectionStepKind.DisposalProposed : CorrectionStepKind.Escalated;
        Append(new CorrectionStep(now, actor, kind, null, DueAt));
        _events.Record(new CorrectionEscalated(rung));
        return true;
    }

    /// <summary>
    /// The rung an order waiting for the institution has reached on <paramref name="today"/>: escalated
    /// once <paramref name="escalateAfter"/> working days have passed since the due day, disposal
    /// proposed after <paramref name="proposeAfter"/>.
    /// </summary>
    public static CorrectionEscalation RungOn(DateOnly today, DateOnly dueDay, int escalateAfter, int proposeAfter, Calendar.WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return today >= calendar.AddWorkingDays(dueDay, proposeAfter) ? CorrectionEscalation.DisposalProposed
            : today >= calendar.AddWorkingDays(dueDay, escalateAfter) ? CorrectionEscalation.Escalated
            : CorrectionEscalation.None;
    }

    private void NewRound(DateTimeOffset newDueAt)
    {
        DueAt = ObligationRules.Precise(newDueAt);
        Round++;
        Extensions++;

        // A new deadline starts the ladder again: the old rungs were about the old deadline.
        Escalation = CorrectionEscalation.None;
    }

    private Result Step(
        CorrectionStatus expected, CorrectionStepKind kind, string text, string field, DateTimeOffset now, string actorUserId, Action apply, DateTimeOffset? dueAt = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actorUserId);
        var errors = Text.Required(text, field, kind is CorrectionStepKind.PlanSubmitted or CorrectionStepKind.EvidenceSubmitted ? MaxTextLength : MaxNoteLength).ToArray();
        if (errors.Length > 0)
        {
            return Result.Fail(errors);
        }

        if (Status != expected)
        {
            return new Error(CorrectionErrors.WrongStatus, null, Status);
        }

        if (Steps.Count >= MaxSteps)
        {
            return new Error(CorrectionErrors.TooManySteps, null, MaxSteps);
        }

        apply();
        Append(new CorrectionStep(now, actorUserId, kind, text.Trim(), dueAt is null ? null : DueAt));
        return Result.Ok();
    }

    private void Append(CorrectionStep step)
    {
        Steps = [.. Steps, step];
        Version = Guid.NewGuid();
    }
}

/// <summary>The working group issued the order.</summary>
public sealed record CorrectionIssued : IDomainEvent;

/// <summary>A file of the institution's evidence, attached in the order's <paramref name="Round"/>.</summary>
public sealed record CorrectionFile(Guid Id, string FileName, string ContentType, long Size, string Sha256, DateTimeOffset AddedAt, string AddedBy, int Round);

/// <summary>The institution attached a file to its evidence.</summary>
public sealed record CorrectionFileAttached(CorrectionFile File) : IDomainEvent;

/// <summary>The institution removed a file from the evidence it had not handed in yet.</summary>
public sealed record CorrectionFileRemoved(CorrectionFile File) : IDomainEvent;

/// <summary>The institution answered with a plan or evidence, as it typed it.</summary>
public sealed record CorrectionAnswered(CorrectionStepKind Kind, string Text) : IDomainEvent;

/// <summary>The working group verified the evidence: closed, or rejected with a new deadline.</summary>
public sealed record CorrectionVerified(bool Closed, string Text, DateTimeOffset? NewDueAt) : IDomainEvent;

/// <summary>The working group moved the deadline.</summary>
public sealed record CorrectionExtended(string Reason, DateTimeOffset NewDueAt) : IDomainEvent;

/// <summary>The working group withdrew the order.</summary>
public sealed record CorrectionRevoked(string Reason) : IDomainEvent;

/// <summary>The working group made the order public.</summary>
public sealed record CorrectionDisclosed : IDomainEvent;

/// <summary>The clock climbed a rung of the escalation ladder.</summary>
public sealed record CorrectionEscalated(CorrectionEscalation Rung) : IDomainEvent;
