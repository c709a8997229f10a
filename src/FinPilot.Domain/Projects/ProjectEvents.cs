using FinPilot.Domain.Common;

namespace FinPilot.Domain.Projects;

/// <summary>A draft application was started against a call (<see cref="PilotProject.Create"/>).</summary>
public sealed record ProjectCreated : IDomainEvent;

/// <summary>
/// The project moved: <paramref name="Entry"/> is the timeline entry the move wrote;
/// <paramref name="Given"/> is the note or reason as the caller gave it (the timeline keeps it
/// cleaned, the audit trail as typed).
/// </summary>
public sealed record ProjectMoved(ProjectEvent Entry, string? Given = null) : IDomainEvent;

/// <summary>退回补正: the move, with the items and the working days as the working group gave them.</summary>
public sealed record ProjectReturnedForSupplement(ProjectEvent Entry, IReadOnlyList<string> Items, int WorkingDays) : IDomainEvent;

/// <summary>The lead applicant confirmed the approval conditions.</summary>
public sealed record ProjectConditionsConfirmed : IDomainEvent;

/// <summary>The current supplement request's deadline was found missed and flagged (by the deadline job).</summary>
public sealed record SupplementDeadlineMissed(DateOnly DueOn) : IDomainEvent;

/// <summary>An applied plan change moved the pilot's planned end or customer limit (before → after).</summary>
public sealed record ProjectPlanFollowed(DateOnly? PlannedEndOnBefore, int? CustomerLimitBefore, DateOnly PlannedEndOn, int? CustomerLimit) : IDomainEvent;
