using FinPilot.Domain.Common;
using FinPilot.Domain.Identity;
using FinPilot.Domain.Obligations;
using FinPilot.Domain.Projects;
using FinPilot.Domain.Supervision;

namespace FinPilot.Domain.Incidents;

/// <summary>What the institution says of an incident when it reports it.</summary>
public sealed record IncidentInput
{
    public string Title { get; init; } = string.Empty;

    public IncidentSeverity Severity { get; init; }

    public DateTimeOffset? OccurredAt { get; init; }

    public DateTimeOffset? DetectedAt { get; init; }

    public DateTimeOffset? ResolvedAt { get; init; }

    public int CustomersAffected { get; init; }

    /// <summary>In yuan, two decimals at most.</summary>
    public decimal AmountAffected { get; init; }

    public string Description { get; init; } = string.Empty;

    public string Measures { get; init; } = string.Empty;
}

/// <summary>The institution's follow-up on a reported incident: a note, and when it was resolved if it now is. Append-only.</summary>
public sealed record IncidentUpdate(DateTimeOffset At, string By, string Note, DateTimeOffset? ResolvedAt);

/// <summary>One step of the working group's triage, kept in order.</summary>
public sealed record IncidentTriageStep(DateTimeOffset At, string By, TriageAction Action, string? Note);

/// <summary>
/// An incident a pilot's institution reports (事件报告): what happened, how grave, when it occurred,
/// was detected, reported (the server's time) and resolved, whom and how much it touched, and what
/// was done. Submitted at once, never edited: the institution adds updates, the working group
/// triages. A severe incident carries the deadline it had to be reported by and whether it was late.
/// </summary>
public sealed class Incident : ISupervisedRecord, IRecordsEvents
{
    public const int MaxTitleLength = 200;
    public const int MaxTextLength = 10000;
    public const int MaxNoteLength = 4000;
    public const int MaxCustomers = 1_000_000_000;
    public const decimal MaxAmount = 1_000_000_000_000m;
    public const int MaxUpdates = 200;

    private readonly EventLog _events = new();

    private Incident()
    {
    }

    IReadOnlyList<IDomainEvent> IRecordsEvents.PendingEvents => _events.Pending;

    void IRecordsEvents.ClearEvents() => _events.Clear();

    public Guid Id { get; private set; }

    public Guid ProjectId { get; private set; }

    public int RegionId { get; private set; }

    /// <summary>The lead organisation of the project, which reported it.</summary>
    public Guid OrganisationId { get; private set; }

    public string Title { get; private set; } = string.Empty;

    public IncidentSeverity Severity { get; private set; }

    /// <summary>Whether the severity counted as severe under the settings when it was reported.</summary>
    public bool Severe { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    public DateTimeOffset DetectedAt { get; private set; }

    /// <summary>When the platform received the report: the server's time, never the institution's word.</summary>
    public DateTimeOffset ReportedAt { get; private set; }

    public DateTimeOffset? ResolvedAt { get; private set; }

    /// <summary>For a severe incident, when it had to be reported by (detection + the hours allowed); null otherwise.</summary>
    public DateTimeOffset? ReportDueAt { get; private set; }

    /// <summary>Whether a severe incident was reported after <see cref="ReportDueAt"/>.</summary>
    public bool ReportedLate { get; private set; }

    public int CustomersAffected { get; private set; }

    public decimal AmountAffected { get; private set; }

    public string Description { get; private set; } = string.Empty;

    public string Measures { get; private set; } = string.Empty;

    public string ReportedBy { get; private set; } = string.Empty;

    public IncidentStatus Status { get; private set; }

    public IReadOnlyList<IncidentUpdate> Updates { get; private set; } = [];

    public IReadOnlyList<IncidentTriageStep> Triage { get; private set; } = [];

    /// <summary>The working group's conclusion when it closed the incident.</summary>
    public string? Conclusion { get; private set; }

    public Guid Version { get; private set; }

    public static bool IsReportable(ProjectStage stage) => stage is ProjectStage.Running or ProjectStage.Rectifying or ProjectStage.Suspended;

    /// <summary>The institution reports an incident on a running pilot; it is submitted as it is.</summary>
    public static Result<Incident> Report(PilotProject project, IncidentInput input, IncidentPolicy policy, DateTimeOffset now, string actorUserId)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentException.ThrowIfNullOrWhiteSpace(actorUserId);
        if (!IsReportable(project.Stage))
        {
            return new Error(IncidentErrors.ProjectNotRunning, null, project.Stage);
        }

        var errors = Validate(input, now).ToArray();
        if (errors.Length > 0)
        {
            return Result<Incident>.Fail(errors);
        }

        var detected = input.DetectedAt!.Value;
        var severe = policy.IsSevere(input.Severity);
        DateTimeOffset? due = severe ? ObligationRules.IncidentReportDue(detected, policy.ReportHours) : null;
        var incident = new Incident
        {
            Id = Guid.CreateVersion7(now),
            ProjectId = project.Id,
            RegionId = project.RegionId,
            OrganisationId = project.LeadOrganisationId,
            Title = input.Title.Trim(),
            Severity = input.Severity,
            Severe = severe,
            OccurredAt = ObligationRules.Precise(input.OccurredAt!.Value),
            DetectedAt = ObligationRules.Precise(detected),
            ReportedAt = ObligationRules.Precise(now),
            ResolvedAt = input.ResolvedAt is { } resolved ? ObligationRules.Precise(resolved) : null,
            ReportDueAt = due,
            ReportedLate = due is { } d && now > d,
            CustomersAffected = input.CustomersAffected,
            AmountAffected = input.AmountAffected,
            Description = input.Description.Trim(),
            Measures = input.Measures.Trim(),
            ReportedBy = actorUserId,
            Status = IncidentStatus.Reported,
            Version = Guid.NewGuid(),
        };
        incident._events.Record(new IncidentReported());
        return incident;
    }

    public static IEnumerable<Error> Validate(IncidentInput input, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(input);
        foreach (var error in Text.Required(input.Title, "title", MaxTitleLength)
            .Concat(Text.Required(input.Description, "description", MaxTextLength))
            .Concat(Text.Required(input.Measures, "measures", MaxTextLength)))
        {
            yield return error;
        }

        if (!Enum.IsDefined(input.Severity))
        {
            yield return new Error(IncidentErrors.SeverityInvalid, "severity");
        }

        if (input.OccurredAt is null)
        {
            yield return new Error(IncidentErrors.TimeRequired, "occurredAt");
        }
        else if (input.OccurredAt > now)
        {
            yield return new Error(IncidentErrors.TimeInFuture, "occurredAt");
        }

        if (input.DetectedAt is null)
        {
            yield return new Error(IncidentErrors.TimeRequired, "detectedAt");
        }
        else if (input.DetectedAt > now)
        {
            yield return new Error(IncidentErrors.TimeInFuture, "detectedAt");
        }
        else if (input.OccurredAt is { } occurred && input.DetectedAt < occurred)
        {
            yield return new Error(IncidentErrors.DetectedBeforeOccurred, "detectedAt");
        }

        if (input.ResolvedAt is { } resolved)
        {
            foreach (var error in ValidateResolved(resolved, input.DetectedAt, now))
            {
                yield return error;
            }
        }

        if (input.CustomersAffected is < 0 or > MaxCustomers)
        {
            yield return new Error(IncidentErrors.CustomersInvalid, "customersAffected", MaxCustomers);
        }

        if (input.AmountAffected is < 0 or > MaxAmount || decimal.Round(input.AmountAffected, 2) != input.AmountAffected)
        {
            yield return new Error(IncidentErrors.AmountInvalid, "amountAffected", MaxAmount);
        }
    }

    /// <summary>The institution adds a follow-up: a note, and the resolution time if the incident is now resolved.</summary>
    public Result AddUpdate(string note, DateTimeOffset? resolvedAt, DateTimeOffset now, string actorUserId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actorUserId);
        var errors = Text.Required(note, "note", MaxNoteLength).ToList();
        if (resolvedAt is { } resolved)
        {
            errors.AddRange(ValidateResolved(resolved, DetectedAt, now));
        }

        if (errors.Count > 0)
        {
            return Result.Fail(errors);
        }

        if (IncidentLifecycle.Next(Status, IncidentTrigger.Update) is not { } next)
        {
            return new Error(IncidentErrors.WrongStatus, null, Status);
        }

        if (Updates.Count >= MaxUpdates)
        {
            return new Error(IncidentErrors.TooManyUpdates, null, MaxUpdates);
        }

        var at = resolvedAt is { } r ? ObligationRules.Precise(r) : (DateTimeOffset?)null;
        Updates = [.. Updates, new IncidentUpdate(now, actorUserId, note.Trim(), at)];
        ResolvedAt = at ?? ResolvedAt;
        Status = next;
        Version = Guid.NewGuid();
        _events.Record(new IncidentUpdated(note, resolvedAt));
        return Result.Ok();
    }

    /// <summary>The working group triages: acknowledge, ask for more (a note is required), or close (a conclusion is required).</summary>
    public Result TriageWith(TriageAction action, string? note, DateTimeOffset now, string actorUserId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actorUserId);
        if (!Enum.IsDefined(action))
        {
            return new Error(IncidentErrors.ActionInvalid, "action");
        }

        var errors = action == TriageAction.Acknowledge
            ? Text.Optional(note, "note", MaxNoteLength).ToArray()
            : Text.Required(note, "note", MaxNoteLength).ToArray();
        if (errors.Length > 0)
        {
            return Result.Fail(errors);
        }

        if (IncidentLifecycle.Next(Status, IncidentLifecycle.TriggerOf(action)) is not { } next)
        {
            return new Error(IncidentErrors.WrongStatus, null, Status);
        }

        var text = Text.Clean(note);
        Triage = [.. Triage, new IncidentTriageStep(now, actorUserId, action, text)];
        Status = next;
        if (action == TriageAction.Close)
        {
            Conclusion = text;
        }

        Version = Guid.NewGuid();
        _events.Record(new IncidentTriaged(action, note));
        return Result.Ok();
    }

    private static IEnumerable<Error> ValidateResolved(DateTimeOffset resolved, DateTimeOffset? detected, DateTimeOffset now)
    {
        if (resolved > now)
        {
            yield return new Error(IncidentErrors.TimeInFuture, "resolvedAt");
        }
        else if (detected is { } d && resolved < d)
        {
            yield return new Error(IncidentErrors.ResolvedBeforeDetected, "resolvedAt");
        }
    }
}

/// <summary>The institution reported the incident.</summary>
public sealed record IncidentReported : IDomainEvent;

/// <summary>The institution added a follow-up, as it typed it.</summary>
public sealed record IncidentUpdated(string Note, DateTimeOffset? ResolvedAt) : IDomainEvent;

/// <summary>The working group triaged the incident, with the note as it typed it.</summary>
public sealed record IncidentTriaged(TriageAction Action, string? Note) : IDomainEvent;
