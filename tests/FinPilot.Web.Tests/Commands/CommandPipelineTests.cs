using FinPilot.Domain.Common;
using FinPilot.Domain.Organisations;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Audit;
using FinPilot.Web.Features.Commands;
using FinPilot.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FinPilot.Web.Tests.Commands;

public sealed class CommandPipelineTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    private static readonly ErrorCode Stale = OrganisationErrors.Concurrency;

    [Theory, AllProviders]
    public async Task A_save_over_a_newer_version_is_the_stale_error_and_saves_nothing_of_the_change_or_its_audit_line(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var id = await SeedAsync(app);

        await using var first = app.Services.CreateAsyncScope();
        await using var second = app.Services.CreateAsyncScope();
        var mine = await LoadAsync(first, id);
        var theirs = await LoadAsync(second, id);

        Assert.True(theirs.Update(Details(theirs, "他人先改")).Succeeded);
        var saved = await second.ServiceProvider.GetRequiredService<CommandPipeline>()
            .SaveAsync(Stale, CancellationToken.None, Line(id, "theirs"));
        Assert.True(saved.Succeeded);

        Assert.True(mine.Update(Details(mine, "我后改")).Succeeded);
        var pipeline = first.ServiceProvider.GetRequiredService<CommandPipeline>();
        var refused = await pipeline.SaveAsync(Stale, CancellationToken.None, Line(id, "mine"));

        Assert.Equal([Stale], refused.Errors.Select(e => e.Code));
        Assert.Equal("他人先改", await app.WithDbAsync(db => db.Organisations.Where(o => o.Id == id).Select(o => o.NameZh).SingleAsync()));
        Assert.Equal(["theirs"], await AuditDetailsAsync(app, id));

        // The refused change does not ride along with the scope's next save either.
        Assert.True((await pipeline.SaveAsync(Stale, CancellationToken.None)).Succeeded);
        Assert.Equal("他人先改", await app.WithDbAsync(db => db.Organisations.Where(o => o.Id == id).Select(o => o.NameZh).SingleAsync()));
        Assert.Equal(["theirs"], await AuditDetailsAsync(app, id));
    }

    [Theory, AllProviders]
    public async Task The_audit_line_is_saved_with_the_change(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var id = await SeedAsync(app);

        await using var scope = app.Services.CreateAsyncScope();
        var organisation = await LoadAsync(scope, id);
        Assert.True(organisation.Update(Details(organisation, "改名")).Succeeded);
        var saved = await scope.ServiceProvider.GetRequiredService<CommandPipeline>().SaveAsync(Stale, CancellationToken.None, Line(id, "renamed"));

        Assert.True(saved.Succeeded);
        Assert.Equal("改名", await app.WithDbAsync(db => db.Organisations.Where(o => o.Id == id).Select(o => o.NameZh).SingleAsync()));
        var entry = await app.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.ResourceId == id.ToString()));
        Assert.Equal(("test.pipeline", "organisation"), (entry.Action, entry.ResourceType));
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

    private static Task<Organisation> LoadAsync(AsyncServiceScope scope, Guid id) =>
        scope.ServiceProvider.GetRequiredService<FinPilotDbContext>().Organisations.SingleAsync(o => o.Id == id);

    private static OrganisationDetails Details(Organisation o, string nameZh) =>
        new(nameZh, o.NameEn, o.Type, o.Licensed, o.CreditCode, o.RegionId, o.Contacts);

    private static AuditLine Line(Guid id, string who) => new("test.pipeline", AuditResource.Organisation, id.ToString(), new { who });

    private static async Task<IReadOnlyList<string>> AuditDetailsAsync(FinPilotApp app, Guid id) =>
        (await app.WithDbAsync(db => db.AuditEntries.Where(a => a.ResourceId == id.ToString()).Select(a => a.Details!).ToListAsync()))
            .Select(d => System.Text.Json.JsonDocument.Parse(d).RootElement.GetProperty("who").GetString()!).ToList();
}
