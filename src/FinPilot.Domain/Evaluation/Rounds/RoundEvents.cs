using FinPilot.Domain.Common;

namespace FinPilot.Domain.Evaluation.Rounds;

/// <summary>The round was created for its call.</summary>
public sealed record RoundCreated : IDomainEvent;

/// <summary>The round's settings were changed to <paramref name="Given"/> (as the secretariat gave them).</summary>
public sealed record RoundSettingsChanged(RoundSettings Given) : IDomainEvent;

/// <summary>The solver ran and its report was kept; the assignment is replaced when it was feasible.</summary>
public sealed record RoundSolved(SolveReport Report) : IDomainEvent;

/// <summary>An expert was put on a project of the round, by the solver or by hand.</summary>
public sealed record ExpertAssigned(Guid AssignmentId, Guid ProjectId, string ExpertUserId, AssignmentSource Source) : IDomainEvent;

/// <summary>The round was opened for scoring.</summary>
public sealed record RoundOpened : IDomainEvent;

/// <summary>The round was completed.</summary>
public sealed record RoundCompleted : IDomainEvent;

/// <summary>
/// Something that happened to one expert's assignment. <see cref="RegionId"/> is the round's
/// region (the assignment's lines are about the round, in its region).
/// </summary>
public abstract record AssignmentEvent(int RegionId) : IDomainEvent;

/// <summary>The expert confirmed "no conflict"; the materials opened.</summary>
public sealed record AssignmentCleared(int RegionId) : AssignmentEvent(RegionId);

/// <summary>The conflict rules found <paramref name="Reasons"/> when the expert confirmed.</summary>
public sealed record AssignmentConflictFound(int RegionId, IReadOnlyCollection<string> Reasons) : AssignmentEvent(RegionId);

/// <summary>The expert declared a conflict (the note is on the assignment).</summary>
public sealed record AssignmentConflictDeclared(int RegionId) : AssignmentEvent(RegionId);

/// <summary>The expert submitted <paramref name="Sheet"/> (as given).</summary>
public sealed record SheetSubmitted(int RegionId, ScoreSheet Sheet) : AssignmentEvent(RegionId);

/// <summary>The secretariat reopened the submitted sheet (the reason is on the assignment).</summary>
public sealed record SheetReopened(int RegionId) : AssignmentEvent(RegionId);
