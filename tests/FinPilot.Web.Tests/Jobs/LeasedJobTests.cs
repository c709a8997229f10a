using FinPilot.Web.Data;
using FinPilot.Web.Features.Jobs;
using FinPilot.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace FinPilot.Web.Tests.Jobs;

/// <summary>Its own apps: the test moves their clocks by hours.</summary>
public sealed class LeasedJobTests(AppsWithoutDemoData apps) : IClassFixture<AppsWithoutDemoData>
{
    [Theory, AllProviders]
    public async Task A_clock_jump_over_many_ticks_runs_a_job_a_few_times_not_once_per_tick(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var job = new CountingJob(app.Services.GetRequiredService<IServiceScopeFactory>(), app.Clock);
        await job.StartAsync(CancellationToken.None);
        try
        {
            // The host starts a job on a pool thread: let it make its first pass and wait for a tick.
            while (job.Runs == 0)
            {
                await Task.Delay(10);
            }

            await Task.Delay(200);
            // An hour of one-second ticks fired one after another, as a fake clock does. Before the
            // fix, SQLite's synchronous I/O ran the job on the firing thread once per tick (3,600 times).
            app.Clock.Advance(TimeSpan.FromHours(1));
            Assert.InRange(job.Runs, 1, 100);
        }
        finally
        {
            await job.StopAsync(CancellationToken.None);
        }
    }

    private sealed class CountingJob(IServiceScopeFactory scopes, TimeProvider clock) : LeasedJob(scopes, clock, NullLogger.Instance)
    {
        private int _runs;

        public int Runs => Volatile.Read(ref _runs);

        protected override string Name { get; } = $"test.counting.{Guid.NewGuid():N}";

        protected override TimeSpan Interval => TimeSpan.FromSeconds(1);

        protected override Task RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _runs);
            return Task.CompletedTask;
        }
    }
}
