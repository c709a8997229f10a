using FinPilot.Web.Features.Jobs;

namespace FinPilot.Web.Features.Obligations;

/// <summary>Runs the obligation clock (<see cref="ObligationClock"/>) under the job lease, every few minutes.</summary>
public sealed class ObligationClockJob(IServiceScopeFactory scopes, TimeProvider clock, ObligationOptions options, ILogger<ObligationClockJob> logger)
    : LeasedJob(scopes, clock, logger)
{
    protected override string Name => "obligations.clock";

    protected override TimeSpan Interval => options.Interval;

    protected override async Task RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var outcome = await services.GetRequiredService<ObligationClock>().RunAsync(cancellationToken);
        if (logger.IsEnabled(LogLevel.Information) && outcome != new ObligationClock.Outcome(0, 0, 0))
        {
            logger.LogInformation("Obligation clock: {Scheduled} scheduled, {Reminded} reminders sent, {Overdue} told overdue.",
                outcome.Scheduled, outcome.Reminded, outcome.ToldOverdue);
        }
    }
}
