using FinPilot.Domain.Calls;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Calls;
using FinPilot.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FinPilot.Web.Tests.Calls;

/// <summary>Its own apps: the test moves the clock, which would close other tests' calls.</summary>
public sealed class CallClosingJobTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    [Theory, AllProviders]
    public async Task The_job_closes_a_published_call_once_its_close_time_has_passed_as_the_system(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        var call = await wg.PublishAsync(await wg.CreateAsync(CallTestKit.Input(app, await app.RegionIdAsync("BJ"), "到期自动截止", openDays: 2)));
        var job = app.Services.GetRequiredService<CallClosingJob>();

        Assert.True(await job.TryRunAsync(CancellationToken.None));
        Assert.Equal(CallStatus.Published, await StatusAsync(app, call.Id));

        app.Clock.Advance(TimeSpan.FromDays(2).Add(TimeSpan.FromMinutes(1)));
        await job.TryRunAsync(CancellationToken.None);

        var closed = await app.WithDbAsync(db => db.Calls.AsNoTracking().SingleAsync(c => c.Id == call.Id));
        Assert.Equal((CallStatus.Closed, (string?)null), (closed.Status, closed.ClosedBy));
        var entry = await app.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.Action == CallActions.Closed && a.ResourceId == call.Id.ToString()));
        Assert.Equal((CallClosingJob.SystemActor, (string?)null), (entry.ActorName, entry.ActorId));
    }

    private static Task<CallStatus> StatusAsync(FinPilotApp app, Guid id) =>
        app.WithDbAsync(db => db.Calls.Where(c => c.Id == id).Select(c => c.Status).SingleAsync());
}
