using FinPilot.Domain.Common;

namespace FinPilot.Domain.Deliberation;

/// <summary>The meeting was scheduled with <paramref name="Given"/> (as the secretariat gave them).</summary>
public sealed record MeetingScheduled(MeetingDetails Given) : IDomainEvent;

/// <summary>An agenda item was added; <paramref name="Title"/> as given.</summary>
public sealed record AgendaItemAdded(Guid ItemId, AgendaItemKind Kind, string Title) : IDomainEvent;

/// <summary>A department was asked for its opinion on an item.</summary>
public sealed record OpinionRequested(Guid ItemId, string Department, DateOnly DueOn) : IDomainEvent;

/// <summary>A department's opinion on an item was recorded.</summary>
public sealed record OpinionRecorded(Guid ItemId, string Department) : IDomainEvent;

public sealed record MeetingConvened : IDomainEvent;

public sealed record MeetingClosed : IDomainEvent;

/// <summary>One member's batch of votes on projects of an item, one choice each, in the order given.</summary>
public sealed record VotesCast(Guid ItemId, string MemberId, IReadOnlyList<ProjectBallot> Ballots) : IDomainEvent;

/// <summary>One member's same vote on every project of an item it had not voted on yet.</summary>
public sealed record VotedOnAll(Guid ItemId, string MemberId, VoteChoice Choice) : IDomainEvent;

/// <summary>A member declared a conflict with an item's projects; <paramref name="Reason"/> as given.</summary>
public sealed record MeetingConflictDeclared(Guid ItemId, string MemberId, string Reason) : IDomainEvent;

/// <summary>The chair recorded an item's resolution; <paramref name="Text"/> as given (the resolution is on the item).</summary>
public sealed record ResolutionRecorded(Guid ItemId, string Text) : IDomainEvent;

/// <summary>A member's vote on one project of an item, as cast in a batch.</summary>
public sealed record ProjectBallot(Guid ProjectId, VoteChoice Choice, string? Comment = null, IReadOnlyList<string>? Conditions = null);
