using System.Net;
using FinPilot.Domain.Calendar;
using FinPilot.Domain.Corrections;
using FinPilot.Domain.Obligations;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Corrections;
using FinPilot.Web.Tests.Infrastructure;
using FinPilot.Web.Tests.Obligations;
using FinPilot.Web.Tests.Supervision;
using Microsoft.EntityFrameworkCore;
using static FinPilot.Web.Features.Corrections.CorrectionsApi;

namespace FinPilot.Web.Tests.Corrections;

/// <summary>
/// The working group's deadline to verify correction evidence (its own apps: it moves the clock to
/// the eve of a public holiday): owed in working days from the evidence, discharged on reject and close.
/// </summary>
public sealed class CorrectionVerificationTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    [Theory, AllProviders]
    public async Task Evidence_opens_a_verification_deadline_across_the_holiday_discharged_on_reject_and_close(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        // A public holiday on the next Tuesday but one (added to the calendar as the administrator would), and its eve, a Monday.
        var holiday = app.Today().AddDays(2);
        while (holiday.DayOfWeek != DayOfWeek.Tuesday)
        {
            holiday = holiday.AddDays(1);
        }

        using (var admin = await app.ApiClientAsync(DemoUsers.Admin))
        {
            var file = await (await admin.GetAsync($"/api/v1/calendar/{holiday.Year}/file")).Content.ReadAsStringAsync();
            var body = new StringContent($"{file.TrimEnd()}\n{holiday:yyyy-MM-dd},holiday,测试假日\n".TrimStart(), System.Text.Encoding.UTF8, "text/plain");
            (await admin.PutAsync($"/api/v1/calendar/{holiday.Year}", body)).EnsureSuccessStatusCode();
        }

        var calendar = await app.CalendarAsync();
        Assert.False(calendar.IsWorkingDay(holiday));
        var eve = holiday.AddDays(-1);
        var target = ChinaTime.StartOfDay(eve).AddHours(10).ToUniversalTime();
        if (target > app.Clock.GetUtcNow())
        {
            app.Clock.Advance(target - app.Clock.GetUtcNow());
        }

        var projectId = await app.AdmittedPilotAsync($"整改验收 {Guid.NewGuid():N}"[..14]);
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        using var applicant = await app.ApiClientAsync(DemoUsers.Applicant);
        var order = await (await wg.PostAsync($"/api/v1/supervision/projects/{projectId}/corrections", new IssueRequest
        {
            Findings = "客户适当性评估记录缺失。",
            Breach = "试点方案：适当性管理。",
            RequiredActions = "补齐评估记录并提交抽样清单。",
            Severity = CorrectionSeverity.Minor,
            WorkingDays = 10,
        })).ReadAsync<CorrectionDto>(HttpStatusCode.Created);
        order = await (await applicant.PostAsync($"/api/v1/corrections/{order.Id}/plan", new TextRequest { Text = "三日内补齐。", Version = order.Version })).ReadAsync<CorrectionDto>();

        var submittedAt = app.Clock.GetUtcNow();
        order = await (await applicant.PostAsync($"/api/v1/corrections/{order.Id}/evidence", new TextRequest { Text = "已补齐，附清单。", Version = order.Version })).ReadAsync<CorrectionDto>();
        var first = await VerificationAsync(app, projectId, $"{order.Id:N}:evidence:1");
        Assert.Equal(ObligationStatus.Open, first.Status);

        // Five working days from the eve of the holiday: the holiday is not counted, so the deadline lies beyond five weekdays.
        Assert.Equal(ObligationRules.Precise(calendar.DeadlineAfter(submittedAt, 5)), first.DueAt);
        var weekdaysOnly = ChinaTime.DateOf(submittedAt);
        for (var counted = 0; counted < 5;)
        {
            weekdaysOnly = weekdaysOnly.AddDays(1);
            counted += WorkingDayCalendar.IsWeekend(weekdaysOnly) ? 0 : 1;
        }

        Assert.True(ChinaTime.DateOf(first.DueAt) > weekdaysOnly, $"due {first.DueAt} should skip the holiday {holiday}");
        Assert.Equal(ObligationDuty.WorkingGroup, ObligationRules.DutyOf(first.Kind));

        // Rejected: the duty is discharged; the next evidence owes a new one; closing discharges that.
        // (The clock moved above wakes the leased jobs; the working group acts on the order as it reads it now.)
        order = await (await wg.GetAsync($"/api/v1/corrections/{order.Id}")).ReadAsync<CorrectionDto>();
        order = await (await wg.PostAsync($"/api/v1/corrections/{order.Id}/verification",
            new VerifyRequest { Verdict = CorrectionVerdict.Reject, Text = "清单不全。", WorkingDays = 5, Version = order.Version })).ReadAsync<CorrectionDto>();
        Assert.Equal(ObligationStatus.Fulfilled, (await VerificationAsync(app, projectId, $"{order.Id:N}:evidence:1")).Status);
        order = await (await applicant.PostAsync($"/api/v1/corrections/{order.Id}/evidence", new TextRequest { Text = "补充完整清单。", Version = order.Version })).ReadAsync<CorrectionDto>();
        Assert.Equal(ObligationStatus.Open, (await VerificationAsync(app, projectId, $"{order.Id:N}:evidence:2")).Status);
        await (await wg.PostAsync($"/api/v1/corrections/{order.Id}/verification",
            new VerifyRequest { Verdict = CorrectionVerdict.Close, Text = "验收通过。", Version = order.Version })).ReadAsync<CorrectionDto>();
        Assert.Equal(ObligationStatus.Fulfilled, (await VerificationAsync(app, projectId, $"{order.Id:N}:evidence:2")).Status);
    }

    private static Task<Obligation> VerificationAsync(FinPilotApp app, Guid projectId, string subject) =>
        app.WithDbAsync(db => db.Obligations.AsNoTracking().SingleAsync(o => o.ProjectId == projectId && o.Kind == ObligationKind.CorrectionVerification && o.Subject == subject));
}
