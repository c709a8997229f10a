namespace FinPilot.Domain.Projects;

/// <summary>
/// One entry of a project's timeline: who pulled which trigger when, where it took the project,
/// and the reason or note they gave. The timeline only grows.
/// </summary>
public sealed record ProjectEvent(
    DateTimeOffset At,
    ProjectTrigger Trigger,
    ProjectStage From,
    ProjectStage To,
    string ActorUserId,
    string? Note);

/// <summary>
/// 补正: what the working group asked the applicant to supply, and by when. The deadline is
/// counted in working days from the day of the request and ends at the close of the due day in
/// Asia/Shanghai.
/// </summary>
public sealed record SupplementRequest(
    IReadOnlyList<string> Items,
    int WorkingDays,
    DateOnly DueOn,
    DateTimeOffset DueAt,
    DateTimeOffset RequestedAt,
    string RequestedBy,
    int ApplicationVersion)
{
    /// <summary>When the applicant resubmitted, answering this request.</summary>
    public DateTimeOffset? ResubmittedAt { get; init; }

    /// <summary>When the deadline was found missed and flagged for the working group.</summary>
    public DateTimeOffset? FlaggedOverdueAt { get; init; }

    /// <summary>Still unanswered after the due day has ended.</summary>
    public bool IsOverdue(DateTimeOffset now) => ResubmittedAt is null && now > DueAt;

    /// <summary>Answered, but after the due day had ended; late answers are accepted and shown.</summary>
    public bool AnsweredLate => ResubmittedAt > DueAt;
}
