using FinPilot.Domain.Projects;
using FinPilot.Domain.Supervision;
using FinPilot.Web.Data;
using FinPilot.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FinPilot.Web.Tests.Probing;

/// <summary>
/// The probe job's sync of targets with plans reads only the plans confirmed since its last run, so
/// it does not read every plan every minute at 10,000 pilots; pilots leaving supervision are still
/// seen (by their active targets).
/// </summary>
public sealed class ProbeSyncTests(ProbeApps apps) : IClassFixture<ProbeApps>
{
    [Theory, AllProviders]
    public async Task Only_plans_confirmed_since_the_last_sync_are_read_and_pilots_leaving_supervision_stop_being_probed(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var key = ProbeTestKit.Key();
        var a = apps.Endpoint.Url($"/status/{key}-a");
        var b = apps.Endpoint.Url($"/status/{key}-b");
        var c = apps.Endpoint.Url($"/status/{key}-c");
        var projectId = await app.ProbedPilotAsync("探测同步 增量", ProbeTestKit.Every(a));
        await app.NextMinuteAsync();
        Assert.True((await app.TargetAsync(projectId, a)).Active);

        // The plan gains an endpoint, but its confirmation lies before the last sync (saved so in one go,
        // as the host's own probe job may run meanwhile): the job does not read it again.
        await ConfirmAsync(app, projectId, app.Clock.GetUtcNow().AddDays(-1), ProbeTestKit.Every(a), ProbeTestKit.Every(b));
        await app.NextMinuteAsync();
        Assert.Equal(0, await TargetCountAsync(app, projectId, b));

        // A new confirmation is read at the next run, with all its endpoints.
        await ConfirmAsync(app, projectId, null, ProbeTestKit.Every(a), ProbeTestKit.Every(b), ProbeTestKit.Every(c));
        await app.NextMinuteAsync();
        Assert.True((await app.TargetAsync(projectId, b)).Active);
        Assert.True((await app.TargetAsync(projectId, c)).Active);

        // The pilot leaves supervision without a new plan: its targets stop being probed.
        await app.WithDbAsync(db => db.Projects.Where(p => p.Id == projectId).ExecuteUpdateAsync(s => s.SetProperty(p => p.Stage, ProjectStage.Exited)));
        await app.NextMinuteAsync();
        foreach (var url in new[] { a, b, c })
        {
            Assert.False((await app.TargetAsync(projectId, url)).Active);
        }

        var mark = await app.WithDbAsync(db => db.ProbeSyncMarks.AsNoTracking().SingleAsync());
        Assert.True(mark.SyncedThrough <= app.Clock.GetUtcNow());
        Assert.True(mark.SyncedThrough >= app.Clock.GetUtcNow().AddMinutes(-1));
    }

    private static Task<int> TargetCountAsync(FinPilotApp app, Guid projectId, string url) =>
        app.WithDbAsync(db => db.ProbeTargets.CountAsync(t => t.ProjectId == projectId && t.Url == url));

    /// <summary>Confirms the plan with these endpoints, dated <paramref name="confirmedAt"/> if given (else now), in one save.</summary>
    private static async Task ConfirmAsync(FinPilotApp app, Guid projectId, DateTimeOffset? confirmedAt, params ProbeEndpoint[] endpoints)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FinPilotDbContext>();
        var plan = await db.SupervisionPlans.SingleAsync(p => p.ProjectId == projectId);
        Assert.True(plan.Confirm(plan.Terms with { Endpoints = endpoints }, confirmedAt ?? app.Clock.GetUtcNow(), "probe-test").Succeeded);
        await db.SaveChangesAsync();
    }
}
