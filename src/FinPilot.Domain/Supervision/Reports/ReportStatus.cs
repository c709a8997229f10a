namespace FinPilot.Domain.Supervision.Reports;

/// <summary>Where a periodic report (定期报告) stands. Numbers are stored; new ones go at the end.</summary>
public enum ReportStatus
{
    /// <summary>Being written by the institution.</summary>
    Draft = 1,

    /// <summary>Submitted and frozen; the working group reviews it.</summary>
    Submitted = 2,

    /// <summary>Accepted by the working group; final.</summary>
    Accepted = 3,

    /// <summary>The working group asked for more by a deadline; the institution amends and resubmits.</summary>
    MoreRequested = 4,
}

/// <summary>What moves a report.</summary>
public enum ReportTrigger
{
    Submit = 1,
    Accept = 2,
    RequestMore = 3,
}

/// <summary>One allowed move of a report.</summary>
public sealed record ReportTransition(ReportStatus From, ReportTrigger Trigger, ReportStatus To);

/// <summary>The report's lifecycle as data: the aggregate, the pages and the tests ask the same table.</summary>
public static class ReportLifecycle
{
    public static IReadOnlyList<ReportTransition> Transitions { get; } =
    [
        new(ReportStatus.Draft, ReportTrigger.Submit, ReportStatus.Submitted),
        new(ReportStatus.MoreRequested, ReportTrigger.Submit, ReportStatus.Submitted),
        new(ReportStatus.Submitted, ReportTrigger.Accept, ReportStatus.Accepted),
        new(ReportStatus.Submitted, ReportTrigger.RequestMore, ReportStatus.MoreRequested),
    ];

    /// <summary>The status <paramref name="trigger"/> leads to from <paramref name="from"/>; null when not allowed.</summary>
    public static ReportStatus? Next(ReportStatus from, ReportTrigger trigger) =>
        Transitions.FirstOrDefault(t => t.From == from && t.Trigger == trigger)?.To;

    /// <summary>Whether the institution may change the content: only before submission or when more was asked for.</summary>
    public static bool IsEditable(ReportStatus status) => status is ReportStatus.Draft or ReportStatus.MoreRequested;
}
