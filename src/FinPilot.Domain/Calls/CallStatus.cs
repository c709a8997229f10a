namespace FinPilot.Domain.Calls;

/// <summary>Where a call (征集公告) stands: only a draft is private, everything after it is public.</summary>
public enum CallStatus
{
    Draft = 1,
    Published = 2,
    Closed = 3,
    Archived = 4,
}
