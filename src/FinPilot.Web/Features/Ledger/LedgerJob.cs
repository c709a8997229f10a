using FinPilot.Web.Features.Jobs;

namespace FinPilot.Web.Features.Ledger;

/// <summary>Appends new public records to the log and signs a checkpoint, every two seconds, on one node.</summary>
public sealed class LedgerJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<LedgerJob> logger)
    : LeasedJob(scopes, clock, logger)
{
    protected override string Name => "ledger.append";

    protected override TimeSpan Interval => TimeSpan.FromSeconds(2);

    protected override async Task RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var appended = await services.GetRequiredService<LedgerAppender>().RunAsync(cancellationToken);
        if (appended > 0 && logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("Logged {Count} public record(s).", appended);
        }
    }
}
