using FinPilot.Domain.Exit;
using FinPilot.Domain.Projects;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Demo;
using FinPilot.Web.Features.Disclosure;
using FinPilot.Web.Http;
using FinPilot.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FinPilot.Web.Tests.Exit;

/// <summary>The demo's exits of Beijing's 2021 batch: two completed (示范, 良好), one withdrawn, each through the whole path; seeding again adds nothing.</summary>
public sealed class ExitDemoTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    [Theory, AllProviders]
    public async Task Beijings_first_batch_has_three_exits_with_their_tiers_and_the_register_filters_them(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        await app.WithScopeAsync(async sp =>
        {
            await sp.GetRequiredService<DemoSeeder>().SeedAsync();
            return 0;
        });

        var exits = await app.WithDbAsync(db => (
            from c in db.ExitCases.AsNoTracking()
            join p in db.Projects.AsNoTracking() on c.ProjectId equals p.Id
            join call in db.Calls.AsNoTracking() on p.CallId equals call.Id
            where call.BatchNumber == 1 && c.OpenedBy == "demo-seed"
            select new { c, p.Stage }).ToListAsync());
        Assert.Equal(3, exits.Count);
        Assert.All(exits, e =>
        {
            Assert.Equal((ExitStatus.Exited, ProjectStage.Exited), (e.c.Status, e.Stage));
            Assert.NotNull(e.c.SelfAssessment);
            Assert.True(e.c.ChecklistComplete);
            Assert.NotNull(e.c.AuditedAt);
            Assert.Equal(3, e.c.Review!.Reviewers.Count(r => r.Submitted));
            Assert.NotNull(e.c.Proposal);
            Assert.NotNull(e.c.MeetingId);
        });
        Assert.Equal(
            [(ExitMode.Completed, (ExitTier?)ExitTier.Exemplary), (ExitMode.Completed, ExitTier.Good), (ExitMode.Withdrawn, ExitTier.Qualified)],
            exits.Select(e => (e.c.Mode, e.c.Tier)).OrderBy(e => e.Mode).ThenBy(e => e.Tier).ToList());

        // 示范 in the register: only the exemplary exit.
        using var visitor = app.Anonymous();
        var exemplary = await (await visitor.GetAsync("/api/v1/pilots?tier=Exemplary&pageSize=100")).ReadAsync<Page<PilotsApi.PilotSummaryDto>>();
        Assert.Equal([exits.Single(e => e.c.Tier == ExitTier.Exemplary).c.ProjectId], exemplary.Items.Select(i => i.Id));

        // The case page of the coordination group shows the tier and the proposal's inputs.
        using var chair = await app.SignedInAsync(DemoUsers.Coordination);
        var html = await (await chair.GetAsync($"/exits/{exits.Single(e => e.c.Tier == ExitTier.Good).c.Id}")).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"proposal\"", html);
        Assert.Contains("良好", html);
        Assert.Contains("已退出", html);
    }
}
