using FinPilot.Browser.Tests.Infrastructure;
using FinPilot.Browser.Tests.Pages;
using FinPilot.Domain.Alerts;
using FinPilot.Domain.Applications;
using FinPilot.Domain.Projects;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Applications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace FinPilot.Browser.Tests;

/// <summary>
/// Issue 17's correction journey: a risk alert is escalated to a correction order, the institution
/// answers with a plan and evidence, the working group verifies and closes, and the pilot runs again.
/// </summary>
public sealed class CorrectionJourneyTests(BrowserApp app)
{
    private const string Actor = "browser-test";

    [Fact]
    public async Task An_alert_becomes_a_correction_order_the_institution_answers_and_the_working_group_closes_it()
    {
        var title = $"整改旅程试点 {Guid.NewGuid():N}"[..20];
        var (projectId, alertId) = await PilotWithAlertAsync(title);

        var workingGroup = await app.NewPageAsync();
        await new LoginPage(workingGroup).SignInAsync("wg.beijing@demo.finpilot.cn");
        await workingGroup.GotoAsync($"alerts/{alertId}");
        await workingGroup.Locator("[data-testid=escalate-to-order]").ClickAsync();
        await workingGroup.WaitForURLAsync(url => url.Contains("/corrections/new", StringComparison.Ordinal));
        await Assertions.Expect(workingGroup.Locator("[data-testid=from-alert]")).ToBeVisibleAsync();
        await workingGroup.Locator("#findings").FillAsync("客户数超出批准上限（350 户，上限 300 户）。");
        await workingGroup.Locator("#breach").FillAsync("试点方案：客户数量上限 300 户。");
        await workingGroup.Locator("#actions").FillAsync("停止新增客户，压降至上限以内，提交客户清单。");
        await workingGroup.Locator("#days").FillAsync("10");
        await workingGroup.Locator("[data-testid=confirm-issue]").CheckAsync();
        await workingGroup.Locator("[data-testid=submit-correction]").ClickAsync();
        await workingGroup.WaitForURLAsync(url => url.Contains("/corrections/", StringComparison.Ordinal) && !url.Contains("/new", StringComparison.Ordinal));
        await Assertions.Expect(workingGroup.Locator("[data-testid=correction-status]")).ToHaveTextAsync("待提交整改计划");
        var orderUrl = workingGroup.Url;
        Assert.Equal(ProjectStage.Rectifying, await StageAsync(projectId));

        var applicant = await app.NewPageAsync();
        await new LoginPage(applicant).SignInAsync("applicant@demo.finpilot.cn");
        await applicant.GotoAsync(orderUrl);
        await AnswerAsync(applicant, "三日内停止新增客户，两周内压降至 300 户以内。");
        await Assertions.Expect(applicant.Locator("[data-testid=correction-status]")).ToHaveTextAsync("待提交整改证明");
        await AnswerAsync(applicant, "客户数已降至 290 户，附客户清单。");
        await Assertions.Expect(applicant.Locator("[data-testid=correction-status]")).ToHaveTextAsync("待工作组核验");
        await Assertions.Expect(applicant.Locator("[data-testid=verify-section]")).ToHaveCountAsync(0);

        await workingGroup.ReloadAsync();
        await workingGroup.Locator("#verify-text").FillAsync("经核验，客户数已在上限以内。");
        await workingGroup.Locator("[data-testid=confirm-verify]").CheckAsync();
        await workingGroup.Locator("[data-testid=verify-close]").ClickAsync();
        await Assertions.Expect(workingGroup.Locator("[data-testid=correction-status]")).ToHaveTextAsync("已整改销号");
        await Assertions.Expect(workingGroup.Locator("[data-testid=correction-conclusion]")).ToHaveTextAsync("经核验，客户数已在上限以内。");
        Assert.Equal(ProjectStage.Running, await StageAsync(projectId));

        using var scope = app.Services.CreateScope();
        var alert = await scope.ServiceProvider.GetRequiredService<FinPilotDbContext>().Alerts.AsNoTracking().SingleAsync(a => a.Id == alertId, TestContext.Current.CancellationToken);
        Assert.Equal(AlertStatus.Escalated, alert.Status);
    }

    private static async Task AnswerAsync(IPage page, string text)
    {
        await page.Locator("#answer").FillAsync(text);
        await page.Locator("[data-testid=confirm-answer]").CheckAsync();
        await page.Locator("[data-testid=submit-answer]").ClickAsync();
        await page.WaitForLoadStateAsync();
    }

    private async Task<ProjectStage> StageAsync(Guid projectId)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<FinPilotDbContext>().Projects.AsNoTracking()
            .Where(p => p.Id == projectId).Select(p => p.Stage).SingleAsync();
    }

    /// <summary>A running Beijing pilot of the demo applicant's institution with an open customer-cap alert.</summary>
    private async Task<(Guid ProjectId, Guid AlertId)> PilotWithAlertAsync(string title)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<FinPilotDbContext>();
        var now = app.Clock.GetUtcNow();
        var beijing = await db.Regions.SingleAsync(r => r.Code == "BJ");
        var call = await db.Calls.Where(c => c.RegionId == beijing.Id).OrderBy(c => c.BatchNumber).FirstAsync();
        var organisation = await db.Organisations.SingleAsync(o => o.NameZh == "京华证券股份有限公司");
        var applied = call.ClosesAt.AddDays(-30);
        var project = PilotProject.Create(Guid.CreateVersion7(), call.Id, call.RegionId, organisation.Id, ProjectCategory.BusinessInnovation, title, applied, Actor).ValueOrThrow();
        var version = ApplicationVersionRecord.Open(project.Id, 1, new ApplicationForm { Name = title, TestScope = "北京地区。", CustomerLimit = 300, DurationMonths = 12 }, applied, Actor);
        Assert.True(project.Submit(applied, Actor, call.ClosesAt).Succeeded);
        version.Freeze(applied);
        project.StartScreening(applied, Actor);
        project.Accept(applied, Actor);
        project.CompleteEvaluation(applied, Actor);
        project.Approve(applied, Actor);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var starts = new DateOnly(today.Year, today.Month, 1).AddMonths(-3);
        Assert.True(project.Admit(now, Actor, new PilotStart(starts, starts.AddYears(1).AddDays(-1), 300)).Succeeded);
        db.Projects.Add(project);
        db.ApplicationVersions.Add(version);
        var alert = Alert.Raise(project.Id, project.RegionId, project.LeadOrganisationId, RiskRuleKind.CustomerCapBreach, "customers", null, AlertSeverity.Risk,
            new AlertEvidence(), now).ValueOrThrow();
        db.Alerts.Add(alert);
        await db.SaveChangesAsync();
        return (project.Id, alert.Id);
    }
}
