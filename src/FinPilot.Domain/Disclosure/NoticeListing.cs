namespace FinPilot.Domain.Disclosure;

/// <summary>
/// One project on a notice: its public summary as published and what became of it. Changed only
/// by <see cref="PublicNotice"/>.
/// </summary>
public sealed class NoticeListing
{
    private NoticeListing()
    {
    }

    internal NoticeListing(PublicProjectSummary summary)
    {
        Summary = summary;
        Status = ListingStatus.Listed;
    }

    public Guid ProjectId => Summary.ProjectId;

    public PublicProjectSummary Summary { get; private set; } = null!;

    public ListingStatus Status { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public string? DecidedBy { get; private set; }

    /// <summary>Why the project was sent back; null when admitted.</summary>
    public string? Reason { get; private set; }

    internal void Decide(ListingStatus status, DateTimeOffset now, string actorUserId, string? reason)
    {
        Status = status;
        DecidedAt = now;
        DecidedBy = actorUserId;
        Reason = reason;
    }
}
