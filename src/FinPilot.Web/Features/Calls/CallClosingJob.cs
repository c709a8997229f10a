using FinPilot.Domain.Calls;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Audit;
using FinPilot.Web.Features.Commands;
using FinPilot.Web.Features.Jobs;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Calls;

/// <summary>Closes every published call whose close time has passed, as the system, once a minute.</summary>
public sealed class CallClosingJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<CallClosingJob> logger)
    : LeasedJob(scopes, clock, logger)
{
    public const string SystemActor = "system";

    protected override string Name => "calls.close";

    protected override TimeSpan Interval => TimeSpan.FromMinutes(1);

    protected override async Task RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<FinPilotDbContext>();
        var commands = services.GetRequiredService<CommandPipeline>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var due = await db.Calls.Where(c => c.Status == CallStatus.Published && c.ClosesAt <= now).ToListAsync(cancellationToken);
        foreach (var call in due)
        {
            // The call records its closing; the save step writes the audit line, as the system.
            call.Close(now, actorUserId: null);
        }

        if (due.Count == 0)
        {
            return;
        }

        if (!(await commands.SaveAsync(CallErrors.Concurrency, cancellationToken)).Succeeded)
        {
            // Someone closed or corrected one of them meanwhile (a person, or this job's previous
            // run); whatever is still due is closed on the next run.
            return;
        }

        if (logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("Closed {Count} call(s) whose close time had passed.", due.Count);
        }
    }
}
