using FinPilot.Domain.Disposal;

namespace FinPilot.Domain.Exit;

/// <summary>One risk disposal case of the pilot as the tier formula sees it: its status, its level, and whether it was ever opened.</summary>
/// <param name="WasOpened">True when the case was opened (directly, or by the working group confirming a proposal).</param>
public sealed record DisposalHistory(DisposalCaseStatus Status, DisposalLevel Level, bool WasOpened);

/// <summary>
/// Which disposal cases the tier formula counts: only cases that were confirmed, i.e. opened (still open, or closed after
/// being opened). A case the escalation ladder proposed is not confirmed yet, and a dismissed proposal never happened.
/// </summary>
public static class DisposalTally
{
    public static bool Counts(DisposalHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        return history.Status == DisposalCaseStatus.Open || (history.Status == DisposalCaseStatus.Closed && history.WasOpened);
    }

    /// <summary>The confirmed cases, and of those the ones at level I or II.</summary>
    public static (int Cases, int Severe) Of(IEnumerable<DisposalHistory> cases)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var counted = cases.Where(Counts).ToList();
        return (counted.Count, counted.Count(c => c.Level is DisposalLevel.I or DisposalLevel.II));
    }
}
