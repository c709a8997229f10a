using FinPilot.Web.Features.Telemetry;

namespace FinPilot.Web.Features.Jobs;

/// <summary>
/// A periodic background job: each run opens its own scope, takes the job's database lease (so one
/// node runs it), and catches and logs its own failure so the next run still happens.
/// </summary>
public abstract class LeasedJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger logger) : BackgroundService
{
    private readonly SemaphoreSlim _running = new(1, 1);

    protected TimeProvider Clock { get; } = clock;

    protected abstract string Name { get; }

    protected abstract TimeSpan Interval { get; }

    /// <summary>One pass of the job's work, within a lease.</summary>
    protected abstract Task RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken);

    /// <summary>Runs one pass now if the lease can be had; returns whether it ran. Tests call this.</summary>
    public async Task<bool> TryRunAsync(CancellationToken cancellationToken)
    {
        // The lease keeps other nodes out; this keeps a timer tick and a direct call on one node apart.
        await _running.WaitAsync(cancellationToken);
        try
        {
            var started = Clock.GetTimestamp();
            using var activity = FinPilotTelemetry.Activities.StartActivity("job " + Name);
            activity?.SetTag("finpilot.job", Name);
            var outcome = FinPilotTelemetry.Outcomes.Failed;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var leases = scope.ServiceProvider.GetRequiredService<JobLeases>();
                if (!await leases.TryAcquireAsync(Name, Interval * 3, cancellationToken))
                {
                    outcome = FinPilotTelemetry.Outcomes.Skipped;
                    return false;
                }

                await RunOnceAsync(scope.ServiceProvider, cancellationToken);
                outcome = FinPilotTelemetry.Outcomes.Ran;
                return true;
            }
            finally
            {
                activity?.SetTag("finpilot.job.outcome", outcome);
                FinPilotTelemetry.JobRan(Name, outcome, Clock.GetElapsedTime(started));
            }
        }
        finally
        {
            _running.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, Clock);
        do
        {
            try
            {
                await TryRunAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "Background job {Job} failed; it will run again in {Interval}.", Name, Interval);
            }
        }
        while (await NextTickAsync(timer, stoppingToken));
    }

    /// <summary>
    /// Waits for the next tick, and always resumes off the thread that fired it. A timer's thread
    /// must not run the job: when a clock jumps ahead (a test's fake clock, firing every tick it
    /// skipped, one after another) a job whose I/O completes synchronously (SQLite) would run once per
    /// skipped tick, tens of thousands of times, instead of once.
    /// </summary>
    private static async Task<bool> NextTickAsync(PeriodicTimer timer, CancellationToken cancellationToken)
    {
        var ticked = await timer.WaitForNextTickAsync(cancellationToken);
        await Task.Yield();
        return ticked;
    }
}
