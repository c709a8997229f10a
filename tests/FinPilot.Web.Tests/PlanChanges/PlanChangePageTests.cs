using System.Net;
using FinPilot.Domain.PlanChanges;
using FinPilot.Web.Data;
using FinPilot.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Tests.PlanChanges;

/// <summary>The plan-change pages: field-by-field comparison and route in words, the confirmation step, the request form, refusals.</summary>
public sealed class PlanChangePageTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    [Theory, AllProviders]
    public async Task The_working_group_reads_the_change_in_words_and_decides_only_after_confirming(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var (pilot, plan) = await app.PilotAsync("变更页面");
        using var applicantApi = await app.ApiClientAsync(DemoUsers.Applicant);
        var change = await applicantApi.RequestAsync(pilot.Id, app.Proposal(plan, customerCap: 150));
        using var wg = await app.SignedInAsync(DemoUsers.WorkingGroupBeijing);
        var path = $"/plan-changes/{change.Id}";

        var html = await (await wg.GetAsync(path)).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"comparison\"", html);
        Assert.Contains("客户数量上限", html);
        Assert.Contains("一般变更（地区工作组决定）", html);
        Assert.Contains("data-testid=\"decide\"", html);
        Assert.DoesNotContain("data-testid=\"withdraw\"", html);
        foreach (var code in new[] { ">CustomerCap<", ">Minor<", ">AwaitingWorkingGroup<", ">WithinMinorLimits<" })
        {
            Assert.DoesNotContain(code, html);
        }

        using (var unconfirmed = await wg.SubmitAsync(path, path, new Dictionary<string, string> { ["Approve"] = "true", ["Text"] = "同意" }))
        {
            await unconfirmed.AssertStatusAsync(HttpStatusCode.OK);
        }

        Assert.Equal(PlanChangeStatus.AwaitingWorkingGroup, await StatusAsync(app, change.Id));
        using (var confirmed = await wg.SubmitAsync(path, path, new Dictionary<string, string> { ["Approve"] = "true", ["Text"] = "同意降低客户上限", ["Confirm"] = "true" }))
        {
            await confirmed.AssertStatusAsync(HttpStatusCode.OK);
            Assert.Contains("data-testid=\"done\"", await confirmed.Content.ReadAsStringAsync());
        }

        Assert.Equal(PlanChangeStatus.Approved, await StatusAsync(app, change.Id));
    }

    [Theory, AllProviders]
    public async Task The_institution_sees_its_parameters_history_and_the_request_form_and_another_region_is_refused(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var (pilot, _) = await app.PilotAsync("变更申请页面");
        using var applicant = await app.SignedInAsync(DemoUsers.Applicant);
        using var shanghai = await app.SignedInAsync(DemoUsers.WorkingGroupShanghai);
        var path = $"/plan-changes/projects/{pilot.Id}";

        var html = await (await applicant.GetAsync(path + "?culture=en")).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"current-parameters\"", html);
        Assert.Contains("data-testid=\"history-row\"", html);
        Assert.Contains("data-testid=\"preview-submit\"", html);
        Assert.Contains("Customer cap", html);

        using var wg = await app.SignedInAsync(DemoUsers.WorkingGroupBeijing);
        var wgHtml = await (await wg.GetAsync(path)).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"current-parameters\"", wgHtml);
        Assert.DoesNotContain("data-testid=\"request\"", wgHtml);

        var refused = await (await shanghai.GetAsync(path)).Content.ReadAsStringAsync();
        Assert.DoesNotContain("data-testid=\"current-parameters\"", refused);
    }

    private static Task<PlanChangeStatus> StatusAsync(FinPilotApp app, Guid id) =>
        app.WithDbAsync(db => db.PlanChanges.AsNoTracking().Where(c => c.Id == id).Select(c => c.Status).SingleAsync());
}
