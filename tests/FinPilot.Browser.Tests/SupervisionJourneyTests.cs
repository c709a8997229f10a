using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using FinPilot.Browser.Tests.Infrastructure;
using FinPilot.Browser.Tests.Pages;
using FinPilot.Domain.Applications;
using FinPilot.Domain.Metrics;
using FinPilot.Domain.Projects;
using FinPilot.Domain.Supervision;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Applications;
using FinPilot.Web.Features.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace FinPilot.Browser.Tests;

/// <summary>
/// Issue 16's journey: the applicant submits a report, metrics arrive by API, a cap breach raises an
/// alert, the working group triages it.
/// </summary>
public sealed class SupervisionJourneyTests(BrowserApp app)
{
    private const string Actor = "browser-test";
    private const string Organisation = "京华证券股份有限公司";
    private const int CustomerCap = 300;

    [Fact]
    public async Task The_applicant_reports_the_machine_sends_metrics_a_cap_breach_raises_an_alert_and_the_working_group_escalates_it()
    {
        var applicant = await app.NewPageAsync();
        var title = $"跨境支付监管沙盒试点 {Guid.NewGuid():N}"[..24];
        var (projectId, startsOn, secret) = await SupervisedPilotAsync(title);

        // The applicant reports on the latest period that has ended.
        await new LoginPage(applicant).SignInAsync("applicant@demo.finpilot.cn");
        var supervision = new SupervisionPages(applicant);
        await supervision.OpenProjectAsync(projectId);
        await Assertions.Expect(applicant.Locator("h1")).ToContainTextAsync(title);
        await supervision.StartLastEndedReportAsync("待报送");
        await Assertions.Expect(supervision.ReportStatus).ToHaveTextAsync("草稿");
        await supervision.SubmitReportAsync("本月新增专业投资者客户，系统运行平稳，未发生投诉。");
        await Assertions.Expect(supervision.Errors).ToHaveCountAsync(0);
        await Assertions.Expect(supervision.ReportStatus).ToHaveTextAsync("已提交，待审阅");

        // The institution's system sends the month's customer count, above the approved cap.
        var periodEnd = startsOn.AddMonths(1).AddDays(-1);
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/supervision/projects/{projectId}/metrics")
        {
            Content = new StringContent(Batch(startsOn, periodEnd, 350), Encoding.UTF8, "application/cloudevents-batch+json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        using var answer = JsonDocument.Parse(body);
        Assert.Equal(1, answer.RootElement.GetProperty("accepted").GetInt32());
        Assert.Equal(0, answer.RootElement.GetProperty("rejected").GetInt32());
        Assert.Equal("accepted", answer.RootElement.GetProperty("events")[0].GetProperty("status").GetString());

        // Beijing's working group finds the alert and triages it.
        var workingGroup = await app.NewPageAsync();
        await new LoginPage(workingGroup).SignInAsync("wg.beijing@demo.finpilot.cn");
        var alerts = new AlertPages(workingGroup);
        await alerts.OpenListAsync("客户数超出上限");
        await Assertions.Expect(alerts.RowOf(title)).ToHaveCountAsync(1);
        await Assertions.Expect(alerts.RowOf(title)).ToContainTextAsync("客户数超出上限");
        await Assertions.Expect(alerts.RowOf(title)).ToContainTextAsync("待处理");
        await alerts.OpenAsync(title);
        await Assertions.Expect(workingGroup.Locator("h1")).ToHaveTextAsync("客户数超出上限");
        await Assertions.Expect(alerts.Status).ToHaveTextAsync("待处理");
        await Assertions.Expect(alerts.Evidence).ToContainTextAsync("350");
        await Assertions.Expect(alerts.Evidence).ToContainTextAsync(CustomerCap.ToString(CultureInfo.InvariantCulture));

        await alerts.AcknowledgeAsync();
        await Assertions.Expect(alerts.Status).ToHaveTextAsync("已确认");
        await Assertions.Expect(alerts.Done).ToBeVisibleAsync();

        // Escalating asks for the confirmation first.
        await alerts.EscalateAsync("客户数超出批准上限，提请协调小组研究。", confirm: false);
        await Assertions.Expect(alerts.Status).ToHaveTextAsync("已确认");
        await alerts.EscalateAsync("客户数超出批准上限，提请协调小组研究。");
        await Assertions.Expect(alerts.Status).ToHaveTextAsync("已升级");

        await alerts.OpenListAsync("客户数超出上限");
        await Assertions.Expect(alerts.RowOf(title)).ToContainTextAsync("已升级");
    }

    /// <summary>One CloudEvents 1.0 batch of one customer count.</summary>
    private string Batch(DateOnly start, DateOnly end, int customers) =>
        JsonSerializer.Serialize(new[]
        {
            new Dictionary<string, object>
            {
                ["specversion"] = "1.0",
                ["id"] = Guid.NewGuid().ToString(),
                ["source"] = "https://jinghua.example/metrics",
                ["type"] = "cn.finpilot.supervision.metric.v1",
                ["time"] = app.Clock.GetUtcNow().AddMinutes(-1).ToString("O", CultureInfo.InvariantCulture),
                ["dataschema"] = "urn:finpilot:supervision:metric:v1",
                ["datacontenttype"] = "application/json",
                ["data"] = new Dictionary<string, object>
                {
                    ["metric"] = "customers",
                    ["value"] = customers,
                    ["periodStart"] = start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    ["periodEnd"] = end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                },
            },
        });

    /// <summary>
    /// A Beijing pilot of the demo applicant's institution, admitted three months ago with a customer
    /// cap, its plan drafted and confirmed, and an API client of the institution (with its secret).
    /// </summary>
    private async Task<(Guid ProjectId, DateOnly StartsOn, string Secret)> SupervisedPilotAsync(string title)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<FinPilotDbContext>();
        var now = app.Clock.GetUtcNow();
        var beijing = await db.Regions.SingleAsync(r => r.Code == "BJ");
        var call = await db.Calls.Where(c => c.RegionId == beijing.Id).OrderBy(c => c.BatchNumber).FirstAsync();
        var organisation = await db.Organisations.SingleAsync(o => o.NameZh == Organisation);
        var applied = call.ClosesAt.AddDays(-30);
        var project = PilotProject.Create(Guid.CreateVersion7(), call.Id, call.RegionId, organisation.Id, ProjectCategory.BusinessInnovation, title, applied, Actor).ValueOrThrow();
        var version = ApplicationVersionRecord.Open(project.Id, 1, new ApplicationForm
        {
            Name = title,
            TestScope = "北京地区，仅限专业投资者。",
            CustomerLimit = CustomerCap,
            DurationMonths = 12,
        }, applied, Actor);
        Assert.True(project.Submit(applied, Actor, call.ClosesAt).Succeeded);
        version.Freeze(applied);
        project.StartScreening(applied, Actor);
        project.Accept(applied, Actor);
        project.CompleteEvaluation(applied, Actor);
        project.Approve(applied, Actor);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var starts = new DateOnly(today.Year, today.Month, 1).AddMonths(-3);
        Assert.True(project.Admit(now, Actor, new PilotStart(starts, starts.AddYears(1).AddDays(-1), CustomerCap)).Succeeded);
        db.Projects.Add(project);
        db.ApplicationVersions.Add(version);

        var plan = SupervisionPlan.Draft(project, SupervisionDefaults.For(project, "北京地区，仅限专业投资者。"), now).ValueOrThrow();
        var confirmed = plan.Confirm(plan.Terms, now, "wg");
        Assert.True(confirmed.Succeeded, string.Join("; ", confirmed.Errors.Select(e => e.Code)));
        db.SupervisionPlans.Add(plan);
        db.SupervisionPlanRevisions.Add(SupervisionPlanRevision.Of(plan, "按申报方案确认"));

        var (client, secret) = ApiClient.Create(organisation.Id, "test", 30, now, "test").ValueOrThrow();
        db.ApiClients.Add(client);
        await db.SaveChangesAsync();
        return (project.Id, starts, secret);
    }
}
