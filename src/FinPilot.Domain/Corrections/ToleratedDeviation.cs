using FinPilot.Domain.Common;
using FinPilot.Domain.Projects;
using FinPilot.Domain.Supervision;

namespace FinPilot.Domain.Corrections;

/// <summary>Where a tolerated deviation stands.</summary>
public enum ToleranceStatus
{
    /// <summary>In force until it expires; then the working group re-reviews it.</summary>
    Active = 1,

    /// <summary>Ended by the working group's review: the deviation is over or no longer needs tolerance.</summary>
    Ended = 2,

    /// <summary>Revoked because its conditions failed.</summary>
    Revoked = 3,
}

/// <summary>The working group's decision on a tolerated deviation.</summary>
public enum ToleranceDecision
{
    /// <summary>Keep it, to a new expiry date.</summary>
    Renew = 1,

    /// <summary>End it: the deviation is over.</summary>
    End = 2,

    /// <summary>Revoke it: its conditions failed.</summary>
    Revoke = 3,
}

/// <summary>One step of a tolerated deviation's history.</summary>
public sealed record ToleranceStep(DateTimeOffset At, string By, ToleranceDecision? Decision, string Text, DateOnly? ExpiresOn);

/// <summary>What the working group writes when it tolerates a deviation.</summary>
public sealed record ToleranceInput
{
    /// <summary>What deviates from the approved plan or the rules.</summary>
    public string Deviation { get; init; } = string.Empty;

    /// <summary>Why it is within the spirit of the pilot.</summary>
    public string Rationale { get; init; } = string.Empty;

    /// <summary>The conditions under which it is tolerated.</summary>
    public string Conditions { get; init; } = string.Empty;

    public DateOnly? ExpiresOn { get; init; }
}

/// <summary>
/// 容错: instead of ordering a correction, the region's working group accepts a deviation that is
/// within the spirit of the pilot, under conditions and until an expiry date, when it must review
/// it again (renew, end, or revoke if the conditions failed). The coordination group and integrity
/// officers see every such decision; each renewal is counted for the integrity flags.
/// </summary>
public sealed class ToleratedDeviation : ISupervisedRecord, IRecordsEvents
{
    public const int MaxTextLength = 4000;
    public const int MaxDaysAhead = 366;
    public const int MaxSteps = 100;

    private readonly EventLog _events = new();

    private ToleratedDeviation()
    {
    }

    IReadOnlyList<IDomainEvent> IRecordsEvents.PendingEvents => _events.Pending;

    void IRecordsEvents.ClearEvents() => _events.Clear();

    public Guid Id { get; private set; }

    public Guid ProjectId { get; private set; }

    public int RegionId { get; private set; }

    public Guid OrganisationId { get; private set; }

    public string Deviation { get; private set; } = string.Empty;

    public string Rationale { get; private set; } = string.Empty;

    public string Conditions { get; private set; } = string.Empty;

    /// <summary>The last day it is tolerated; the review is due at the end of that day.</summary>
    public DateOnly ExpiresOn { get; private set; }

    /// <summary>1 when recorded, one more at each renewal. Names the review obligation.</summary>
    public int Term { get; private set; }

    public ToleranceStatus Status { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public string RecordedBy { get; private set; } = string.Empty;

    public IReadOnlyList<ToleranceStep> Steps { get; private set; } = [];

    public Guid Version { get; private set; }

    public int Renewals => Term - 1;

    public string ReviewSubject => $"{Id:N}:{Term}";

    public static Result<ToleratedDeviation> Record(PilotProject project, ToleranceInput input, DateOnly today, DateTimeOffset now, string actorUserId)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentException.ThrowIfNullOrWhiteSpace(actorUserId);
        if (!CorrectionOrder.IsSupervised(project.Stage))
        {
            return new Error(CorrectionErrors.ProjectNotSupervised, null, project.Stage);
        }

        var errors = Text.Required(input.Deviation, "deviation", MaxTextLength)
            .Concat(Text.Required(input.Rationale, "rationale", MaxTextLength))
            .Concat(Text.Required(input.Conditions, "conditions", MaxTextLength))
            .Concat(ExpiryErrors(input.ExpiresOn, today))
            .ToArray();
        if (errors.Length > 0)
        {
            return Result<ToleratedDeviation>.Fail(errors);
        }

        var deviation = new ToleratedDeviation
        {
            Id = Guid.CreateVersion7(now),
            ProjectId = project.Id,
            RegionId = project.RegionId,
            OrganisationId = project.LeadOrganisationId,
            Deviation = input.Deviation.Trim(),
            Rationale = input.Rationale.Trim(),
            Conditions = input.Conditions.Trim(),
            ExpiresOn = input.ExpiresOn!.Value,
            Term = 1,
            Status = ToleranceStatus.Active,
            RecordedAt = now,
            RecordedBy = actorUserId,
            Steps = [new ToleranceStep(now, actorUserId, null, input.Rationale.Trim(), input.ExpiresOn)],
            Version = Guid.NewGuid(),
        };
        deviation._events.Record(new ToleranceRecorded());
        return deviation;
    }

    /// <summary>The working group reviews it: renew to a new expiry date, end it, or revoke it; a note is required.</summary>
    public Result Review(ToleranceDecision decision, string note, DateOnly? expiresOn, DateOnly today, DateTimeOffset now, string actorUserId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actorUserId);
        var errors = new List<Error>();
        if (!Enum.IsDefined(decision))
        {
            errors.Add(new Error(CorrectionErrors.DecisionInvalid, "decision"));
        }

        errors.AddRange(Text.Required(note, "note", MaxTextLength));
        if (decision == ToleranceDecision.Renew)
        {
            errors.AddRange(ExpiryErrors(expiresOn, today));
        }

        if (errors.Count > 0)
        {
            return Result.Fail(errors);
        }

        if (Status != ToleranceStatus.Active)
        {
            return new Error(CorrectionErrors.WrongStatus, null, Status);
        }

        if (Steps.Count >= MaxSteps)
        {
            return new Error(CorrectionErrors.TooManySteps, null, MaxSteps);
        }

        var previousSubject = ReviewSubject;
        switch (decision)
        {
            case ToleranceDecision.Renew:
                ExpiresOn = expiresOn!.Value;
                Term++;
                break;
            case ToleranceDecision.End:
                Status = ToleranceStatus.Ended;
                break;
            default:
                Status = ToleranceStatus.Revoked;
                break;
        }

        Steps = [.. Steps, new ToleranceStep(now, actorUserId, decision, note.Trim(), decision == ToleranceDecision.Renew ? ExpiresOn : null)];
        Version = Guid.NewGuid();
        _events.Record(new ToleranceReviewed(decision, note, previousSubject));
        return Result.Ok();
    }

    private static IEnumerable<Error> ExpiryErrors(DateOnly? expiresOn, DateOnly today)
    {
        if (expiresOn is not { } date || date <= today || date > today.AddDays(MaxDaysAhead))
        {
            yield return new Error(CorrectionErrors.ExpiryInvalid, "expiresOn", MaxDaysAhead);
        }
    }
}

/// <summary>The working group tolerated the deviation.</summary>
public sealed record ToleranceRecorded : IDomainEvent;

/// <summary>The working group reviewed it; <paramref name="PreviousSubject"/> names the review obligation it met.</summary>
public sealed record ToleranceReviewed(ToleranceDecision Decision, string Note, string PreviousSubject) : IDomainEvent;
