using FinPilot.Web.Features.Jobs;

namespace FinPilot.Web.Features.Statistics;

/// <summary>
/// Takes the statistics snapshot when one is due (<see cref="StatisticsSnapshots.TakeIfDueAsync"/>), on one
/// node. Taking one twice is harmless: a second try finds the checkpoint already snapshotted and does nothing.
/// </summary>
public sealed class StatisticsSnapshotJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<StatisticsSnapshotJob> logger)
    : LeasedJob(scopes, clock, logger)
{
    protected override string Name => "statistics.snapshot";

    protected override TimeSpan Interval => TimeSpan.FromMinutes(15);

    protected override async Task RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        if (!services.GetRequiredService<Microsoft.Extensions.Options.IOptions<StatisticsOptions>>().Value.Snapshots)
        {
            return;
        }

        var taken = await services.GetRequiredService<StatisticsSnapshots>().TakeIfDueAsync(cancellationToken);
        if (taken is not null && logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("Statistics snapshot taken at ledger checkpoint {Size}.", taken.CheckpointSize);
        }
    }
}
