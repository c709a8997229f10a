using FinPilot.Web.Data;
using FinPilot.Web.Features.Supervision;
using FinPilot.Web.Tests.Disposal;
using FinPilot.Web.Tests.Infrastructure;

namespace FinPilot.Web.Tests.Supervision;

/// <summary>The project's own emergency plan (应急处置预案), from its application, attached read-only to its supervision plan.</summary>
public sealed class SupervisionEmergencyPlanTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    private const string EmergencyPlan = "一、系统故障时两小时内切换至备用系统；二、出现大规模投诉时暂停新增客户并报告工作组。";

    [Theory, AllProviders]
    public async Task The_supervision_plan_shows_the_emergency_plan_of_the_application(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var (projectId, _) = await app.SupervisedPilotAsync($"应急预案 {Guid.NewGuid():N}"[..13]);
        await app.WriteApplicationAsync(projectId, f => f with { EmergencyPlan = EmergencyPlan });

        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        var plan = await (await wg.GetAsync($"/api/v1/supervision/projects/{projectId}/plan")).ReadAsync<SupervisionApi.PlanDto>();
        Assert.Equal(EmergencyPlan, plan.EmergencyPlan);

        using var page = await app.SignedInAsync(DemoUsers.Applicant);
        var html = await (await page.GetAsync($"/supervision/projects/{projectId}")).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"plan-emergency-plan\"", html);
        Assert.Contains(EmergencyPlan, html);
    }

    [Theory, AllProviders]
    public async Task A_plan_whose_application_has_no_emergency_plan_says_so(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var (projectId, plan) = await app.SupervisedPilotAsync($"无应急预案 {Guid.NewGuid():N}"[..14]);
        Assert.Null(plan.EmergencyPlan);

        using var page = await app.SignedInAsync(DemoUsers.WorkingGroupBeijing);
        var html = await (await page.GetAsync($"/supervision/projects/{projectId}")).Content.ReadAsStringAsync();
        Assert.Contains("申请书未填写应急处置预案。", html);
    }
}
