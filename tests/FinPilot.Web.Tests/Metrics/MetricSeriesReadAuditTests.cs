using FinPilot.Domain.Identity;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Audit;
using FinPilot.Web.Features.Evaluation;
using FinPilot.Web.Features.Integrity;
using FinPilot.Web.Tests.Alerts;
using FinPilot.Web.Tests.Infrastructure;
using FinPilot.Web.Tests.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FinPilot.Web.Tests.Metrics;

/// <summary>
/// 指标查阅留痕: staff reading a pilot's metric series on its supervision page leave an audit line
/// (who, which pilot, when); the institution reading its own does not; the line is written through a
/// context of its own, so the request's unsaved changes are not saved with it.
/// </summary>
public sealed class MetricSeriesReadAuditTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    [Fact]
    public async Task Staff_reading_a_pilots_metric_series_leave_a_line_and_the_institution_does_not()
    {
        var app = await apps.StartAsync(DatabaseProvider.Sqlite);
        var (projectId, _) = await app.SupervisedPilotAsync($"指标留痕 {Guid.NewGuid():N}");
        var record = $"{projectId}:*";

        using (var applicant = await app.SignedInAsync(DemoUsers.Applicant))
        {
            (await applicant.GetAsync($"/supervision/projects/{projectId}")).EnsureSuccessStatusCode();
        }

        Assert.Empty(await LinesAsync(app, record));

        using (var wg = await app.SignedInAsync(DemoUsers.WorkingGroupBeijing))
        {
            (await wg.GetAsync($"/supervision/projects/{projectId}")).EnsureSuccessStatusCode();
        }

        var line = Assert.Single(await LinesAsync(app, record));
        var wgId = await app.UserIdAsync(DemoUsers.WorkingGroupBeijing);
        var regionId = await app.WithDbAsync(db => db.Projects.Where(p => p.Id == projectId).Select(p => p.RegionId).SingleAsync());
        Assert.Equal((wgId, AuditResource.MetricSeries.Name, (int?)regionId), (line.ActorId, line.ResourceType, line.RegionId));
        Assert.NotEqual(default, line.At);
        Assert.Contains(projectId.ToString(), line.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_line_is_written_apart_from_the_requests_unsaved_changes()
    {
        var app = await apps.StartAsync(DatabaseProvider.Sqlite);
        var (projectId, _) = await app.SupervisedPilotAsync($"指标留痕隔离 {Guid.NewGuid():N}");
        var pending = Guid.NewGuid();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FinPilotDbContext>();
            db.ConflictDeclarations.Add(new ConflictDeclaration
            {
                Id = pending,
                ExpertUserId = "nobody",
                Kind = ConflictDeclarationKind.Other,
                Text = "未保存的更改",
                DeclaredAt = app.Clock.GetUtcNow(),
            });
            await scope.ServiceProvider.GetRequiredService<ReadAudit>().MetricSeriesReadAsync(projectId, ["customers"], [new RoleGrant(Role.RegionalWorkingGroup, 1)]);
            Assert.Equal(EntityState.Added, db.Entry(await db.ConflictDeclarations.FindAsync(pending) ?? throw new InvalidOperationException()).State);
        }

        Assert.Single(await LinesAsync(app, $"{projectId}:*"));
        Assert.False(await app.WithDbAsync(db => db.ConflictDeclarations.AnyAsync(d => d.Id == pending)));
    }

    private static Task<List<AuditEntry>> LinesAsync(FinPilotApp app, string record) =>
        app.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.Action == IntegrityActions.RecordRead && a.ResourceType == AuditResource.MetricSeries.Name && a.ResourceId == record).ToListAsync());
}
