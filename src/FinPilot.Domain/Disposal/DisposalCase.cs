using FinPilot.Domain.Calendar;
using FinPilot.Domain.Common;
using FinPilot.Domain.Obligations;
using FinPilot.Domain.Projects;
using FinPilot.Domain.Supervision;

namespace FinPilot.Domain.Disposal;

/// <summary>One action on a case's checklist, with its owner, its deadline and where it stands.</summary>
public sealed record DisposalAction(
    DisposalActionKind Kind, DisposalActionOwner Owner, int WorkingDays, DateTimeOffset DueAt, DisposalActionState State,
    DateTimeOffset? ClosedAt, string? ClosedBy, string? Note);

/// <summary>Notices the institution sent: how, to how many customers, on which day.</summary>
public sealed record CustomerNotice(DateTimeOffset At, string By, NoticeChannel Channel, int Count, DateOnly SentOn);

/// <summary>One entry of the institution's compensation record: claims received, the amount paid (yuan) and claims closed since the last.</summary>
public sealed record CompensationEntry(DateTimeOffset At, string By, int ClaimsReceived, decimal AmountPaid, int ClaimsClosed, string? Note);

/// <summary>The level was raised, by whom and why.</summary>
public sealed record LevelChange(DateTimeOffset At, string By, DisposalLevel From, DisposalLevel To, string Reason);

/// <summary>
/// A disposal case (风险处置) on one pilot: opened by the region's working group at a level of the
/// contingency plan version in force, from a source (an alert, an incident, a correction order, or
/// directly). The level's required actions form its checklist, each with its owner and deadline; the
/// case closes only when every action is done or waived with a reason.
/// </summary>
public sealed class DisposalCase : ISupervisedRecord, IRecordsEvents
{
    public const int MaxTextLength = 4000;
    public const int MaxCustomers = 1_000_000_000;
    public const decimal MaxAmount = 1_000_000_000_000m;
    public const int MaxEntries = 500;

    private readonly EventLog _events = new();

    private DisposalCase()
    {
    }

    IReadOnlyList<IDomainEvent> IRecordsEvents.PendingEvents => _events.Pending;

    public Guid Id { get; private set; }

    public Guid ProjectId { get; private set; }

    public int RegionId { get; private set; }

    /// <summary>The pilot's lead organisation: the institution that owes its actions.</summary>
    public Guid OrganisationId { get; private set; }

    public DisposalLevel Level { get; private set; }

    /// <summary>The contingency plan version in force when the case opened; a raised level takes its actions from it too.</summary>
    public Guid PlanVersionId { get; private set; }

    public int PlanVersionNumber { get; private set; }

    public DisposalSource Source { get; private set; }

    public Guid? SourceId { get; private set; }

    public string Summary { get; private set; } = string.Empty;

    /// <summary>How many customers are affected: the customer notices must cover them all.</summary>
    public int AffectedCustomers { get; private set; }

    public DisposalCaseStatus Status { get; private set; }

    public DateTimeOffset OpenedAt { get; private set; }

    public string OpenedBy { get; private set; } = string.Empty;

    public IReadOnlyList<DisposalAction> Actions { get; private set; } = [];

    public IReadOnlyList<LevelChange> LevelChanges { get; private set; } = [];

    public IReadOnlyList<CustomerNotice> Notices { get; private set; } = [];

    public IReadOnlyList<CompensationEntry> Compensation { get; private set; } = [];

    /// <summary>When this case last suspended the pilot, and when it resumed it (null while suspended).</summary>
    public DateTimeOffset? SuspendedAt { get; private set; }

    public DateTimeOffset? ResumedAt { get; private set; }

    public DateTimeOffset? TerminationProposedAt { get; private set; }

    public string? TerminationReason { get; private set; }

    /// <summary>The coordination group's meeting and agenda item the termination proposal was put on (null until scheduled).</summary>
    public Guid? TerminationMeetingId { get; private set; }

    public Guid? TerminationAgendaItemId { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public string? ClosedBy { get; private set; }

    public string? Conclusion { get; private set; }

    public Guid Version { get; private set; }

    public bool IsOpen => Status == DisposalCaseStatus.Open;

    /// <summary>Whether the pilot stands suspended by this case.</summary>
    public bool HoldsSuspension => SuspendedAt is not null && ResumedAt is null;

    public int CustomersNotified => Notices.Sum(n => n.Count);

    public int ClaimsReceived => Compensation.Sum(c => c.ClaimsReceived);

    public int ClaimsClosed => Compensation.Sum(c => c.ClaimsClosed);

    public decimal AmountPaid => Compensation.Sum(c => c.AmountPaid);

    /// <summary>The open actions: a case closes when there are none.</summary>
    public IReadOnlyList<DisposalAction> OpenActions => [.. Actions.Where(a => a.State == DisposalActionState.Open)];

    public DisposalAction? ActionOf(DisposalActionKind kind) => Actions.FirstOrDefault(a => a.Kind == kind);

    /// <summary>The subject of an action's obligation: the case and the action kind.</summary>
    public string SubjectOf(DisposalActionKind kind) => $"{Id:N}/{kind}";

    void IRecordsEvents.ClearEvents() => _events.Clear();

    public static bool IsOpenable(ProjectStage stage) => ProjectLifecycle.Admitted.Contains(stage);

    /// <summary>The working group opens a case on an admitted pilot; the level's actions, due in working days from now, form the checklist.</summary>
    public static Result<DisposalCase> Open(
        PilotProject project, ContingencyPlanVersion plan, DisposalLevel level, DisposalSource source, Guid? sourceId, string summary, int affectedCustomers,
        DateTimeOffset now, string actorUserId, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentException.ThrowIfNullOrWhiteSpace(actorUserId);
        if (!IsOpenable(project.Stage))
        {
            return new Error(DisposalErrors.ProjectNotRunning, null, project.Stage);
        }

        var errors = new List<Error>(Text.Required(summary, "summary", MaxTextLength));
        if (!Enum.IsDefined(level))
        {
            errors.Add(new Error(DisposalErrors.LevelInvalid, "level"));
        }

        if (!Enum.IsDefined(source))
        {
            errors.Add(new Error(DisposalErrors.SourceInvalid, "source"));
        }
        else if (source != DisposalSource.Direct && sourceId is null)
        {
            errors.Add(new Error(DisposalErrors.SourceInvalid, "sourceId"));
        }

        if (affectedCustomers is < 0 or > MaxCustomers)
        {
            errors.Add(new Error(DisposalErrors.CountInvalid, "affectedCustomers", MaxCustomers));
        }

        if (errors.Count > 0)
        {
            return Result<DisposalCase>.Fail([.. errors]);
        }

        var disposal = new DisposalCase
        {
            Id = Guid.CreateVersion7(now),
            ProjectId = project.Id,
            RegionId = project.RegionId,
            OrganisationId = project.LeadOrganisationId,
            Level = level,
            PlanVersionId = plan.Id,
            PlanVersionNumber = plan.Number,
            Source = source,
            SourceId = source == DisposalSource.Direct ? null : sourceId,
            Summary = summary.Trim(),
            AffectedCustomers = affectedCustomers,
            Status = DisposalCaseStatus.Open,
            OpenedAt = now,
            OpenedBy = actorUserId,
            Version = Guid.NewGuid(),
        };
        disposal.Actions = [.. plan.LevelOf(level).Actions.Select(a => NewAction(a, now, calendar))];
        disposal._events.Record(new DisposalCaseOpened());
        return disposal;
    }

    /// <summary>The lowest level: the level a case proposed by the escalation ladder starts at.</summary>
    public const DisposalLevel LowestLevel = DisposalLevel.IV;

    /// <summary>
    /// The correction escalation ladder proposes a case on an escalated order the institution still has not answered:
    /// at the lowest level, with no checklist until the working group confirms it. The order is the source.
    /// </summary>
    public static Result<DisposalCase> Propose(PilotProject project, ContingencyPlanVersion plan, Guid orderId, string summary, DateTimeOffset now, string actor)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        if (!IsOpenable(project.Stage))
        {
            return new Error(DisposalErrors.ProjectNotRunning, null, project.Stage);
        }

        var text = summary.Trim();
        var disposal = new DisposalCase
        {
            Id = Guid.CreateVersion7(now),
            ProjectId = project.Id,
            RegionId = project.RegionId,
            OrganisationId = project.LeadOrganisationId,
            Level = LowestLevel,
            PlanVersionId = plan.Id,
            PlanVersionNumber = plan.Number,
            Source = DisposalSource.CorrectionOrder,
            SourceId = orderId,
            Summary = text.Length <= MaxTextLength ? text : text[..MaxTextLength],
            Status = DisposalCaseStatus.Proposed,
            OpenedAt = now,
            OpenedBy = actor,
            Version = Guid.NewGuid(),
        };
        disposal._events.Record(new DisposalCaseProposed(orderId));
        return disposal;
    }

    /// <summary>
    /// The working group confirms a proposed case: it opens at its level under the contingency plan in force,
    /// the level's actions due in working days from now.
    /// </summary>
    public Result Confirm(ContingencyPlanVersion plan, int affectedCustomers, DateTimeOffset now, string actorUserId, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentException.ThrowIfNullOrWhiteSpace(actorUserId);
        if (Status != DisposalCaseStatus.Proposed)
        {
            return new Error(DisposalErrors.NotProposedCase);
        }

        if (affectedCustomers is < 0 or > MaxCustomers)
        {
            return new Error(DisposalErrors.CountInvalid, "affectedCustomers", MaxCustomers);
        }

        Status = DisposalCaseStatus.Open;
        PlanVersionId = plan.Id;
        PlanVersionNumber = plan.Number;
        AffectedCustomers = affectedCustomers;
        OpenedAt = now;
        OpenedBy = actorUserId;
        Actions = [.. plan.LevelOf(Level).Actions.Select(a => NewAction(a, now, calendar))];
        Touch(new DisposalCaseOpened());
        return Result.Ok();
    }

    /// <summary>The working group dismisses a proposed case with its reason: it closes without a checklist.</summary>
    public Result Dismiss(string reason, DateTimeOffset now, string actorUserId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actorUserId);
        if (Status != DisposalCaseStatus.Proposed)
        {
            return new Error(DisposalErrors.NotProposedCase);
        }

        var errors = Text.Required(reason, "reason", MaxTextLength).ToArray();
        if (errors.Length > 0)
        {
            return Result.Fail(errors);
        }

        Status = DisposalCaseStatus.Closed;
        ClosedAt = now;
        ClosedBy = actorUserId;
        Conclusion = reason.Trim();
        Touch(new DisposalCaseClosed(reason));
        return Result.Ok();
    }

    /// <summary>
    /// The working group raises the case to a graver level; actions the new level requires that the
    /// checklist lacks are added, due from now. Returns the added actions (for their obligations).
    /// </summary>
    public Result<IReadOnlyList<DisposalAction>> RaiseLevel(
        DisposalLevel level, string reason, ContingencyPlanVersion plan, DateTimeOffset now, string actorUserId, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentException.ThrowIfNullOrWhiteSpace(actorUserId);
        if (!IsOpen)
        {
            return new Error(DisposalErrors.CaseClosed);
        }

        var errors = new List<Error>(Text.Required(reason, "reason", MaxTextLength));
        if (!Enum.IsDefined(level))
        {
            errors.Add(new Error(DisposalErrors.LevelInvalid, "level"));
        }
        else if (!DisposalActions.IsGraver(level, Level))
        {
            errors.Add(new Error(DisposalErrors.LevelNotGraver, "level", Level));
        }

        if (errors.Count > 0)
        {
            return Result<IReadOnlyList<DisposalAction>>.Fail([.. errors]);
        }

        var added = plan.LevelOf(level).Actions.Where(a => ActionOf(a.Kind) is null).Select(a => NewAction(a, now, calendar)).ToList();

        // A pilot this case already suspended has met a newly required suspension.
        added = [.. added.Select(a => a.Kind == DisposalActionKind.SuspendPilot && SuspendedAt is not null ? Closed(a, DisposalActionState.Done, now, actorUserId, null) : a)];
        LevelChanges = [.. LevelChanges, new LevelChange(now, actorUserId, Level, level, reason.Trim())];
        Level = level;
        Actions = [.. Actions, .. added];
        Touch(new DisposalLevelRaised(LevelChanges[^1].From, level, reason));
        return added;
    }

    /// <summary>The case's record of suspending the pilot (the pilot moves with <see cref="PilotProject.Suspend"/>); the suspension action is done.</summary>
    public Result RecordSuspension(string reason, DateTimeOffset now, string actorUserId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actorUserId);
        if (!IsOpen)
        {
            return new Error(DisposalErrors.CaseClosed);
        }

        if (HoldsSuspension)
        {
            return new Error(DisposalErrors.AlreadySuspended);
        }

        var errors = Text.Required(reason, "reason", MaxTextLength).ToArray();
        if (errors.Length > 0)
        {
            return Result.Fail(errors);
        }

        SuspendedAt = now;
        ResumedAt = null;
        CloseAction(DisposalActionKind.SuspendPilot, DisposalActionState.Done, now, actorUserId, null);
        Touch(new DisposalPilotSuspended(reason));
        return Result.Ok();
    }

    /// <summary>The case's record of resuming the pilot it suspended; open or closed, the case that suspended it lifts it.</summary>
    public Result RecordResumption(string reason, DateTimeOffset now, string actorUserId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actorUserId);
        if (!HoldsSuspension)
        {
            return new Error(DisposalErrors.NotSuspended);
        }

        var errors = Text.Required(reason, "reason", MaxTextLength).ToArray();
        if (errors.Length > 0)
        {
            return Result.Fail(errors);
        }

        ResumedAt = now;
        Touch(new DisposalPilotResumed(reason));
        return Result.Ok();
    }

    /// <summary>The institution records notices sent; once they cover every affected customer the notification action is done.</summary>
    public Result RecordNotice(NoticeChannel channel, int count, DateOnly sentOn, DateTimeOffset now, string actorUserId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actorUserId);
        var check = Recordable(DisposalActionKind.CustomerNotification, Notices.Count);
        if (!check.Succeeded)
        {
            return check;
        }

        var errors = new List<Error>();
        if (!Enum.IsDefined(channel))
        {
            errors.Add(new Error(DisposalErrors.ChannelInvalid, "channel"));
        }

        if (count is < 1 or > MaxCustomers)
        {
            errors.Add(new Error(DisposalErrors.CountInvalid, "count", MaxCustomers));
        }

        if (sentOn > ChinaTime.DateOf(now))
        {
            errors.Add(new Error(DisposalErrors.DateInFuture, "sentOn"));
        }

        if (errors.Count > 0)
        {
            return Result.Fail(errors);
        }

        Notices = [.. Notices, new CustomerNotice(now, actorUserId, channel, count, sentOn)];
        if (CustomersNotified >= AffectedCustomers && ActionOf(DisposalActionKind.CustomerNotification) is { State: DisposalActionState.Open })
        {
            CloseAction(DisposalActionKind.CustomerNotification, DisposalActionState.Done, now, actorUserId, null);
        }

        Touch(new CustomerNoticeRecorded(channel, count, sentOn));
        return Result.Ok();
    }

    /// <summary>The institution records claims received, amounts paid and claims closed since its last entry.</summary>
    public Result RecordCompensation(int claimsReceived, decimal amountPaid, int claimsClosed, string? note, DateTimeOffset now, string actorUserId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actorUserId);
        var check = Recordable(DisposalActionKind.Compensation, Compensation.Count);
        if (!check.Succeeded)
        {
            return check;
        }

        var errors = new List<Error>(Text.Optional(note, "note", MaxTextLength));
        if (claimsReceived is < 0 or > MaxCustomers)
        {
            errors.Add(new Error(DisposalErrors.CountInvalid, "claimsReceived", MaxCustomers));
        }

        if (claimsClosed is < 0 or > MaxCustomers)
        {
            errors.Add(new Error(DisposalErrors.CountInvalid, "claimsClosed", MaxCustomers));
        }

        if (amountPaid is < 0 or > MaxAmount || decimal.Round(amountPaid, 2) != amountPaid)
        {
            errors.Add(new Error(DisposalErrors.AmountInvalid, "amountPaid", MaxAmount));
        }

        if (errors.Count == 0 && claimsReceived == 0 && claimsClosed == 0 && amountPaid == 0)
        {
            errors.Add(new Error(DisposalErrors.NothingRecorded));
        }

        if (errors.Count == 0 && ClaimsClosed + claimsClosed > ClaimsReceived + claimsReceived)
        {
            errors.Add(new Error(DisposalErrors.MoreClosedThanReceived, "claimsClosed"));
        }

        if (errors.Count > 0)
        {
            return Result.Fail(errors);
        }

        Compensation = [.. Compensation, new CompensationEntry(now, actorUserId, claimsReceived, amountPaid, claimsClosed, Text.Clean(note))];
        Touch(new CompensationRecorded(claimsReceived, amountPaid, claimsClosed, note));
        return Result.Ok();
    }

    /// <summary>The working group finds the compensation complete: every claim received is closed.</summary>
    public Result CompleteAction(DisposalActionKind kind, string? note, DateTimeOffset now, string actorUserId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actorUserId);
        var check = Closable(kind);
        if (!check.Succeeded)
        {
            return check;
        }

        if (kind != DisposalActionKind.Compensation)
        {
            return new Error(DisposalErrors.ActionDoneByItsStep, "kind");
        }

        if (ClaimsClosed < ClaimsReceived)
        {
            return new Error(DisposalErrors.ClaimsStillOpen, null, ClaimsReceived, ClaimsClosed);
        }

        var errors = Text.Optional(note, "note", MaxTextLength).ToArray();
        if (errors.Length > 0)
        {
            return Result.Fail(errors);
        }

        CloseAction(kind, DisposalActionState.Done, now, actorUserId, Text.Clean(note));
        Touch(new DisposalActionCompleted(kind, note));
        return Result.Ok();
    }

    /// <summary>The working group waives an open action, and must say why.</summary>
    public Result WaiveAction(DisposalActionKind kind, string reason, DateTimeOffset now, string actorUserId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actorUserId);
        var check = Closable(kind);
        if (!check.Succeeded)
        {
            return check;
        }

        var errors = Text.Required(reason, "reason", MaxTextLength).ToArray();
        if (errors.Length > 0)
        {
            return Result.Fail(errors);
        }

        CloseAction(kind, DisposalActionState.Waived, now, actorUserId, reason.Trim());
        Touch(new DisposalActionWaived(kind, reason));
        return Result.Ok();
    }

    /// <summary>
    /// The working group proposes to the coordination group that the pilot be terminated; the
    /// proposal action, when the level requires one, is done. The exit issue carries out the decision.
    /// </summary>
    public Result ProposeTermination(string reason, DateTimeOffset now, string actorUserId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actorUserId);
        if (!IsOpen)
        {
            return new Error(DisposalErrors.CaseClosed);
        }

        if (TerminationProposedAt is not null)
        {
            return new Error(DisposalErrors.AlreadyProposed);
        }

        var errors = Text.Required(reason, "reason", MaxTextLength).ToArray();
        if (errors.Length > 0)
        {
            return Result.Fail(errors);
        }

        TerminationProposedAt = now;
        TerminationReason = reason.Trim();
        if (ActionOf(DisposalActionKind.TerminationProposal) is { State: DisposalActionState.Open })
        {
            CloseAction(DisposalActionKind.TerminationProposal, DisposalActionState.Done, now, actorUserId, null);
        }

        Touch(new TerminationProposed(reason));
        return Result.Ok();
    }

    /// <summary>
    /// The coordination group puts the proposal on a meeting's agenda (an <c>AgendaItemKind.TerminationProposal</c> item);
    /// once, and only after the working group proposed. The item's resolution is carried out by the exit module.
    /// </summary>
    public Result PutTerminationOnAgenda(Guid meetingId, Guid itemId)
    {
        if (TerminationProposedAt is null)
        {
            return new Error(DisposalErrors.NotProposed);
        }

        if (TerminationAgendaItemId is not null)
        {
            return new Error(DisposalErrors.AlreadyOnAgenda);
        }

        TerminationMeetingId = meetingId;
        TerminationAgendaItemId = itemId;
        Touch(new TerminationPutOnAgenda(meetingId, itemId));
        return Result.Ok();
    }

    /// <summary>The working group closes the case with its conclusion, once every action is done or waived.</summary>
    public Result Close(string conclusion, DateTimeOffset now, string actorUserId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actorUserId);
        if (!IsOpen)
        {
            return new Error(DisposalErrors.CaseClosed);
        }

        if (OpenActions.Count > 0)
        {
            return new Error(DisposalErrors.ActionsStillOpen, null, OpenActions.Count);
        }

        var errors = Text.Required(conclusion, "conclusion", MaxTextLength).ToArray();
        if (errors.Length > 0)
        {
            return Result.Fail(errors);
        }

        Status = DisposalCaseStatus.Closed;
        ClosedAt = now;
        ClosedBy = actorUserId;
        Conclusion = conclusion.Trim();
        Touch(new DisposalCaseClosed(conclusion));
        return Result.Ok();
    }

    private static DisposalAction NewAction(RequiredAction required, DateTimeOffset now, WorkingDayCalendar calendar) => new(
        required.Kind, DisposalActions.OwnerOf(required.Kind), required.WorkingDays, ObligationRules.Precise(calendar.DeadlineAfter(now, required.WorkingDays)),
        DisposalActionState.Open, null, null, null);

    private static DisposalAction Closed(DisposalAction action, DisposalActionState state, DateTimeOffset now, string by, string? note) =>
        action with { State = state, ClosedAt = now, ClosedBy = by, Note = note };

    private Result Recordable(DisposalActionKind kind, int entries)
    {
        if (!IsOpen)
        {
            return new Error(DisposalErrors.CaseClosed);
        }

        if (ActionOf(kind) is null)
        {
            return new Error(DisposalErrors.ActionNotRequired, "kind");
        }

        return entries >= MaxEntries ? new Error(DisposalErrors.TooManyEntries, null, MaxEntries) : Result.Ok();
    }

    private Result Closable(DisposalActionKind kind)
    {
        if (!IsOpen)
        {
            return new Error(DisposalErrors.CaseClosed);
        }

        var action = ActionOf(kind);
        if (action is null)
        {
            return new Error(DisposalErrors.ActionNotRequired, "kind");
        }

        return action.State == DisposalActionState.Open ? Result.Ok() : new Error(DisposalErrors.ActionNotOpen, "kind");
    }

    private void CloseAction(DisposalActionKind kind, DisposalActionState state, DateTimeOffset now, string by, string? note) =>
        Actions = [.. Actions.Select(a => a.Kind == kind && a.State == DisposalActionState.Open ? Closed(a, state, now, by, note) : a)];

    private void Touch(IDomainEvent recorded)
    {
        Version = Guid.NewGuid();
        _events.Record(recorded);
    }
}

/// <summary>The working group opened the case.</summary>
public sealed record DisposalCaseOpened : IDomainEvent;

/// <summary>The escalation ladder proposed the case on an overdue correction order.</summary>
public sealed record DisposalCaseProposed(Guid OrderId) : IDomainEvent;

/// <summary>The level was raised, with the reason as typed.</summary>
public sealed record DisposalLevelRaised(DisposalLevel From, DisposalLevel To, string Reason) : IDomainEvent;

/// <summary>The case suspended the pilot, with the reason as typed.</summary>
public sealed record DisposalPilotSuspended(string Reason) : IDomainEvent;

/// <summary>The case resumed the pilot, with the reason as typed.</summary>
public sealed record DisposalPilotResumed(string Reason) : IDomainEvent;

public sealed record CustomerNoticeRecorded(NoticeChannel Channel, int Count, DateOnly SentOn) : IDomainEvent;

public sealed record CompensationRecorded(int ClaimsReceived, decimal AmountPaid, int ClaimsClosed, string? Note) : IDomainEvent;

public sealed record DisposalActionCompleted(DisposalActionKind Kind, string? Note) : IDomainEvent;

public sealed record DisposalActionWaived(DisposalActionKind Kind, string Reason) : IDomainEvent;

public sealed record TerminationProposed(string Reason) : IDomainEvent;

/// <summary>The coordination group put the termination proposal on a meeting's agenda.</summary>
public sealed record TerminationPutOnAgenda(Guid MeetingId, Guid ItemId) : IDomainEvent;

public sealed record DisposalCaseClosed(string Conclusion) : IDomainEvent;
