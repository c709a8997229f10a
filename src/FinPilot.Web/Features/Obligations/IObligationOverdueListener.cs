namespace FinPilot.Web.Features.Obligations;

/// <summary>An obligation that has just become overdue, as the clock job tells its listeners.</summary>
/// <param name="Kind">The obligation's kind, by name (stable, not shown to people).</param>
public sealed record OverdueObligation(Guid ObligationId, Guid ProjectId, int RegionId, string Kind, string Subject, DateTimeOffset DueAt);

/// <summary>
/// Told once per obligation when it becomes overdue (the risk rules raise an alert). Called by the
/// obligation clock inside its leased run; a listener must be idempotent on the obligation id.
/// </summary>
public interface IObligationOverdueListener
{
    Task ObligationOverdueAsync(OverdueObligation obligation, CancellationToken cancellationToken);
}
