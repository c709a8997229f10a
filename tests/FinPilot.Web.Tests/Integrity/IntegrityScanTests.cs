using System.Net;
using FinPilot.Domain.Corrections;
using FinPilot.Domain.Integrity;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Integrity;
using FinPilot.Web.Tests.Infrastructure;
using FinPilot.Web.Tests.Obligations;
using FinPilot.Web.Tests.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static FinPilot.Web.Features.Corrections.CorrectionsApi;

namespace FinPilot.Web.Tests.IntegrityFlags;

/// <summary>
/// The integrity scan: each rule raises its flag from the record, about the right person and
/// addressed to the region's working group; a second scan, or two racing, never raise it twice.
/// Other jobs (and the scan's own timer) may run meanwhile, so each test looks at its own records only.
/// </summary>
public sealed class IntegrityScanTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    [Fact]
    public async Task An_alert_dismissed_without_a_real_reason_is_flagged_and_one_with_a_reason_is_not()
    {
        var app = await apps.StartAsync(DatabaseProvider.Sqlite);
        var projectId = await app.PilotAsync("预警排除");
        var bare = await app.DismissedAlertAsync(projectId, "wg-bare", "无");
        var reasoned = await app.DismissedAlertAsync(projectId, "wg-reasoned", "接口报送口径错误，已核实为误报。");

        await app.ScanAsync();

        var flag = Assert.Single(await app.FlagsAsync(IntegrityRule.AlertDismissedWithoutReason, bare.ToString()));
        Assert.Equal((IntegrityRecordKind.Alert, "wg-bare", ResponsibleUnitKind.WorkingGroup, projectId), (flag.RecordKind, flag.PersonId, flag.Unit, flag.ProjectId));
        Assert.Empty(await app.FlagsAsync(IntegrityRule.AlertDismissedWithoutReason, reasoned.ToString()));
    }

    [Fact]
    public async Task A_scan_that_raises_flags_LeavesNothingTracked()
    {
        var app = await apps.StartAsync(DatabaseProvider.Sqlite);
        var projectId = await app.PilotAsync("跟踪排除");
        var person = $"wg-{Guid.NewGuid():N}";
        var alerts = new[] { await app.DismissedAlertAsync(projectId, person, "无"), await app.DismissedAlertAsync(projectId, person, "无") };

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FinPilotDbContext>();
        using var watch = new TrackerWatch(db);
        var raised = await scope.ServiceProvider.GetRequiredService<IntegrityScan>().RunAsync(TestContext.Current.CancellationToken);

        // Each flag (with its audit line) is forgotten once saved.
        Assert.True(raised >= 2, $"{raised} raised");
        Assert.Equal(0, watch.Carried);
        Assert.Empty(db.ChangeTracker.Entries());
        foreach (var alert in alerts)
        {
            Assert.Single(await app.FlagsAsync(IntegrityRule.AlertDismissedWithoutReason, alert.ToString()));
        }
    }

    [Fact]
    public async Task Alerts_dismissed_by_one_person_up_to_the_threshold_flag_the_person_once()
    {
        var app = await apps.StartAsync(DatabaseProvider.Sqlite);
        var projectId = await app.PilotAsync("多次排除");
        var person = $"wg-{Guid.NewGuid():N}";
        var regionId = await app.WithDbAsync(db => db.Projects.Where(p => p.Id == projectId).Select(p => p.RegionId).SingleAsync());
        var key = $"{person}@{regionId}";
        await app.DismissedAlertAsync(projectId, person, "误报，已核实。");
        await app.DismissedAlertAsync(projectId, person, "误报，已核实。");

        await app.ScanAsync();
        Assert.Empty(await app.FlagsAsync(IntegrityRule.AlertsDismissedRepeatedly, key));

        await app.DismissedAlertAsync(projectId, person, "误报，已核实。");
        await app.ScanAsync();
        await app.ScanAsync();

        var flag = Assert.Single(await app.FlagsAsync(IntegrityRule.AlertsDismissedRepeatedly, key));
        Assert.Equal((IntegrityRecordKind.Person, person, 3, 3), (flag.RecordKind, flag.PersonId, flag.Facts.Count, flag.Facts.Threshold));
    }

    [Fact]
    public async Task A_correction_order_extended_twice_is_flagged_with_the_working_group_member_who_extended_it()
    {
        var app = await apps.StartAsync(DatabaseProvider.Sqlite);
        var projectId = await app.PilotAsync("延期整改");
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        var order = await app.OrderAsync(wg, projectId);

        order = await (await wg.PostAsync($"/api/v1/corrections/{order.Id}/extension", new ExtendRequest { Reason = "机构申请延期。", WorkingDays = 10, Version = order.Version }))
            .ReadAsync<CorrectionDto>();
        await app.ScanAsync();
        Assert.Empty(await app.FlagsAsync(IntegrityRule.CorrectionExtendedRepeatedly, order.Id.ToString()));

        await (await wg.PostAsync($"/api/v1/corrections/{order.Id}/extension", new ExtendRequest { Reason = "再次申请延期。", WorkingDays = 10, Version = order.Version }))
            .ReadAsync<CorrectionDto>();
        await app.ScanAsync();

        var flag = Assert.Single(await app.FlagsAsync(IntegrityRule.CorrectionExtendedRepeatedly, order.Id.ToString()));
        var wgId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == DemoUsers.WorkingGroupBeijing).Select(u => u.Id).SingleAsync());
        Assert.Equal((wgId, 2, IntegrityRecordKind.CorrectionOrder), (flag.PersonId, flag.Facts.Count, flag.RecordKind));
    }

    [Fact]
    public async Task A_renewed_tolerated_deviation_is_flagged()
    {
        var app = await apps.StartAsync(DatabaseProvider.Sqlite);
        var projectId = await app.PilotAsync("容错续期");
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        var today = app.Today();
        var tolerated = await (await wg.PostAsync($"/api/v1/supervision/projects/{projectId}/tolerances", new ToleranceRequest
        {
            Deviation = "单日交易额偶超上限。",
            Rationale = "技术性偏差。",
            Conditions = "每周报送交易额。",
            ExpiresOn = today.AddDays(20),
        })).ReadAsync<ToleranceDto>(HttpStatusCode.Created);
        await app.ScanAsync();
        Assert.Empty(await app.FlagsAsync(IntegrityRule.ToleranceRenewed, tolerated.Id.ToString()));

        await (await wg.PostAsync($"/api/v1/tolerances/{tolerated.Id}/review",
            new ReviewRequest { Decision = ToleranceDecision.Renew, Note = "续期。", ExpiresOn = today.AddDays(50), Version = tolerated.Version })).ReadAsync<ToleranceDto>();
        await app.ScanAsync();

        var flag = Assert.Single(await app.FlagsAsync(IntegrityRule.ToleranceRenewed, tolerated.Id.ToString()));
        Assert.Equal((1, 1), (flag.Facts.Count, flag.Facts.Threshold));
    }

    [Fact]
    public async Task The_demo_pilots_renewed_tolerance_is_flagged()
    {
        var app = await apps.StartAsync(DatabaseProvider.Sqlite);
        await app.ScanAsync();

        var renewed = await app.WithDbAsync(db => db.ToleratedDeviations.AsNoTracking().Where(t => t.Term > 1).Select(t => t.Id).ToListAsync());
        Assert.NotEmpty(renewed);
        foreach (var id in renewed)
        {
            Assert.Single(await app.FlagsAsync(IntegrityRule.ToleranceRenewed, id.ToString()));
        }
    }

    [Theory, AllProviders]
    public async Task Two_scans_racing_raise_each_flag_once(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var projectId = await app.PilotAsync("并发扫描");
        var alerts = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            alerts.Add(await app.DismissedAlertAsync(projectId, $"wg-race-{i}", "x"));
        }

        await Task.WhenAll(app.ScanAsync(), app.ScanAsync(), app.ScanAsync());

        foreach (var alert in alerts)
        {
            Assert.Single(await app.FlagsAsync(IntegrityRule.AlertDismissedWithoutReason, alert.ToString()));
        }

        var audited = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.Action == Web.Features.Integrity.IntegrityActions.Raised).Select(a => a.ResourceId).ToListAsync());
        var flags = await app.WithDbAsync(db => db.IntegrityFlags.AsNoTracking().Where(f => f.ProjectId == projectId).Select(f => f.Id).ToListAsync());
        Assert.Equal(alerts.Count, flags.Count);
        Assert.All(flags, id => Assert.Single(audited, a => a == id.ToString()));
    }
}
