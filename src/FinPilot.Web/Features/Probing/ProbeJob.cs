using FinPilot.Web.Features.Jobs;

namespace FinPilot.Web.Features.Probing;

/// <summary>Runs the prober (<see cref="ProbeRunner"/>) under the job lease, every <see cref="ProbingOptions.Interval"/>.</summary>
public sealed class ProbeJob(IServiceScopeFactory scopes, TimeProvider clock, ProbingOptions options, ILogger<ProbeJob> logger)
    : LeasedJob(scopes, clock, logger)
{
    protected override string Name => "probing.probes";

    protected override TimeSpan Interval => options.Interval;

    protected override async Task RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var outcome = await services.GetRequiredService<ProbeRunner>().RunAsync(cancellationToken);
        if (logger.IsEnabled(LogLevel.Information) && outcome.Probed > 0)
        {
            logger.LogInformation("Probes: {Probed} endpoints probed, {Failing} told failing, {Recovered} told recovered.",
                outcome.Probed, outcome.ToldFailing, outcome.ToldRecovered);
        }
    }
}
