using System.Net;
using System.Net.Http.Json;
using System.Text;
using FinPilot.Domain.Calendar;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Calendar;
using FinPilot.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Tests.Calendar;

/// <summary>The stored working-day calendar: seeded, counted with, imported by the admin only, every error by line.</summary>
public sealed class CalendarTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    [Theory, AllProviders]
    public async Task The_official_schedules_are_there_from_the_start(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var client = await app.ApiClientAsync(DemoUsers.Applicant);

        var year = await (await client.GetAsync("/api/v1/calendar/2025")).ReadAsync<CalendarApi.CalendarYearDto>();

        Assert.True(year.Covered);
        Assert.Equal(OfficialHolidaySchedules.Calendar.Days.Count(d => d.Date.Year == 2025), year.Days.Count);
        Assert.Contains(new CalendarApi.CalendarDayDto(new DateOnly(2025, 10, 1), CalendarDayKind.Holiday, "国庆节、中秋节"), year.Days);
        Assert.Contains(new CalendarApi.CalendarDayDto(new DateOnly(2025, 9, 28), CalendarDayKind.AdjustedWorkingDay, "国庆节调休"), year.Days);
    }

    [Theory, AllProviders]
    public async Task Working_days_are_counted_across_national_day_2025(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var client = await app.ApiClientAsync(DemoUsers.Applicant);

        async Task<DateOnly> AddAsync(string from, int add) =>
            (await (await client.GetAsync($"/api/v1/calendar/working-days?from={from}&add={add}")).ReadAsync<CalendarApi.WorkingDaysDto>()).Date;

        // 10/1–10/8 off; Sun 9/28 and Sat 10/11 worked; the start day never counts.
        Assert.Equal(new DateOnly(2025, 9, 28), await AddAsync("2025-09-26", 1));
        Assert.Equal(new DateOnly(2025, 10, 9), await AddAsync("2025-09-30", 1));
        Assert.Equal(new DateOnly(2025, 10, 14), await AddAsync("2025-09-30", 5));
        using var negative = await client.GetAsync("/api/v1/calendar/working-days?from=2025-09-30&add=-1");
        await negative.ReadProblemAsync(HttpStatusCode.BadRequest);
    }

    [Theory, AllProviders]
    public async Task A_valid_file_replaces_the_year_and_is_audited(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var admin = await app.ApiClientAsync(DemoUsers.Admin);

        var first = await (await Put(admin, 2030, "2030-10-01,holiday,国庆节\n2030-10-02,holiday,国庆节\n")).ReadAsync<CalendarImportSummary>();
        var second = await (await Put(admin, 2030, "# 更正\n2030-10-01,holiday,国庆节\n2030-09-29,workday,国庆节调休\n")).ReadAsync<CalendarImportSummary>();
        var year = await (await admin.GetAsync("/api/v1/calendar/2030")).ReadAsync<CalendarApi.CalendarYearDto>();
        var working = await (await admin.GetAsync("/api/v1/calendar/working-days?from=2030-09-27&add=1")).ReadAsync<CalendarApi.WorkingDaysDto>();
        var audited = await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "calendar.imported" && e.ResourceId == "2030"));

        Assert.Equal((2, 0, 0), (first.Added, first.Changed, first.Removed));
        Assert.Equal((1, 0, 1), (second.Added, second.Changed, second.Removed));
        Assert.Equal([new DateOnly(2030, 9, 29), new DateOnly(2030, 10, 1)], year.Days.Select(d => d.Date));
        Assert.Equal(new DateOnly(2030, 9, 29), working.Date);
        Assert.Equal(2, audited);
    }

    [Theory, AllProviders]
    public async Task An_invalid_file_is_refused_whole_with_each_error_by_line_in_the_callers_language(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var admin = await app.ApiClientAsync(DemoUsers.Admin);
        const string file = "2031-10-01,holiday,国庆节\n2031-02-30,holiday,坏日期\n# 注释\n2031-10-06,workday,周一\n2032-01-01,holiday,元旦\n";

        using var chinese = await Put(admin, 2031, file, "zh-CN");
        using var english = await Put(admin, 2031, file, "en");
        var year = await (await admin.GetAsync("/api/v1/calendar/2031")).ReadAsync<CalendarApi.CalendarYearDto>();

        Assert.Equal(
            [
                "第 2 行：“2031-02-30”不是 yyyy-MM-dd 格式的有效日期。",
                "第 4 行：2031-10-06 是周一至周五，本来就是工作日；调休上班日必须是周六或周日。",
                "第 5 行：2032-01-01 不在 2031 年内。",
            ],
            (await chinese.ReadProblemAsync(HttpStatusCode.BadRequest)).Errors["File"]);
        var englishErrors = (await english.ReadProblemAsync(HttpStatusCode.BadRequest)).Errors["File"];
        Assert.Equal(["Line 2:", "Line 4:", "Line 5:"], englishErrors.Select(e => e[..7]));
        Assert.Equal("Line 5: 2032-01-01 is not in 2031.", englishErrors[2]);
        Assert.False(year.Covered);
    }

    [Theory, AllProviders]
    public async Task Only_a_platform_admin_may_import(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var workingGroup = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);

        using var response = await Put(workingGroup, 2033, "2033-10-01,holiday,国庆节\n");

        await response.ReadProblemAsync(HttpStatusCode.Forbidden);
        Assert.False(await app.WithDbAsync(db => db.CalendarDays.AnyAsync(d => d.Date == new DateOnly(2033, 10, 1))));
    }

    [Theory, AllProviders]
    public async Task The_admin_page_adds_and_after_confirmation_removes_a_day(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var session = await app.SignedInAsync(DemoUsers.Admin);

        var page = await session.Client.GetStringAsync("/admin/calendar?year=2034");
        var add = Notifications.NotificationTestData.FormFields(page, "add-day");
        add["Add.Date"] = "2034-10-01";
        add["Add.Kind"] = nameof(CalendarDayKind.Holiday);
        add["Add.Name"] = "国庆节";
        using var added = await session.Client.PostAsync("/admin/calendar?year=2034", new FormUrlEncodedContent(add));
        var confirm = await session.Client.GetStringAsync("/admin/calendar?year=2034&remove=2034-10-01");
        using var removed = await session.Client.PostAsync(
            "/admin/calendar?year=2034&remove=2034-10-01", new FormUrlEncodedContent(Notifications.NotificationTestData.FormFields(confirm, "confirm-remove")));
        var actions = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.ResourceId == "2034-10-01").Select(e => e.Action).ToListAsync());

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Contains("确定从日历中删除 2034-10-01（放假）吗？", confirm, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.CalendarDays.AnyAsync(d => d.Date == new DateOnly(2034, 10, 1))));
        Assert.Equal(["calendar.day-added", "calendar.day-removed"], actions.Order());
    }

    [Theory, AllProviders]
    public async Task The_admin_page_shows_import_errors_by_line_in_english(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var session = await app.SignedInAsync(DemoUsers.Admin);
        using var _ = await session.GetAsync("/culture?c=en&returnUrl=/");

        var page = await session.Client.GetStringAsync("/admin/calendar?year=2035");
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in Notifications.NotificationTestData.FormFields(page, "import-form"))
        {
            form.Add(new StringContent(value), name);
        }

        form.Add(new StringContent(string.Empty), "ImportText");
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes("2035-10-01,holiday,国庆节\n2035-10-01,holiday,重复\n"));
        file.Headers.ContentType = new("text/plain");
        form.Add(file, "ImportFile", "calendar.txt");
        using var response = await session.Client.PostAsync("/admin/calendar?year=2035", form);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Line 2: 2035-10-01 is already listed on line 1.", html, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.CalendarDays.AnyAsync(d => d.Date.Year == 2035)));
    }

    private static Task<HttpResponseMessage> Put(HttpClient client, int year, string file, string? language = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/calendar/{year}") { Content = new StringContent(file, Encoding.UTF8, "text/plain") };
        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }

        return client.SendAsync(request);
    }
}
