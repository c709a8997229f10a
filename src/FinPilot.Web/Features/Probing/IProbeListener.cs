using FinPilot.Domain.Probing;

namespace FinPilot.Web.Features.Probing;

/// <summary>Where one probed endpoint of a pilot stands after a probe (自动探测).</summary>
/// <param name="ConsecutiveFailures">Failures in a row up to and including this probe; 0 after a success.</param>
/// <param name="LastFailure">Why the last probe failed (named to people by <see cref="ProbeTexts.Failure"/>); null after a success.</param>
/// <param name="StatusCode">The HTTP status of the last answer, if any.</param>
public sealed record ProbeStanding(Guid ProjectId, int RegionId, string Url, int ConsecutiveFailures, DateTimeOffset At, ProbeFailure? LastFailure, int? StatusCode = null);

/// <summary>
/// Told by the probe job when an endpoint reaches its plan's number of failures in a row
/// (<c>ProbeEndpoint.FailuresBeforeAlert</c>), and when a failing endpoint answers again. Called
/// inside the job's leased run, possibly more than once for the same streak (two nodes): a
/// listener must be idempotent (one open alert per rule and project).
/// </summary>
public interface IProbeListener
{
    Task ProbeFailingAsync(ProbeStanding standing, CancellationToken cancellationToken);

    Task ProbeRecoveredAsync(ProbeStanding standing, CancellationToken cancellationToken);
}
