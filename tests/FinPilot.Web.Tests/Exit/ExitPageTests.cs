using System.Net;
using FinPilot.Domain.Evaluation;
using FinPilot.Domain.Exit;
using FinPilot.Domain.Identity;
using FinPilot.Domain.Projects;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Evaluation;
using FinPilot.Web.Features.Exit;
using FinPilot.Web.Tests.Alerts;
using FinPilot.Web.Tests.Infrastructure;
using FinPilot.Web.Tests.Supervision;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Tests.Exit;

/// <summary>
/// The exit pages: the institution applies, self-assesses, records the checklist and submits on its
/// pilot's exit page; the working group audits and runs the expert opinion on the case page; experts
/// score on their sheet; the coordination group sees every input of the tier proposal and decides the
/// tier. Every step and tier by its name, never a code; other regions, organisations and unassigned
/// experts are refused as the API refuses them.
/// </summary>
public sealed class ExitPageTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    private const string ConflictedExpert = "expert.equity@demo.finpilot.cn";

    [Theory, AllProviders]
    public async Task The_institution_applies_self_assesses_and_submits_on_its_pilots_exit_page(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var projectId = await app.RunningPilotAsync("退出页面申请");
        using var institution = await app.SignedInAsync(DemoUsers.Applicant);
        var path = $"/pilots/{projectId}/exit";

        var html = await (await institution.GetAsync(path)).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"apply\"", html);
        Assert.Contains("主动退出", html);
        var list = await (await institution.GetAsync("/exits")).Content.ReadAsStringAsync();
        Assert.Contains($"pilots/{projectId}/exit", list);

        // Without the irreversibility ticked nothing happens; with it the pilot is exiting.
        await PostAsync(institution, path, "apply", new() { ["Mode"] = nameof(ExitMode.Completed), ["Reasons"] = "试点目标达成" });
        Assert.False(await app.WithDbAsync(db => db.ExitCases.AnyAsync(c => c.ProjectId == projectId)));
        using (var applied = await PostAsync(institution, path, "apply", new() { ["Mode"] = nameof(ExitMode.Completed), ["Reasons"] = "试点目标达成", ["Confirm"] = "true" }))
        {
            var body = await applied.Content.ReadAsStringAsync();
            Assert.Contains("data-testid=\"done\"", body);
            Assert.Contains("data-testid=\"assessment-form\"", body);
            Assert.Contains("data-testid=\"duty-row\"", body);
            Assert.Contains("data-testid=\"current-step\"", body);
            Assert.Contains("自测自评", body);
            Assert.Contains("试点完成", body);
            Assert.DoesNotContain(">SelfAssessment<", body);
            Assert.DoesNotContain(">Completed<", body);
        }

        Assert.Equal(ProjectStage.Exiting, await app.StageAsync(projectId));
        var exit = await CaseAsync(app, projectId);

        // The self-assessment and the checklist; a done item without evidence is refused.
        var assessment = ExitTestKit.Assessment().Texts().ToDictionary(t => t.Field, t => t.Value);
        await PostAsync(institution, path, "assessment", assessment);
        Assert.NotNull((await CaseAsync(app, projectId)).SelfAssessment);
        var checklist = ChecklistItem.Kinds.ToDictionary(k => "Done_" + k, _ => "true");
        using (var noEvidence = await PostAsync(institution, path, "checklist", new(checklist)))
        {
            Assert.Contains("data-testid=\"form-errors\"", await noEvidence.Content.ReadAsStringAsync());
        }

        foreach (var kind in ChecklistItem.Kinds)
        {
            checklist["Evidence_" + kind] = $"{kind} 证明";
        }

        await PostAsync(institution, path, "checklist", checklist);
        Assert.True((await CaseAsync(app, projectId)).ChecklistComplete);
        await PostAsync(institution, path, "submit", []);
        Assert.Equal(ExitStatus.Audit, (await CaseAsync(app, projectId)).Status);

        // The case page shows what was submitted, in words.
        var casePage = await (await institution.GetAsync($"/exits/{exit.Id}?culture=en")).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"self-assessment\"", casePage);
        Assert.Contains("Customers informed", casePage, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(">CustomersInformed<", casePage);
        Assert.DoesNotContain("data-testid=\"audit\"", casePage);
    }

    [Theory, AllProviders]
    public async Task The_working_group_audits_runs_the_review_and_forwards_and_the_coordination_group_decides_the_tier(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var projectId = await app.RunningPilotAsync("退出页面审核");
        using var applicantApi = await app.ApiClientAsync(DemoUsers.Applicant);
        var submitted = await applicantApi.SubmitAsync(await applicantApi.FillAsync(await applicantApi.ApplyAsync(projectId, ExitTestKit.Completion())));
        var lead = await app.WithDbAsync(db => db.Projects.Where(p => p.Id == projectId).Select(p => p.LeadOrganisationId).SingleAsync());
        var conflictedId = await app.UserIdAsync(ConflictedExpert);
        await app.WithDbAsync(async db =>
        {
            db.ConflictDeclarations.Add(new ConflictDeclaration
            {
                Id = Guid.NewGuid(),
                ExpertUserId = conflictedId,
                Kind = ConflictDeclarationKind.Organisation,
                OrganisationId = lead,
                Text = "曾任申报机构顾问",
                DeclaredAt = app.Clock.GetUtcNow(),
            });
            return await db.SaveChangesAsync();
        });

        using var wg = await app.SignedInAsync(DemoUsers.WorkingGroupBeijing);
        var path = $"/exits/{submitted.Id}";
        var queue = await (await wg.GetAsync("/exits?status=Audit")).Content.ReadAsStringAsync();
        Assert.Contains($"exits/{submitted.Id}", queue);
        Assert.Contains("审核", queue);
        var html = await (await wg.GetAsync(path)).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"audit\"", html);
        Assert.Contains("data-testid=\"current-step\"", html);

        // A question back re-opens the self-assessment; after the answer and the resubmission the audit accepts.
        await PostAsync(wg, path, "ask", new() { ["Text"] = "请补充投诉办结证明" });
        Assert.Equal(ExitStatus.SelfAssessment, await StatusAsync(app, submitted.Id));
        using var institution = await app.SignedInAsync(DemoUsers.Applicant);
        var pilotPath = $"/pilots/{projectId}/exit";
        Assert.Contains("请补充投诉办结证明", await (await institution.GetAsync(pilotPath)).Content.ReadAsStringAsync());
        await PostAsync(institution, pilotPath, "answer", new() { ["Text"] = "已补充" });
        await PostAsync(institution, pilotPath, "submit", []);
        Assert.Equal(ExitStatus.Audit, await StatusAsync(app, submitted.Id));
        await PostAsync(wg, path, "accept", new() { ["Text"] = "材料齐全，审核通过。" });
        Assert.Equal(ExitStatus.ExpertReview, await StatusAsync(app, submitted.Id));

        // The expert opinion: the conflicted expert is shown unavailable and not offered.
        await PostAsync(wg, path, "start-review", []);
        html = await (await wg.GetAsync(path)).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"pool-unavailable\"", html);
        Assert.DoesNotContain($"<option value=\"{conflictedId}\"", html);
        foreach (var email in ExitTestKit.Reviewers)
        {
            await PostAsync(wg, path, "assign", new() { ["Expert"] = await app.UserIdAsync(email) });
        }

        Assert.Equal(3, (await CaseByIdAsync(app, submitted.Id)).Review!.Reviewers.Count);

        // Each expert finds it in their list and scores on the sheet; an unconfirmed sheet is refused.
        foreach (var email in ExitTestKit.Reviewers)
        {
            using var expert = await app.SignedInAsync(email);
            var mine = await (await expert.GetAsync("/exits/reviews")).Content.ReadAsStringAsync();
            Assert.Contains($"exits/{submitted.Id}/review/sheet", mine);
            Assert.Contains("data-testid=\"to-score\"", mine);
            var sheetPath = $"/exits/{submitted.Id}/review/sheet";
            var sheetHtml = await (await expert.GetAsync(sheetPath)).Content.ReadAsStringAsync();
            Assert.Contains("监管记录", sheetHtml);
            using (var unconfirmed = await expert.SubmitAsync(sheetPath, sheetPath, Sheet(9, confirm: false)))
            {
                Assert.Contains("data-testid=\"form-errors\"", await unconfirmed.Content.ReadAsStringAsync());
            }

            using var sent = await expert.SubmitAsync(sheetPath, sheetPath, Sheet(9, confirm: true));
            Assert.Contains("data-testid=\"sheet-submitted\"", await sent.Content.ReadAsStringAsync());
        }

        Assert.True((await CaseByIdAsync(app, submitted.Id)).Review!.IsComplete);
        await PostAsync(wg, path, "forward", new() { ["Text"] = "工作组建议确认退出。", ["Confirm"] = "true" });
        Assert.Equal(ExitStatus.AwaitingCoordinationGroup, await StatusAsync(app, submitted.Id));

        // The coordination group sees every input of the formula, named, with the version; it overrides only with a reason.
        using var chair = await app.SignedInAsync(DemoUsers.Coordination);
        html = await (await chair.GetAsync(path)).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"proposal\"", html);
        Assert.Equal(14, html.Split("data-testid=\"input-row\"").Length - 1);
        Assert.Contains(TierFormula.Version, html);
        Assert.Contains("示范", html);
        Assert.DoesNotContain(">RiskAlerts<", html);
        Assert.Contains("data-testid=\"decide-tier\"", html);
        Assert.DoesNotContain("data-testid=\"decide-tier\"", await (await wg.GetAsync(path)).Content.ReadAsStringAsync());
        using (var noReason = await PostAsync(chair, path, "tier", new() { ["Tier"] = nameof(ExitTier.Good), ["Confirm"] = "true", ["Text"] = string.Empty }))
        {
            Assert.Contains("data-testid=\"form-errors\"", await noReason.Content.ReadAsStringAsync());
        }

        Assert.Null((await CaseByIdAsync(app, submitted.Id)).TierDecision);
        using (var overridden = await PostAsync(chair, path, "tier", new() { ["Tier"] = nameof(ExitTier.Good), ["Confirm"] = "true", ["Text"] = "客户告知不够及时" }))
        {
            var body = await overridden.Content.ReadAsStringAsync();
            Assert.Contains("data-testid=\"override-reason\"", body);
            Assert.Contains("客户告知不够及时", body);
        }

        Assert.Equal(ExitTier.Good, (await CaseByIdAsync(app, submitted.Id)).TierDecision!.Tier);
    }

    [Theory, AllProviders]
    public async Task Other_regions_organisations_and_unassigned_experts_are_refused_as_the_api_refuses_them(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var projectId = await app.RunningPilotAsync("退出页面权限");
        using var applicantApi = await app.ApiClientAsync(DemoUsers.Applicant);
        var exit = await applicantApi.ApplyAsync(projectId, ExitTestKit.Completion());
        var other = await app.WithDbAsync(db => db.Organisations.Where(o => o.NameZh != SupervisionTestKit.DemoApplicantOrganisation).Select(o => o.Id).FirstAsync());
        var otherEmail = $"other-{Guid.NewGuid():N}@example.test";
        await app.CreateUserAsync(otherEmail, Role.Applicant, organisationId: other);

        foreach (var email in new[] { DemoUsers.WorkingGroupShanghai, otherEmail, DemoUsers.Expert })
        {
            using var session = await app.SignedInAsync(email);
            var page = await session.GetAsync($"/exits/{exit.Id}");
            Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
            Assert.DoesNotContain("data-testid=\"exit-detail\"", await page.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.Forbidden, (await session.GetAsync($"/exits/{exit.Id}/review/sheet")).StatusCode);
            if (email != DemoUsers.Expert)
            {
                Assert.Equal(HttpStatusCode.Forbidden, (await session.GetAsync($"/pilots/{projectId}/exit")).StatusCode);
                Assert.DoesNotContain($"exits/{exit.Id}", await (await session.GetAsync("/exits")).Content.ReadAsStringAsync());
            }
        }

        using var wg = await app.SignedInAsync(DemoUsers.WorkingGroupBeijing);
        Assert.Equal(HttpStatusCode.NotFound, (await wg.GetAsync($"/exits/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await wg.GetAsync($"/pilots/{Guid.NewGuid()}/exit")).StatusCode);
        var wgPilot = await (await wg.GetAsync($"/pilots/{projectId}/exit")).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"exit-overview\"", wgPilot);
        Assert.DoesNotContain("data-testid=\"assessment-form\"", wgPilot);

        // The working group may not post the institution's forms; the institution may not audit.
        await PostAsync(wg, $"/pilots/{projectId}/exit", "assessment", ExitTestKit.Assessment().Texts().ToDictionary(t => t.Field, t => t.Value));
        Assert.Null((await CaseByIdAsync(app, exit.Id)).SelfAssessment);
        var submitted = await applicantApi.SubmitAsync(await applicantApi.FillAsync(exit));
        using var institution = await app.SignedInAsync(DemoUsers.Applicant);
        await PostAsync(institution, $"/exits/{exit.Id}", "accept", new() { ["Text"] = "通过" });
        Assert.Equal(ExitStatus.Audit, await StatusAsync(app, submitted.Id));

        // An expert has a review list (empty); an applicant has none.
        using var expert = await app.SignedInAsync(DemoUsers.Expert);
        Assert.DoesNotContain($"exits/{exit.Id}", await (await expert.GetAsync("/exits/reviews")).Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await institution.GetAsync("/exits/reviews")).StatusCode);
    }

    private static Dictionary<string, string> Sheet(int score, bool confirm)
    {
        var fields = new Dictionary<string, string> { ["_handler"] = "sheet", ["Recommendation"] = nameof(Recommendation.Recommend), ["Opinion"] = "同意退出。" };
        foreach (var c in ExitReview.Criteria)
        {
            fields["Score_" + c] = score.ToString(System.Globalization.CultureInfo.InvariantCulture);
            fields["Comment_" + c] = $"{c} 意见";
        }

        if (confirm)
        {
            fields["Confirm"] = "true";
        }

        return fields;
    }

    private static async Task<HttpResponseMessage> PostAsync(BrowserSession session, string path, string handler, Dictionary<string, string> fields)
    {
        fields["_handler"] = handler;
        var response = await session.SubmitAsync(path, path, fields);
        Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
        return response;
    }

    private static Task<ExitCase> CaseAsync(FinPilotApp app, Guid projectId) =>
        app.WithDbAsync(db => db.ExitCases.AsNoTracking().SingleAsync(c => c.ProjectId == projectId));

    private static Task<ExitCase> CaseByIdAsync(FinPilotApp app, Guid id) =>
        app.WithDbAsync(db => db.ExitCases.AsNoTracking().SingleAsync(c => c.Id == id));

    private static Task<ExitStatus> StatusAsync(FinPilotApp app, Guid id) =>
        app.WithDbAsync(db => db.ExitCases.AsNoTracking().Where(c => c.Id == id).Select(c => c.Status).SingleAsync());
}
