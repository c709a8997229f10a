using FinPilot.Domain.Calls;
using FinPilot.Domain.Disclosure;
using FinPilot.Domain.Projects;
using FinPilot.Domain.Statistics;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Demo;
using FinPilot.Web.Features.Statistics;
using FinPilot.Web.Tests.Exit;
using FinPilot.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FinPilot.Web.Tests.Demo;

/// <summary>The demo at the source's scale: Beijing's first batch of 16 pilots from 51 applications by 26 institutions, pilots in four more regions, seeded once.</summary>
public sealed class DemoScaleTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    private static readonly ProjectStage[] EverAdmitted =
        [ProjectStage.Running, ProjectStage.Rectifying, ProjectStage.Suspended, ProjectStage.Exiting, ProjectStage.Exited];

    [Theory, AllProviders]
    public async Task Beijings_first_batch_has_16_pilots_from_51_applications_by_26_institutions(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);

        var batch = await BeijingFirstBatchAsync(app);
        Assert.Equal(51, batch.Count);
        Assert.Equal(26, batch.Select(p => p.LeadOrganisationId).Distinct().Count());
        Assert.Equal(16, batch.Count(p => EverAdmitted.Contains(p.Stage)));
        Assert.All(batch.Where(p => EverAdmitted.Contains(p.Stage)), p => Assert.Equal(new DateOnly(2021, 12, 30), p.StartsOn));
        Assert.DoesNotContain(batch, p => p.Stage == ProjectStage.Draft);

        // The public figures say the same: 16 pilots of the batch in the register, through their public records.
        var callId = batch[0].CallId;
        var figures = await app.WithScopeAsync(sp => sp.GetRequiredService<StatisticsQueries>().ComputeAsync());
        Assert.Equal(16, figures.Single(f => f.Indicator == Indicators.PilotsByBatch && f.Key == callId.ToString()).Value);
        var listed = await app.WithDbAsync(db => db.RegisterPilots.CountAsync(p => p.CallId == callId));
        Assert.Equal(16, listed);
    }

    [Theory, AllProviders]
    public async Task Shanghai_shenzhen_guangzhou_and_nanjing_have_pilots_and_shanghai_has_applications_in_progress(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);

        var figures = await app.WithScopeAsync(sp => sp.GetRequiredService<StatisticsQueries>().ComputeAsync());
        foreach (var region in new[] { "SH", "SZ", "GZ", "NJ" })
        {
            Assert.True(figures.Single(f => f.Indicator == Indicators.PilotsByRegion && f.Key == region).Value >= 2, region);
        }

        // Shanghai's batches are numbered by date: the closed call of 2022 with its admitted pilots is batch 1, the open call batch 2.
        var shanghai = await app.WithDbAsync(db => (
            from p in db.Projects.AsNoTracking()
            join c in db.Calls.AsNoTracking() on p.CallId equals c.Id
            join r in db.Regions.AsNoTracking() on p.RegionId equals r.Id
            where r.Code == "SH" && c.BatchNumber <= 2
            select new { c.BatchNumber, c.Status, c.OpensAt, p.Stage, p.StartsOn }).ToListAsync());
        var first = shanghai.Where(p => p.BatchNumber == 1).ToList();
        Assert.All(first, p => Assert.Equal(CallStatus.Closed, p.Status));
        Assert.Equal(3, first.Count(p => p.Stage == ProjectStage.Running));
        Assert.All(first.Where(p => p.Stage == ProjectStage.Running), p => Assert.Equal(new DateOnly(2022, 8, 4), p.StartsOn));
        var second = shanghai.Where(p => p.BatchNumber == 2).ToList();
        Assert.All(second, p => Assert.Equal(CallStatus.Published, p.Status));
        Assert.True(second.Min(p => p.OpensAt) > first.Max(p => p.OpensAt));
        Assert.Contains(ProjectStage.Submitted, second.Select(p => p.Stage));
        Assert.Contains(ProjectStage.Screening, second.Select(p => p.Stage));

        // The home page names the regions' pilots.
        using var visitor = app.Anonymous();
        var html = await visitor.GetStringAsync("/?scale");
        foreach (var name in new[] { "上海", "深圳", "广州", "南京" })
        {
            Assert.Contains(name, html, StringComparison.Ordinal);
        }
    }

    [Theory, AllProviders]
    public async Task Seeding_again_adds_nothing(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var before = await CountsAsync(app);

        await app.WithScopeAsync(async sp =>
        {
            await sp.GetRequiredService<DemoSeeder>().SeedAsync();
            return 0;
        });

        Assert.Equal(before, await CountsAsync(app));
        Assert.Equal(51, (await BeijingFirstBatchAsync(app)).Count);
    }

    private static Task<List<PilotProject>> BeijingFirstBatchAsync(FinPilotApp app) => app.WithDbAsync(db => (
        from p in db.Projects.AsNoTracking()
        join c in db.Calls.AsNoTracking() on p.CallId equals c.Id
        join r in db.Regions.AsNoTracking() on c.RegionId equals r.Id
        where r.Code == "BJ" && c.BatchNumber == 1
        select p).ToListAsync());

    private static Task<(int Projects, int Organisations, int Calls, int Notices, int Records, int Events, int Register)> CountsAsync(FinPilotApp app) =>
        app.WithDbAsync(async db => (
            await db.Projects.CountAsync(),
            await db.Organisations.CountAsync(),
            await db.Calls.CountAsync(),
            await db.PublicNotices.CountAsync(),
            await db.PublicRecords.CountAsync(),
            await db.PublicEvents.CountAsync(),
            await db.RegisterPilots.CountAsync()));
}
