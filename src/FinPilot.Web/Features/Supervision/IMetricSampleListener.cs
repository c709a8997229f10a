using FinPilot.Domain.Supervision;

namespace FinPilot.Web.Features.Supervision;

/// <summary>
/// Told of samples just accepted and saved, in the request that accepted them, so that rules are
/// evaluated as data arrives instead of by rescanning. A listener's failure must not undo the
/// acceptance: listeners catch and log their own errors.
/// </summary>
public interface IMetricSampleListener
{
    Task SamplesAcceptedAsync(Guid projectId, IReadOnlyList<MetricSample> samples, CancellationToken cancellationToken);
}
