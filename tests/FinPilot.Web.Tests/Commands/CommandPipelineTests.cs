using FinPilot.Domain.Common;
using FinPilot.Domain.Identity;
using FinPilot.Domain.Organisations;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Audit;
using FinPilot.Web.Features.Commands;
using FinPilot.Web.Features.Evaluation;
using FinPilot.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FinPilot.Web.Tests.Commands;

public sealed class CommandPipelineTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    private static readonly ErrorCode Stale = OrganisationErrors.Concurrency;

    // A record that is no aggregate (an expert's profile) passes its own line to the save; an
    // aggregate (an organisation) has its line written from its events. Both are saved with the
    // change, or dropped with it on a stale version.
    [Theory, AllProviders]
    public async Task A_save_over_a_newer_version_is_the_stale_error_and_saves_nothing_of_the_change_or_its_audit_line(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var id = await SeedProfileAsync(app);

        await using var first = app.Services.CreateAsyncScope();
        await using var second = app.Services.CreateAsyncScope();
        var mine = await LoadProfileAsync(first, id);
        var theirs = await LoadProfileAsync(second, id);

        theirs.EmployerName = "他人先改";
        var saved = await second.ServiceProvider.GetRequiredService<CommandPipeline>()
            .SaveAsync(Stale, CancellationToken.None, Line(id, "theirs"));
        Assert.True(saved.Succeeded);

        mine.EmployerName = "我后改";
        var pipeline = first.ServiceProvider.GetRequiredService<CommandPipeline>();
        var refused = await pipeline.SaveAsync(Stale, CancellationToken.None, Line(id, "mine"));

        Assert.Equal([Stale], refused.Errors.Select(e => e.Code));
        Assert.Equal("他人先改", await EmployerAsync(app, id));
        Assert.Equal(["theirs"], await AuditDetailsAsync(app, id));

        // The refused change does not ride along with the scope's next save either.
        Assert.True((await pipeline.SaveAsync(Stale, CancellationToken.None)).Succeeded);
        Assert.Equal("他人先改", await EmployerAsync(app, id));
        Assert.Equal(["theirs"], await AuditDetailsAsync(app, id));
    }

    [Theory, AllProviders]
    public async Task The_audit_line_is_saved_with_the_change(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var id = await SeedProfileAsync(app);

        await using var scope = app.Services.CreateAsyncScope();
        var profile = await LoadProfileAsync(scope, id);
        profile.EmployerName = "改名";
        var saved = await scope.ServiceProvider.GetRequiredService<CommandPipeline>().SaveAsync(Stale, CancellationToken.None, Line(id, "renamed"));

        Assert.True(saved.Succeeded);
        Assert.Equal("改名", await EmployerAsync(app, id));
        var entry = await app.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.ResourceId == id && a.ResourceType == "expert"));
        Assert.Equal(("test.pipeline", "expert"), (entry.Action, entry.ResourceType));
    }

    [Theory, AllProviders]
    public async Task An_aggregates_event_lines_are_saved_with_its_change_and_dropped_with_a_stale_one(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var id = await SeedAsync(app);

        await using var first = app.Services.CreateAsyncScope();
        await using var second = app.Services.CreateAsyncScope();
        var mine = await LoadAsync(first, id);
        var theirs = await LoadAsync(second, id);

        Assert.True(theirs.Update(Details(theirs, "他人先改")).Succeeded);
        Assert.True((await second.ServiceProvider.GetRequiredService<CommandPipeline>().SaveAsync(Stale, CancellationToken.None)).Succeeded);

        Assert.True(mine.Update(Details(mine, "我后改")).Succeeded);
        var pipeline = first.ServiceProvider.GetRequiredService<CommandPipeline>();
        Assert.Equal([Stale], (await pipeline.SaveAsync(Stale, CancellationToken.None)).Errors.Select(e => e.Code));
        Assert.True((await pipeline.SaveAsync(Stale, CancellationToken.None)).Succeeded);

        Assert.Equal("他人先改", await app.WithDbAsync(db => db.Organisations.Where(o => o.Id == id).Select(o => o.NameZh).SingleAsync()));
        var lines = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.ResourceId == id.ToString()).ToListAsync());
        var line = Assert.Single(lines);
        Assert.Equal(("organisation.updated", "organisation", (int?)mine.RegionId), (line.Action, line.ResourceType, line.RegionId));
        var details = System.Text.Json.JsonDocument.Parse(line.Details!).RootElement;
        Assert.Equal(("流水线测试机构", "他人先改"), (details.GetProperty("before").GetProperty("nameZh").GetString(), details.GetProperty("after").GetProperty("nameZh").GetString()));
    }

    [Theory, AllProviders]
    public async Task The_save_moves_the_version_of_a_changed_record_even_when_its_aggregate_did_not(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var id = await SeedAsync(app);
        var before = await app.WithDbAsync(db => db.Organisations.Where(o => o.Id == id).Select(o => o.Version).SingleAsync());

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FinPilotDbContext>();
            var organisation = await db.Organisations.SingleAsync(o => o.Id == id);
            db.Entry(organisation).Property(o => o.NameEn).CurrentValue = "Changed behind the aggregate";
            await db.SaveChangesAsync();
        }

        var after = await app.WithDbAsync(db => db.Organisations.Where(o => o.Id == id).Select(o => o.Version).SingleAsync());
        Assert.NotEqual(before, after);
    }

    private static async Task<Guid> SeedAsync(FinPilotApp app)
    {
        var regionId = await app.WithDbAsync(db => db.Regions.Where(r => r.Code == "BJ").Select(r => r.Id).SingleAsync());
        var organisation = Organisation.Create(
            new OrganisationDetails("流水线测试机构", "Pipeline Test Org", OrganisationType.SecuritiesFirm, true, CreditCodes.NewValid(), regionId),
            Guid.NewGuid()).Value!;
        await app.WithDbAsync(async db =>
        {
            db.Organisations.Add(organisation);
            return await db.SaveChangesAsync();
        });
        return organisation.Id;
    }

    private static async Task<string> SeedProfileAsync(FinPilotApp app)
    {
        var user = await app.CreateUserAsync($"pipeline-{Guid.NewGuid():N}@example.cn", Role.Expert);
        await app.WithDbAsync(async db =>
        {
            db.ExpertProfiles.Add(new ExpertProfile { UserId = user.User.Id, EmployerName = "流水线测试单位" });
            return await db.SaveChangesAsync();
        });
        return user.User.Id;
    }

    private static Task<ExpertProfile> LoadProfileAsync(AsyncServiceScope scope, string userId) =>
        scope.ServiceProvider.GetRequiredService<FinPilotDbContext>().ExpertProfiles.SingleAsync(p => p.UserId == userId);

    private static Task<string> EmployerAsync(FinPilotApp app, string userId) =>
        app.WithDbAsync(db => db.ExpertProfiles.Where(p => p.UserId == userId).Select(p => p.EmployerName).SingleAsync());

    private static Task<Organisation> LoadAsync(AsyncServiceScope scope, Guid id) =>
        scope.ServiceProvider.GetRequiredService<FinPilotDbContext>().Organisations.SingleAsync(o => o.Id == id);

    private static OrganisationDetails Details(Organisation o, string nameZh) =>
        new(nameZh, o.NameEn, o.Type, o.Licensed, o.CreditCode, o.RegionId, o.Contacts);

    private static AuditLine Line(string userId, string who) => new("test.pipeline", AuditResource.Expert, userId, new { who });

    private static async Task<IReadOnlyList<string>> AuditDetailsAsync(FinPilotApp app, string userId) =>
        (await app.WithDbAsync(db => db.AuditEntries.Where(a => a.ResourceId == userId && a.ResourceType == "expert").Select(a => a.Details!).ToListAsync()))
            .Select(d => System.Text.Json.JsonDocument.Parse(d).RootElement.GetProperty("who").GetString()!).ToList();
}
