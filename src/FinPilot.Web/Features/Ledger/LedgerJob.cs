using FinPilot.Web.Data;
using FinPilot.Web.Features.Jobs;
using FinPilot.Web.Features.Telemetry;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Ledger;

/// <summary>Appends new public records to the log and signs a checkpoint, every two seconds, on one node.</summary>
public sealed class LedgerJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<LedgerJob> logger)
    : LeasedJob(scopes, clock, logger)
{
    protected override string Name => "ledger.append";

    protected override TimeSpan Interval => TimeSpan.FromSeconds(2);

    protected override async Task RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var appender = services.GetRequiredService<LedgerAppender>();
        var appended = await appender.RunAsync(cancellationToken);

        // For the operators' metrics: the log's size and what still waits (two index probes).
        var db = services.GetRequiredService<FinPilotDbContext>();
        var mark = await appender.LoggedMarkAsync(cancellationToken);
        var waiting = await db.PublicRecords.LongCountAsync(r => r.Sequence > mark, cancellationToken);
        var size = await db.LedgerCheckpoints.OrderByDescending(c => c.Id).Select(c => c.Size).FirstOrDefaultAsync(cancellationToken);
        FinPilotTelemetry.LedgerRan(appended, size, waiting);
        if (appended > 0 && logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("Logged {Count} public record(s).", appended);
        }
    }
}
