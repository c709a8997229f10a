using System.Net;
using ClosedXML.Excel;
using FinPilot.Domain.Alerts;
using FinPilot.Domain.Corrections;
using FinPilot.Domain.Obligations;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Statistics;
using FinPilot.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Tests.Statistics;

/// <summary>Supervision in figures: counted as the records say, per region the reader may see, and shown to staff only.</summary>
public sealed class SupervisionFiguresTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    [Theory, AllProviders]
    public async Task The_figures_count_reports_alerts_and_corrections_as_the_records_say(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var now = app.Clock.GetUtcNow();
        var beijing = await app.WithDbAsync(db => db.Regions.Where(r => r.Code == "BJ").Select(r => r.Id).SingleAsync());
        var regions = await app.WithDbAsync(db => db.Regions.Select(r => r.Id).ToListAsync());

        // Expected, from the rows themselves (read whole: a test may, the platform may not).
        var obligations = await app.WithDbAsync(db => db.Obligations.AsNoTracking().Where(o => o.Kind == ObligationKind.PeriodicReport).ToListAsync());
        var alerts = await app.WithDbAsync(db => db.Alerts.AsNoTracking().ToListAsync());
        var orders = await app.WithDbAsync(db => db.CorrectionOrders.AsNoTracking().ToListAsync());
        DeadlineCounts Reports(int region) => Count(
            obligations.Where(o => o.RegionId == region).Select(o => (o.Status == ObligationStatus.Fulfilled, o.Status == ObligationStatus.Open, o.ClosedAt, o.DueAt)), now);
        DeadlineCounts Corrections(int region) => Count(
            orders.Where(c => c.RegionId == region).Select(c => (c.Status == CorrectionStatus.Closed, c.IsOpen, c.ClosedAt, c.DueAt)), now);
        SeverityCounts[] Alerts(int region) => [.. Enum.GetValues<AlertSeverity>().Select(s => new SeverityCounts(
            s,
            alerts.Count(a => a.RegionId == region && a.Severity == s && a.Status is AlertStatus.Open or AlertStatus.Acknowledged),
            alerts.Count(a => a.RegionId == region && a.Severity == s && a.Status is not (AlertStatus.Open or AlertStatus.Acknowledged))))];
        Assert.True(Reports(beijing).OnTime + Reports(beijing).Late + Reports(beijing).Overdue + Reports(beijing).Pending > 0, "the demo has Beijing reports due");
        Assert.True(Corrections(beijing).OnTime + Corrections(beijing).Late > 0, "the demo has a closed Beijing correction");

        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        var own = await (await wg.GetAsync("/api/v1/statistics/supervision")).ReadAsync<SupervisionAggregateReport>();
        var row = Assert.Single(own.Regions);
        Assert.Equal(beijing, row.RegionId);
        Assert.Equal(Reports(beijing), row.Reports);
        Assert.Equal(Corrections(beijing), row.Corrections);
        Assert.Equal(Alerts(beijing), row.Alerts);

        using var coordination = await app.ApiClientAsync(DemoUsers.Coordination);
        var all = await (await coordination.GetAsync("/api/v1/statistics/supervision")).ReadAsync<SupervisionAggregateReport>();
        Assert.Equal(regions.Order(), all.Regions.Select(r => r.RegionId));
        Assert.Equal(regions.Select(Reports).Aggregate((a, b) => a + b), all.Total.Reports);
        Assert.Equal(regions.Select(Corrections).Aggregate((a, b) => a + b), all.Total.Corrections);
        Assert.Equal(alerts.Count, all.Total.Alerts.Sum(a => a.Open + a.Closed));

        using var file = await coordination.GetAsync("/api/v1/statistics/supervision.xlsx");
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        using var workbook = new XLWorkbook(await file.Content.ReadAsStreamAsync());
        var total = workbook.Worksheets.First().RowsUsed().Last();
        Assert.Equal("合计", total.Cell(1).GetString());
        Assert.Equal(all.Total.Corrections.OnTime, total.Cell(8).GetValue<int>());
    }

    [Theory, AllProviders]
    public async Task Only_staff_see_the_figures_and_a_working_group_only_its_region(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var beijing = await app.WithDbAsync(db => db.Regions.Where(r => r.Code == "BJ").Select(r => r.Id).SingleAsync());

        using var shanghai = await app.ApiClientAsync(DemoUsers.WorkingGroupShanghai);
        await (await shanghai.GetAsync($"/api/v1/statistics/supervision?regionId={beijing}")).ReadProblemAsync(HttpStatusCode.Forbidden);
        using var applicant = await app.ApiClientAsync(DemoUsers.Applicant);
        await (await applicant.GetAsync("/api/v1/statistics/supervision")).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await applicant.GetAsync("/api/v1/statistics/supervision.xlsx")).ReadProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().GetAsync("/api/v1/statistics/supervision")).StatusCode);

        // The public page: the section for the working group, not for a visitor or an applicant.
        const string Section = "data-testid=\"supervision-figures\"";
        Assert.DoesNotContain(Section, await app.Anonymous().GetStringAsync("/statistics"), StringComparison.Ordinal);
        using (var session = await app.SignedInAsync(DemoUsers.Applicant))
        {
            Assert.DoesNotContain(Section, await (await session.GetAsync("/statistics")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var session = await app.SignedInAsync(DemoUsers.WorkingGroupBeijing))
        {
            var html = await (await session.GetAsync("/statistics")).Content.ReadAsStringAsync();
            Assert.Contains(Section, html, StringComparison.Ordinal);
            Assert.Contains($"<tr data-region=\"{beijing}\">", html, StringComparison.Ordinal);
            Assert.Single(html.Split("<tr data-region=\"").Skip(1).Select(s => s[..s.IndexOf('"', StringComparison.Ordinal)]).Where(id => id != "0").Distinct());
        }
    }

    private static DeadlineCounts Count(IEnumerable<(bool Done, bool Open, DateTimeOffset? ClosedAt, DateTimeOffset DueAt)> items, DateTimeOffset now)
    {
        var list = items.ToList();
        return new DeadlineCounts(
            list.Count(i => i.Done && i.ClosedAt <= i.DueAt),
            list.Count(i => i.Done && i.ClosedAt > i.DueAt),
            list.Count(i => i.Open && i.DueAt < now),
            list.Count(i => i.Open && i.DueAt >= now));
    }
}
