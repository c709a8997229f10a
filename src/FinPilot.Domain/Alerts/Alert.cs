using FinPilot.Domain.Common;
using FinPilot.Domain.Identity;
using FinPilot.Domain.Supervision;

namespace FinPilot.Domain.Alerts;

/// <summary>
/// A risk alert (风险预警) raised by a rule on a pilot, triaged by the region's working group. At
/// most one is open per (project, kind, key) (a unique index on open alerts holds it); once closed,
/// the same rule raises a new one. <see cref="Episode"/> names the occurrence a rule raised it for
/// (an obligation, an incident, a gap in a stream, an end date), so a rule that is asked again
/// about an occurrence already triaged does not raise it again.
/// </summary>
public sealed class Alert : ISupervisedRecord, IRecordsEvents
{
    public const int MaxRuleKeyLength = 500;
    public const int MaxEpisodeLength = 100;
    public const int MaxActorLength = 450;
    public const int MaxNoteLength = 2000;

    private readonly EventLog _events = new();

    private Alert()
    {
    }

    IReadOnlyList<IDomainEvent> IRecordsEvents.PendingEvents => _events.Pending;

    void IRecordsEvents.ClearEvents() => _events.Clear();

    public Guid Id { get; private set; }

    public Guid ProjectId { get; private set; }

    public int RegionId { get; private set; }

    /// <summary>The project's lead organisation, whose applicants read the alert.</summary>
    public Guid OrganisationId { get; private set; }

    public RiskRuleKind Kind { get; private set; }

    public string RuleKey { get; private set; } = string.Empty;

    public string? Episode { get; private set; }

    public AlertSeverity Severity { get; private set; }

    public DateTimeOffset RaisedAt { get; private set; }

    public AlertEvidence Evidence { get; private set; } = new();

    public AlertStatus Status { get; private set; }

    public DateTimeOffset? AcknowledgedAt { get; private set; }

    public string? AcknowledgedBy { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>Who closed it: a user id, or "system" when a rule resolved it (a probe answering again).</summary>
    public string? ClosedBy { get; private set; }

    /// <summary>The resolution note, or the reason of a dismissal or an escalation.</summary>
    public string? ClosingNote { get; private set; }

    public Guid Version { get; private set; }

    public bool IsOpen => IsOpenStatus(Status);

    public static bool IsOpenStatus(AlertStatus status) => status is AlertStatus.Open or AlertStatus.Acknowledged;

    /// <summary>The open statuses, for queries.</summary>
    public static readonly IReadOnlyList<AlertStatus> OpenStatuses = [AlertStatus.Open, AlertStatus.Acknowledged];

    public static Result<Alert> Raise(
        Guid projectId, int regionId, Guid organisationId, RiskRuleKind kind, string ruleKey, string? episode, AlertSeverity severity,
        AlertEvidence evidence, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var errors = new List<Error>();
        if (projectId == Guid.Empty)
        {
            errors.Add(new Error(AlertErrors.OwnerMissing, nameof(ProjectId)));
        }

        if (regionId <= 0)
        {
            errors.Add(new Error(AlertErrors.OwnerMissing, nameof(RegionId)));
        }

        if (organisationId == Guid.Empty)
        {
            errors.Add(new Error(AlertErrors.OwnerMissing, nameof(OrganisationId)));
        }

        if (!Enum.IsDefined(kind))
        {
            errors.Add(new Error(AlertErrors.KindUnknown, nameof(Kind), (int)kind));
        }

        if (!ValidKey(ruleKey, MaxRuleKeyLength) || (episode is not null && !ValidKey(episode, MaxEpisodeLength)))
        {
            errors.Add(new Error(AlertErrors.RuleKeyInvalid, nameof(RuleKey), MaxRuleKeyLength));
        }

        if (errors.Count > 0)
        {
            return Result<Alert>.Fail([.. errors]);
        }

        var alert = new Alert
        {
            Id = Guid.CreateVersion7(now),
            ProjectId = projectId,
            RegionId = regionId,
            OrganisationId = organisationId,
            Kind = kind,
            RuleKey = ruleKey,
            Episode = episode,
            Severity = Enum.IsDefined(severity) ? severity : AlertSeverity.Warning,
            RaisedAt = now,
            Evidence = evidence.Clipped(),
            Status = AlertStatus.Open,
            Version = Guid.NewGuid(),
        };
        alert._events.Record(new AlertRaised());
        return alert;
    }

    /// <summary>A key is a key, not prose: 1–max characters, no spaces at the ends, no control characters.</summary>
    public static bool ValidKey(string? key, int max) =>
        !string.IsNullOrWhiteSpace(key) && key.Length <= max && key == key.Trim() && !key.Any(char.IsControl);

    /// <summary>The working group has seen it and is looking into it.</summary>
    public Result Acknowledge(DateTimeOffset at, string by)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        var allowed = Guard(AlertStatus.Acknowledged);
        if (!allowed.Succeeded)
        {
            return allowed;
        }

        _events.Record(new AlertTriaged(Status, AlertStatus.Acknowledged, by, null));
        Status = AlertStatus.Acknowledged;
        AcknowledgedAt = at;
        AcknowledgedBy = Clip(by, MaxActorLength);
        Version = Guid.NewGuid();
        return Result.Ok();
    }

    /// <summary>The matter is dealt with; the note (optional) says how.</summary>
    public Result Resolve(DateTimeOffset at, string by, string? note) => Close(AlertStatus.Resolved, at, by, note, reasonRequired: false);

    /// <summary>Not a risk after all (a reporting error, a known cause); the reason is required.</summary>
    public Result Dismiss(DateTimeOffset at, string by, string? reason) => Close(AlertStatus.Dismissed, at, by, reason, reasonRequired: true);

    /// <summary>Handed on for intervention; the reason is required and kept.</summary>
    public Result Escalate(DateTimeOffset at, string by, string? reason) => Close(AlertStatus.Escalated, at, by, reason, reasonRequired: true);

    /// <summary>Whether the alert may move to <paramref name="next"/> now.</summary>
    public bool CanMoveTo(AlertStatus next) => AlertTransitions.Allows(Status, next);

    private Result Close(AlertStatus next, DateTimeOffset at, string by, string? text, bool reasonRequired)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        var errors = (reasonRequired ? Text.Required(text, "reason", MaxNoteLength) : Text.Optional(text, "note", MaxNoteLength)).ToList();
        var allowed = Guard(next);
        if (!allowed.Succeeded)
        {
            errors.AddRange(allowed.Errors);
        }

        if (errors.Count > 0)
        {
            return Result.Fail(errors);
        }

        _events.Record(new AlertTriaged(Status, next, by, Text.Clean(text)));
        Status = next;
        ClosedAt = at;
        ClosedBy = Clip(by, MaxActorLength);
        ClosingNote = Text.Clean(text);
        Version = Guid.NewGuid();
        return Result.Ok();
    }

    private Result Guard(AlertStatus next) =>
        AlertTransitions.Allows(Status, next) ? Result.Ok() : new Error(AlertErrors.TransitionNotAllowed, null, Status, next);

    private static string Clip(string value, int max) => value.Length > max ? value[..max] : value;
}

/// <summary>The triage transition table: open → acknowledged; open or acknowledged → resolved, dismissed or escalated; closed is final.</summary>
public static class AlertTransitions
{
    private static readonly Dictionary<AlertStatus, AlertStatus[]> Table = new()
    {
        [AlertStatus.Open] = [AlertStatus.Acknowledged, AlertStatus.Resolved, AlertStatus.Dismissed, AlertStatus.Escalated],
        [AlertStatus.Acknowledged] = [AlertStatus.Resolved, AlertStatus.Dismissed, AlertStatus.Escalated],
        [AlertStatus.Resolved] = [],
        [AlertStatus.Dismissed] = [],
        [AlertStatus.Escalated] = [],
    };

    public static bool Allows(AlertStatus from, AlertStatus to) => Table.TryGetValue(from, out var next) && next.Contains(to);

    public static IReadOnlyList<AlertStatus> From(AlertStatus status) => Table.TryGetValue(status, out var next) ? next : [];
}

/// <summary>A rule raised the alert.</summary>
public sealed record AlertRaised : IDomainEvent;

/// <summary>The alert moved from <paramref name="From"/> to <paramref name="To"/>, by <paramref name="By"/> (a user, or the system), with the note or reason given.</summary>
public sealed record AlertTriaged(AlertStatus From, AlertStatus To, string By, string? Text) : IDomainEvent;
