using FinPilot.Domain.Common;

namespace FinPilot.Domain.Integrity;

/// <summary>Why a flag was raised: a rule computed from the record, or the integrity officer. Stored by name.</summary>
public enum IntegrityRule
{
    /// <summary>A coordination-group outcome recorded against the majority of the votes.</summary>
    DecisionAgainstMajority = 1,

    /// <summary>An outcome against the evaluation round's recommendation (admitted though not recommended, or the reverse).</summary>
    DecisionAgainstEvaluation = 2,

    /// <summary>An alert dismissed without a reason.</summary>
    AlertDismissedWithoutReason = 3,

    /// <summary>Alerts dismissed by the same person at or above the threshold within the window.</summary>
    AlertsDismissedRepeatedly = 4,

    /// <summary>A correction order's deadline extended at or above the threshold.</summary>
    CorrectionExtendedRepeatedly = 5,

    /// <summary>A tolerated deviation renewed at or above the threshold.</summary>
    ToleranceRenewed = 6,

    /// <summary>A decision-maker linked to the project's organisations (employment history, declaration).</summary>
    DecisionMakerLinked = 7,

    /// <summary>An expert's scoring sheet reopened.</summary>
    SheetReopened = 8,

    /// <summary>Raised by the integrity officer on any record.</summary>
    RaisedByOfficer = 9,
}

/// <summary>The kind of record a flag concerns; with the record's id it names the record. Stored by name.</summary>
public enum IntegrityRecordKind
{
    Application = 1,
    Project = 2,
    PeriodicReport = 3,
    MetricSeries = 4,
    CorrectionOrder = 5,
    ToleratedDeviation = 6,
    DisposalCase = 7,
    Alert = 8,
    ExpertAssignment = 9,
    AgendaItem = 10,
    PlanChange = 11,

    /// <summary>A person's conduct over many records (alerts dismissed repeatedly). Id: the user's id.</summary>
    Person = 12,

    /// <summary>An exit case (退出案件): its self-assessment, audit and review. Id: the exit case's id.</summary>
    ExitCase = 13,
}

/// <summary>Where a flag stands.</summary>
public enum IntegrityFlagStatus
{
    Open = 1,

    /// <summary>The officer asked the responsible unit to explain, by a deadline (an obligation).</summary>
    ExplanationRequested = 2,

    /// <summary>The unit answered; the officer concludes.</summary>
    Explained = 3,

    Closed = 4,
}

/// <summary>What the officer concluded.</summary>
public enum IntegrityConclusion
{
    /// <summary>No misconduct: 排除.</summary>
    Cleared = 1,

    /// <summary>The concern is confirmed: 属实.</summary>
    Confirmed = 2,

    /// <summary>Handed on to the discipline authority: 移送.</summary>
    Referred = 3,
}

/// <summary>Who answers for a flag: the working group of its region, or an organisation.</summary>
public enum ResponsibleUnitKind
{
    WorkingGroup = 1,
    Organisation = 2,
}

/// <summary>
/// The structured facts of a flag, turned into a sentence from resources when shown: never a stored
/// sentence, so each reader reads it in their language. Which members a rule fills is the rule's.
/// </summary>
public sealed record IntegrityFacts
{
    /// <summary>How many times (extensions, renewals, dismissals, reopenings).</summary>
    public int? Count { get; init; }

    /// <summary>The threshold the count reached.</summary>
    public int? Threshold { get; init; }

    /// <summary>The window in days the count was taken over.</summary>
    public int? WindowDays { get; init; }

    /// <summary>When the fact happened (the decision, the dismissal).</summary>
    public DateTimeOffset? At { get; init; }

    /// <summary>The organisation the person is linked to.</summary>
    public Guid? OrganisationId { get; init; }

    /// <summary>Votes for and against, for decisions against the majority.</summary>
    public int? VotesFor { get; init; }

    public int? VotesAgainst { get; init; }

    /// <summary>What the officer wrote when raising the flag (their words, kept as written).</summary>
    public string? Note { get; init; }
}

/// <summary>Where the flag is and whom it concerns, as the scan or the officer found it.</summary>
public sealed record IntegrityTarget
{
    public IntegrityRecordKind RecordKind { get; init; }

    public string RecordId { get; init; } = string.Empty;

    public int RegionId { get; init; }

    /// <summary>The pilot (or application's project) the record belongs to, when it has one.</summary>
    public Guid? ProjectId { get; init; }

    /// <summary>The person concerned (user id), when the flag is about someone's act.</summary>
    public string? PersonId { get; init; }

    public ResponsibleUnitKind Unit { get; init; } = ResponsibleUnitKind.WorkingGroup;

    /// <summary>The organisation that answers, when <see cref="Unit"/> is <see cref="ResponsibleUnitKind.Organisation"/>.</summary>
    public Guid? OrganisationId { get; init; }
}

/// <summary>
/// 廉政监督 flag: a concern about one record — computed by a rule from the record, or raised by the
/// integrity officer — with the person concerned and the unit that answers for it. The officer
/// asks the unit to explain by a deadline, the unit answers, the officer closes it with a
/// conclusion. A computed flag is unique per (rule, record, person), so a scan never makes two.
/// </summary>
public sealed class IntegrityFlag : IRecordsEvents
{
    public const int MaxRecordIdLength = 100;
    public const int MaxTextLength = 4000;
    public const int MinWorkingDays = 1;
    public const int MaxWorkingDays = 60;

    /// <summary>Who raises computed flags.</summary>
    public const string System = "system";

    private readonly EventLog _events = new();

    private IntegrityFlag()
    {
    }

    IReadOnlyList<IDomainEvent> IRecordsEvents.PendingEvents => _events.Pending;

    void IRecordsEvents.ClearEvents() => _events.Clear();

    public Guid Id { get; private set; }

    public IntegrityRule Rule { get; private set; }

    public IntegrityRecordKind RecordKind { get; private set; }

    public string RecordId { get; private set; } = string.Empty;

    public int RegionId { get; private set; }

    public Guid? ProjectId { get; private set; }

    public string? PersonId { get; private set; }

    /// <summary>
    /// The unique index's person column: the person's id or empty (NULLs never collide in PostgreSQL).
    /// An officer's flag adds its own id, so the officer may raise several on one record.
    /// </summary>
    public string PersonKey { get; private set; } = string.Empty;

    public ResponsibleUnitKind Unit { get; private set; }

    public Guid? UnitOrganisationId { get; private set; }

    public IntegrityFacts Facts { get; private set; } = new();

    public IntegrityFlagStatus Status { get; private set; }

    public DateTimeOffset RaisedAt { get; private set; }

    /// <summary>The officer's user id, or <see cref="System"/> for computed flags.</summary>
    public string RaisedBy { get; private set; } = string.Empty;

    public string? Request { get; private set; }

    public DateTimeOffset? RequestedAt { get; private set; }

    public string? RequestedBy { get; private set; }

    public DateTimeOffset? ExplanationDueAt { get; private set; }

    /// <summary>How many times an explanation was asked for; names the obligation of each request.</summary>
    public int Requests { get; private set; }

    public string? Explanation { get; private set; }

    public DateTimeOffset? ExplainedAt { get; private set; }

    public string? ExplainedBy { get; private set; }

    public IntegrityConclusion? Conclusion { get; private set; }

    public string? ConclusionText { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public string? ClosedBy { get; private set; }

    public Guid Version { get; private set; }

    public bool IsOpen => Status != IntegrityFlagStatus.Closed;

    /// <summary>The subject of the explanation obligation of the current request: "{id:N}:{request}".</summary>
    public string ObligationSubject => $"{Id:N}:{Requests}";

    /// <summary>A flag a rule computed from the record.</summary>
    public static Result<IntegrityFlag> Computed(IntegrityRule rule, IntegrityTarget target, IntegrityFacts facts, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(facts);
        if (!Enum.IsDefined(rule) || rule == IntegrityRule.RaisedByOfficer)
        {
            return new Error(IntegrityErrors.ChoiceInvalid, "rule");
        }

        return Create(rule, target, facts, now, System);
    }

    /// <summary>The integrity officer raises a flag on a record, saying why.</summary>
    public static Result<IntegrityFlag> Raise(IntegrityTarget target, string note, DateTimeOffset now, string officerUserId)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentException.ThrowIfNullOrWhiteSpace(officerUserId);
        var errors = Text.Required(note, "note", MaxTextLength).ToArray();
        if (errors.Length > 0)
        {
            return Result<IntegrityFlag>.Fail(errors);
        }

        return Create(IntegrityRule.RaisedByOfficer, target, new IntegrityFacts { Note = note.Trim() }, now, officerUserId);
    }

    private static Result<IntegrityFlag> Create(IntegrityRule rule, IntegrityTarget target, IntegrityFacts facts, DateTimeOffset now, string by)
    {
        var errors = new List<Error>();
        if (!Enum.IsDefined(target.RecordKind))
        {
            errors.Add(new Error(IntegrityErrors.ChoiceInvalid, "recordKind"));
        }

        errors.AddRange(Text.Required(target.RecordId, "recordId", MaxRecordIdLength));
        if (!Enum.IsDefined(target.Unit) || (target.Unit == ResponsibleUnitKind.Organisation && target.OrganisationId is null))
        {
            errors.Add(new Error(IntegrityErrors.NoResponsibleUnit, "recordId"));
        }

        if (errors.Count > 0)
        {
            return Result<IntegrityFlag>.Fail([.. errors]);
        }

        var id = Guid.CreateVersion7(now);
        var flag = new IntegrityFlag
        {
            Id = id,
            Rule = rule,
            RecordKind = target.RecordKind,
            RecordId = target.RecordId.Trim(),
            RegionId = target.RegionId,
            ProjectId = target.ProjectId,
            PersonId = target.PersonId,
            PersonKey = rule == IntegrityRule.RaisedByOfficer ? $"{target.PersonId}#{id:N}" : target.PersonId ?? string.Empty,
            Unit = target.Unit,
            UnitOrganisationId = target.Unit == ResponsibleUnitKind.Organisation ? target.OrganisationId : null,
            Facts = facts,
            Status = IntegrityFlagStatus.Open,
            RaisedAt = now,
            RaisedBy = by,
            Version = Guid.NewGuid(),
        };
        flag._events.Record(new IntegrityFlagRaised());
        return flag;
    }

    /// <summary>The officer asks the responsible unit to explain by <paramref name="dueAt"/>; asked again after an answer, it opens a new round.</summary>
    public Result RequestExplanation(string request, DateTimeOffset dueAt, DateTimeOffset now, string officerUserId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(officerUserId);
        var errors = Text.Required(request, "request", MaxTextLength).ToArray();
        if (errors.Length > 0)
        {
            return Result.Fail(errors);
        }

        if (Status is not (IntegrityFlagStatus.Open or IntegrityFlagStatus.Explained))
        {
            return new Error(IntegrityErrors.WrongStatus, null, Status);
        }

        Request = request.Trim();
        RequestedAt = now;
        RequestedBy = officerUserId;
        ExplanationDueAt = dueAt;
        Requests++;
        Status = IntegrityFlagStatus.ExplanationRequested;
        Version = Guid.NewGuid();
        _events.Record(new IntegrityExplanationRequested(dueAt));
        return Result.Ok();
    }

    /// <summary>The responsible unit explains.</summary>
    public Result Explain(string explanation, DateTimeOffset now, string userId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        var errors = Text.Required(explanation, "explanation", MaxTextLength).ToArray();
        if (errors.Length > 0)
        {
            return Result.Fail(errors);
        }

        if (Status != IntegrityFlagStatus.ExplanationRequested)
        {
            return new Error(IntegrityErrors.WrongStatus, null, Status);
        }

        Explanation = explanation.Trim();
        ExplainedAt = now;
        ExplainedBy = userId;
        Status = IntegrityFlagStatus.Explained;
        Version = Guid.NewGuid();
        _events.Record(new IntegrityExplained());
        return Result.Ok();
    }

    /// <summary>The officer closes the flag with a conclusion; a pending request is then withdrawn (its obligation waived by the caller).</summary>
    public Result Close(IntegrityConclusion conclusion, string text, DateTimeOffset now, string officerUserId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(officerUserId);
        var errors = new List<Error>();
        if (!Enum.IsDefined(conclusion))
        {
            errors.Add(new Error(IntegrityErrors.ChoiceInvalid, "conclusion"));
        }

        errors.AddRange(Text.Required(text, "text", MaxTextLength));
        if (errors.Count > 0)
        {
            return Result.Fail(errors);
        }

        if (Status == IntegrityFlagStatus.Closed)
        {
            return new Error(IntegrityErrors.WrongStatus, null, Status);
        }

        var withdrawn = Status == IntegrityFlagStatus.ExplanationRequested;
        Conclusion = conclusion;
        ConclusionText = text.Trim();
        ClosedAt = now;
        ClosedBy = officerUserId;
        Status = IntegrityFlagStatus.Closed;
        Version = Guid.NewGuid();
        _events.Record(new IntegrityFlagClosed(conclusion, withdrawn));
        return Result.Ok();
    }
}

/// <summary>A flag was raised (by a rule or the officer).</summary>
public sealed record IntegrityFlagRaised : IDomainEvent;

public sealed record IntegrityExplanationRequested(DateTimeOffset DueAt) : IDomainEvent;

public sealed record IntegrityExplained : IDomainEvent;

/// <summary>The officer closed the flag; <paramref name="RequestWithdrawn"/> when a request was still unanswered.</summary>
public sealed record IntegrityFlagClosed(IntegrityConclusion Conclusion, bool RequestWithdrawn) : IDomainEvent;
