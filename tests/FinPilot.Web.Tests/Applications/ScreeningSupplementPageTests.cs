using System.Net;
using FinPilot.Domain.Calendar;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Applications;
using FinPilot.Web.Tests.Infrastructure;

namespace FinPilot.Web.Tests.Applications;

/// <summary>After a return for supplement, the working group's screening page says what it asked for and by when.</summary>
public sealed class ScreeningSupplementPageTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    [Theory, AllProviders]
    public async Task The_screening_page_shows_what_was_asked_and_the_deadline_while_waiting_and_when_screening_the_answer(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var applicant = await app.ApiClientAsync(DemoUsers.Applicant);
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        var id = await app.SubmittedAsync(applicant, "补正要求页面");
        using var session = await app.SignedInAsync(DemoUsers.WorkingGroupBeijing);
        Assert.DoesNotContain("data-testid=\"supplement-asked\"", await session.Client.GetStringAsync($"/screening/{id}"), StringComparison.Ordinal);

        await (await wg.PostAsync($"/api/v1/screening/{id}/start", new { })).AssertStatusAsync(HttpStatusCode.NoContent);
        await (await wg.PostAsync($"/api/v1/screening/{id}/return", new ScreeningApi.SupplementRequestDto(["数据安全评估报告", "应急处置预案"], 5))).AssertStatusAsync(HttpStatusCode.NoContent);
        var due = OfficialHolidaySchedules.Calendar.AddWorkingDays(ChinaTime.DateOf(app.Clock.GetUtcNow()), 5);

        var waiting = WebUtility.HtmlDecode(await session.Client.GetStringAsync($"/screening/{id}"));
        Assert.Contains("<li>数据安全评估报告</li>", waiting, StringComparison.Ordinal);
        Assert.Contains("<li>应急处置预案</li>", waiting, StringComparison.Ordinal);
        Assert.Contains($"补正期限：{due:yyyy-MM-dd}（5 个工作日）", waiting, StringComparison.Ordinal);
        Assert.Contains("等待申报机构补正后重新提交。", waiting, StringComparison.Ordinal);

        await applicant.SaveAsync(id, ApplicationTestKit.CompleteForm("补正要求页面") with { RiskAssessment = "补充：数据安全评估已完成。" });
        await (await applicant.PostAsync($"/api/v1/applications/{id}/submit", new { })).AssertStatusAsync(HttpStatusCode.OK);
        var answered = WebUtility.HtmlDecode(await session.Client.GetStringAsync($"/screening/{id}?culture=en"));
        Assert.Contains("<li>数据安全评估报告</li>", answered, StringComparison.Ordinal);
        Assert.Contains($"Deadline: {due:yyyy-MM-dd} (5 working days)", answered, StringComparison.Ordinal);
        Assert.Contains("The applicant resubmitted on", answered, StringComparison.Ordinal);

        // Another region's working group sees none of it.
        using var shanghai = await app.SignedInAsync(DemoUsers.WorkingGroupShanghai);
        using var other = await shanghai.GetAsync($"/screening/{id}");
        Assert.DoesNotContain("数据安全评估报告", await other.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
