using System.Net;
using ClosedXML.Excel;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Applications;
using FinPilot.Web.Features.Audit;
using FinPilot.Web.Http;
using FinPilot.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Tests.Applications;

/// <summary>The working group's queue: submitted date and waiting days, sorting in SQL, and the XLSX of exactly what it may screen.</summary>
public sealed class ScreeningQueueListTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    [Theory, AllProviders]
    public async Task The_queue_sorts_by_waiting_and_exports_what_the_working_group_may_screen(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var applicant = await app.ApiClientAsync(DemoUsers.Applicant);
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        var marker = "排队" + Guid.NewGuid().ToString("N")[..6];
        var first = await app.SubmittedAsync(applicant, marker + "一期");
        app.Clock.Advance(TimeSpan.FromDays(3));
        var second = await app.SubmittedAsync(applicant, marker + "二期");

        var waiting = await (await wg.GetAsync($"/api/v1/screening?q={marker}&sort=Waiting")).ReadAsync<Page<ScreeningApi.ScreeningRowDto>>();
        Assert.Equal([first, second], waiting.Items.Select(r => r.Project.Id));
        Assert.All(waiting.Items, r => Assert.NotNull(r.SubmittedAt));
        Assert.True(waiting.Items[0].SubmittedAt < waiting.Items[1].SubmittedAt);
        var latest = await (await wg.GetAsync($"/api/v1/screening?q={marker}&sort=Submitted")).ReadAsync<Page<ScreeningApi.ScreeningRowDto>>();
        Assert.Equal([second, first], latest.Items.Select(r => r.Project.Id));
        var byName = await (await wg.GetAsync($"/api/v1/screening?q={marker}&sort=Name")).ReadAsync<Page<ScreeningApi.ScreeningRowDto>>();
        Assert.Equal([first, second], byName.Items.Select(r => r.Project.Id));

        using var file = await wg.GetAsync($"/api/v1/screening/export.xlsx?q={marker}&sort=Waiting");
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        using (var workbook = new XLWorkbook(await file.Content.ReadAsStreamAsync()))
        {
            var sheet = workbook.Worksheets.First();
            Assert.Equal("提交时间", sheet.Cell(1, 7).GetString());
            Assert.Equal([marker + "一期", marker + "二期"], sheet.RowsUsed().Skip(1).Select(r => r.Cell(1).GetString()));
            // Waiting days on the day of export: the first waited three days longer.
            Assert.Equal(3, sheet.Cell(2, 8).GetValue<int>() - sheet.Cell(3, 8).GetValue<int>());
        }

        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditActions.ScreeningQueueExported)));

        // Shanghai's working group screens nothing of Beijing's; an applicant screens nothing at all.
        using var shanghai = await app.ApiClientAsync(DemoUsers.WorkingGroupShanghai);
        using var other = await shanghai.GetAsync($"/api/v1/screening/export.xlsx?q={marker}");
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        using (var workbook = new XLWorkbook(await other.Content.ReadAsStreamAsync()))
        {
            Assert.Single(workbook.Worksheets.First().RowsUsed());
        }

        await (await applicant.GetAsync($"/api/v1/screening/export.xlsx?q={marker}")).ReadProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().GetAsync("/api/v1/screening/export.xlsx")).StatusCode);
    }

    [Theory, AllProviders]
    public async Task The_queue_page_shows_submission_waiting_and_an_export_of_the_same_filter(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var applicant = await app.ApiClientAsync(DemoUsers.Applicant);
        var marker = "页面" + Guid.NewGuid().ToString("N")[..6];
        await app.SubmittedAsync(applicant, marker);

        using var session = await app.SignedInAsync(DemoUsers.WorkingGroupBeijing);
        using var response = await session.GetAsync($"/screening?q={marker}&sort=Waiting");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(marker, html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"col\">已等待</th>", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"screening-waiting\">0 天</td>", html, StringComparison.Ordinal);
        Assert.Contains($"api/v1/screening/export.xlsx?q={Uri.EscapeDataString(marker)}&amp;sort=Waiting", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"Waiting\" selected", html, StringComparison.Ordinal);
    }
}
