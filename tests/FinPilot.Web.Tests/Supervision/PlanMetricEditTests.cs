using System.Net;
using FinPilot.Domain.Supervision;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Supervision;
using FinPilot.Web.Tests.Infrastructure;
using FinPilot.Web.Tests.Notifications;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Tests.Supervision;

/// <summary>
/// The working group adds and removes a plan's metric definitions: removing one that has samples
/// retires it (samples kept), one without samples goes; each change is a revision, audited; the page's
/// add-metric form validates in the reader's language.
/// </summary>
public sealed class PlanMetricEditTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    private static string PlanOf(Guid projectId) => $"/api/v1/supervision/projects/{projectId}/plan";

    [Theory, AllProviders]
    public async Task Removing_a_metric_with_samples_retires_it_and_keeps_its_samples(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var (projectId, plan) = await app.SupervisedPilotAsync($"指标停用 {Guid.NewGuid():N}"[..16]);
        Assert.True(plan.Terms.Metrics.Count >= 2);
        var sampled = plan.Terms.Metrics[0];
        var unsampled = plan.Terms.Metrics[1];
        var start = plan.Terms.Parameters.StartsOn;
        await app.WithDbAsync(db =>
        {
            db.MetricSamples.Add(SupervisionTestKit.Machine(projectId, sampled.Code, start, start.AddMonths(1).AddDays(-1), 12, app.Clock.GetUtcNow()));
            return db.SaveChangesAsync();
        });

        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        var without = plan.Terms with { Metrics = [.. plan.Terms.Metrics.Skip(2)] };
        var after = await (await wg.PutAsync(PlanOf(projectId), new SupervisionApi.ConfirmRequest(without, "停用两项指标", plan.Version))).ReadAsync<SupervisionApi.PlanDto>();

        var retired = Assert.Single(after.Terms.Metrics, m => m.Code == sampled.Code);
        Assert.True(retired.Retired);
        Assert.DoesNotContain(after.Terms.Metrics, m => m.Code == unsampled.Code);
        Assert.Null(after.Terms.Metric(sampled.Code));
        Assert.Equal(1, await app.WithDbAsync(db => db.MetricSamples.CountAsync(s => s.ProjectId == projectId && s.MetricCode == sampled.Code)));
        Assert.Equal(plan.Revision + 1, after.Revision);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == SupervisionActions.PlanConfirmed && a.ResourceId == after.Id.ToString())));

        // Put back, it is active again.
        var back = after.Terms with { Metrics = [.. after.Terms.Metrics.Select(m => m with { Retired = false })] };
        var again = await (await wg.PutAsync(PlanOf(projectId), new SupervisionApi.ConfirmRequest(back, "恢复指标", after.Version))).ReadAsync<SupervisionApi.PlanDto>();
        Assert.NotNull(again.Terms.Metric(sampled.Code));
    }

    [Theory, AllProviders]
    public async Task The_plan_page_adds_a_metric_and_explains_a_bad_one_in_the_readers_language(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var (projectId, plan) = await app.SupervisedPilotAsync($"指标新增 {Guid.NewGuid():N}"[..16]);
        using var wg = await app.SignedInAsync(DemoUsers.WorkingGroupBeijing);

        var added = await PostPlanFormAsync(wg, projectId, plan, "app_downloads", string.Empty);
        await added.AssertStatusAsync(HttpStatusCode.OK);
        using var api = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        var now = await (await api.GetAsync(PlanOf(projectId))).ReadAsync<SupervisionApi.PlanDto>();
        var metric = Assert.Single(now.Terms.Metrics, m => m.Code == "app_downloads");
        Assert.Equal(("应用下载量", "App downloads", "次", MetricKind.Counter, MetricDirection.HigherIsBetter, 10.0),
            (metric.NameZh, metric.NameEn, metric.Unit, metric.Kind, metric.Direction, metric.LowerLimit));
        Assert.Equal(plan.Revision + 1, now.Revision);

        var zh = await (await PostPlanFormAsync(wg, projectId, now, "Bad Code", string.Empty)).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"form-errors\"", zh, StringComparison.Ordinal);
        Assert.Contains("Bad Code", zh, StringComparison.Ordinal);
        Assert.Contains("小写字母开头", zh, StringComparison.Ordinal);
        var en = await (await PostPlanFormAsync(wg, projectId, now, "Bad Code", "?culture=en")).Content.ReadAsStringAsync();
        Assert.Contains("lower-case letter, then lower-case letters", en, StringComparison.Ordinal);
        Assert.Equal(now.Revision, (await (await api.GetAsync(PlanOf(projectId))).ReadAsync<SupervisionApi.PlanDto>()).Revision);
    }

    private static async Task<HttpResponseMessage> PostPlanFormAsync(BrowserSession session, Guid projectId, SupervisionApi.PlanDto plan, string code, string query)
    {
        var path = $"/supervision/projects/{projectId}{query}";
        var html = await session.Client.GetStringAsync(path);
        var fields = NotificationTestData.FormFields(html, "plan-form").ToList();
        var terms = plan.Terms;
        fields.AddRange(terms.Metrics.Where(m => !m.Retired).Select(m => new KeyValuePair<string, string>("Metric", m.Code)));
        fields.AddRange(new Dictionary<string, string>
        {
            ["Frequency"] = ((int)terms.ReportFrequency).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["CustomerCap"] = terms.Parameters.CustomerCap?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
            ["Scope"] = terms.Parameters.Scope,
            ["NewCode"] = code,
            ["NewNameZh"] = "应用下载量",
            ["NewNameEn"] = "App downloads",
            ["NewUnit"] = "次",
            ["NewKind"] = ((int)MetricKind.Counter).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["NewFrequency"] = ((int)ReportFrequency.Monthly).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["NewDirection"] = ((int)MetricDirection.HigherIsBetter).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["NewLower"] = "10",
            ["Reason"] = "新增指标",
        });
        return await session.Client.PostAsync(path, new FormUrlEncodedContent(fields));
    }
}
