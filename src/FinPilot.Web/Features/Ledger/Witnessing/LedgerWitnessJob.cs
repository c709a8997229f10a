using FinPilot.Web.Features.Jobs;

namespace FinPilot.Web.Features.Ledger.Witnessing;

/// <summary>
/// Asks this log's witnesses to cosign the latest checkpoint, every five seconds, on one node. A job
/// of its own, so that a slow witness never holds up appending.
/// </summary>
public sealed class LedgerWitnessJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<LedgerWitnessJob> logger)
    : LeasedJob(scopes, clock, logger)
{
    protected override string Name => "ledger.witness";

    protected override TimeSpan Interval => TimeSpan.FromSeconds(5);

    protected override async Task RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var cosigned = await services.GetRequiredService<LedgerWitnessing>().RunAsync(cancellationToken);
        if (cosigned > 0 && logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("Got {Count} witness cosignature(s) on the latest checkpoint.", cosigned);
        }
    }
}
