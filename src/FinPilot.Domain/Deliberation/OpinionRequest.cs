using FinPilot.Domain.Calendar;

namespace FinPilot.Domain.Deliberation;

/// <summary>
/// 征求意见: the coordination group asks a business department for its opinion on an agenda item
/// by a due day, and records the answer when it comes. A department has at most one unanswered
/// request per item; once it has answered it may be asked again.
/// </summary>
/// <param name="DepartmentCode">A code from the department list the platform keeps.</param>
public sealed record OpinionRequest(string DepartmentCode, DateOnly DueOn, DateTimeOffset RequestedAt, string RequestedBy)
{
    /// <summary>The department's opinion, once recorded.</summary>
    public string? Opinion { get; init; }

    public DateTimeOffset? RecordedAt { get; init; }

    public string? RecordedBy { get; init; }

    public bool IsOpen => RecordedAt is null;

    /// <summary>Still unanswered after the due day (Shanghai) has ended.</summary>
    public bool IsOverdue(DateTimeOffset now) => IsOpen && ChinaTime.DateOf(now) > DueOn;

    /// <summary>Answered after the due day; a late opinion is still recorded, and shows as late.</summary>
    public bool AnsweredLate => RecordedAt is { } at && ChinaTime.DateOf(at) > DueOn;
}
