using System.Net;
using ClosedXML.Excel;
using FinPilot.Domain.Evaluation;
using FinPilot.Domain.Evaluation.Rounds;
using FinPilot.Domain.Projects;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Audit;
using FinPilot.Web.Features.Evaluation;
using FinPilot.Web.Http;
using FinPilot.Web.Tests.Applications;
using FinPilot.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Tests.Evaluation;

public sealed class EvaluationApiTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    [Theory, AllProviders]
    public async Task A_round_is_assigned_automatically_scored_summarised_exported_and_completed(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var secretariat = await app.ApiClientAsync(DemoUsers.Secretariat);
        var (callId, projects) = await app.InEvaluationAsync("评估全流程 征集", ["评估全流程甲", "评估全流程乙"]);

        var round = await app.OpenedRoundAsync(secretariat, callId);

        Assert.Equal(RoundStatus.Scoring, round.Status);
        foreach (var project in projects)
        {
            var experts = round.Assignments.Where(a => a.ProjectId == project).Select(a => a.ExpertUserId).ToList();
            Assert.Equal(3, experts.Distinct().Count());
            var domains = await app.WithDbAsync(db => db.ExpertProfiles.Where(p => experts.Contains(p.UserId)).ToListAsync());
            Assert.Equal(EvaluationValues.Domains.Order(), domains.SelectMany(p => p.Domains).Distinct().Order());
        }

        var score = 9;
        foreach (var assignment in round.Assignments)
        {
            using var expert = await app.ApiClientAsync(await app.EmailOfAsync(assignment.ExpertUserId));
            await expert.ScoreAsync(assignment.Id, EvaluationTestKit.Sheet(assignment.ProjectId == projects[0] ? score-- : 5));
        }

        var summary = await (await secretariat.GetAsync($"/api/v1/evaluation/rounds/{round.Id}/summary")).ReadAsync<EvaluationApi.SummaryDto>();
        Assert.Equal(projects.Order(), summary.Projects.Select(p => p.ProjectId).Order());
        var first = summary.Projects.Single(p => p.ProjectId == projects[0]);
        Assert.Equal(3, first.Aggregate.SheetCount);
        Assert.Equal(8.0, first.Aggregate.Dimensions.Single(d => d.Dimension == EvaluationDimension.InnovationValue).Mean, 6);
        Assert.Equal(1, first.Rank);

        using var coordination = await app.ApiClientAsync(DemoUsers.Coordination);
        var report = await (await coordination.GetAsync($"/api/v1/evaluation/rounds/{round.Id}/projects/{projects[1]}/report")).ReadAsync<EvaluationApi.ReportDto>();
        Assert.Equal(3, report.Sheets.Count);
        Assert.All(report.Sheets, s => Assert.Equal(5, s.Sheet.Scores[0].Score));

        var xlsx = await secretariat.GetAsync($"/api/v1/evaluation/rounds/{round.Id}/export.xlsx");
        await xlsx.AssertStatusAsync(HttpStatusCode.OK);
        using (var workbook = new XLWorkbook(await xlsx.Content.ReadAsStreamAsync()))
        {
            var ranking = workbook.Worksheets.First();
            Assert.Contains(ranking.RowsUsed().Skip(1), r => r.Cell(3).GetString() == "评估全流程甲");
            Assert.Equal(7, workbook.Worksheets.Skip(1).First().RowsUsed().Count());
        }

        await (await secretariat.PostAsync($"/api/v1/evaluation/rounds/{round.Id}/complete", new EvaluationApi.VersionRequest(Guid.NewGuid())))
            .AssertStatusAsync(HttpStatusCode.Conflict);
        var current = await secretariat.RoundAsync(round.Id);
        await (await secretariat.PostAsync($"/api/v1/evaluation/rounds/{round.Id}/complete", new EvaluationApi.VersionRequest(current.Version)))
            .AssertStatusAsync(HttpStatusCode.NoContent);
        using var applicant = await app.ApiClientAsync(DemoUsers.Applicant);
        foreach (var project in projects)
        {
            Assert.Equal(ProjectStage.Deliberation, (await applicant.GetApplicationAsync(project)).Stage());
        }

        var audited = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.ResourceId == round.Id.ToString()).Select(a => a.Action).ToListAsync());
        Assert.Contains(AuditActions.AssignmentSolved, audited);
        Assert.Equal(6, audited.Count(a => a == AuditActions.SheetSubmitted));
        Assert.Contains(AuditActions.RoundCompleted, audited);

        // The round's and the assignments' lines come from their events at the save: about the round, in its region, in order.
        var lines = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.ResourceId == round.Id.ToString())
            .OrderBy(a => a.Id).Select(a => new { a.Action, a.ResourceType, a.RegionId, a.Details }).ToListAsync());
        Assert.All(lines, l => Assert.Equal(("evaluation-round", (int?)current.RegionId), (l.ResourceType, l.RegionId)));
        Assert.Equal(
            [AuditActions.RoundCreated, AuditActions.AssignmentSolved, AuditActions.RoundOpened],
            lines.Take(3).Select(l => l.Action));
        Assert.Equal([AuditActions.RoundExported, AuditActions.RoundCompleted], lines.TakeLast(2).Select(l => l.Action));
        Assert.Equal(6, lines.Count(l => l.Action == AuditActions.NoConflictConfirmed));
        Assert.Equal(17, lines.Count); // created, solved, opened, 6 cleared, 6 submitted, exported, completed
        Assert.Contains("\"projects\":2", lines[0].Details, StringComparison.Ordinal);
        Assert.Contains("\"feasible\":true", lines[1].Details, StringComparison.Ordinal);
        Assert.Equal(6, System.Text.Json.JsonDocument.Parse(lines[1].Details!).RootElement.GetProperty("pairs").GetArrayLength());
        Assert.Equal("{\"assignments\":6}", lines[2].Details);
        var ranked = System.Text.Json.JsonDocument.Parse(lines[^1].Details!).RootElement.GetProperty("ranking");
        Assert.Equal(projects.Order(), ranked.EnumerateArray().Select(r => r.GetProperty("projectId").GetGuid()).Order());
        var submitted = lines.First(l => l.Action == AuditActions.SheetSubmitted).Details!;
        Assert.Contains("\"sheet\":{", submitted, StringComparison.Ordinal);
    }

    [Theory, AllProviders]
    public async Task Experts_see_only_projects_they_are_assigned_to_and_cleared(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var secretariat = await app.ApiClientAsync(DemoUsers.Secretariat);
        var (callId, projects) = await app.InEvaluationAsync("评估访问控制 征集", ["评估访问控制"]);
        var round = await app.OpenedRoundAsync(secretariat, callId);
        var assigned = round.Assignments.Select(a => a.ExpertUserId).ToHashSet();
        var outsider = await app.WithDbAsync(db => db.ExpertProfiles.Where(p => !assigned.Contains(p.UserId)).Select(p => p.UserId).FirstAsync());
        var assignment = round.Assignments[0];
        using var expert = await app.ApiClientAsync(await app.EmailOfAsync(assignment.ExpertUserId));
        using var unassigned = await app.ApiClientAsync(await app.EmailOfAsync(outsider));

        // Not assigned: the application is closed, and so is someone else's assignment.
        await (await unassigned.GetAsync($"/api/v1/applications/{projects[0]}")).AssertStatusAsync(HttpStatusCode.Forbidden);
        await (await unassigned.GetAsync($"/api/v1/evaluation/my/assignments/{assignment.Id}")).AssertStatusAsync(HttpStatusCode.Forbidden);

        // Assigned but not yet cleared of conflicts: still closed.
        await (await expert.GetAsync($"/api/v1/applications/{projects[0]}")).AssertStatusAsync(HttpStatusCode.Forbidden);
        var before = await (await expert.GetAsync($"/api/v1/evaluation/my/assignments/{assignment.Id}")).ReadAsync<EvaluationApi.ScoringDto>();
        Assert.Null(before.Sheet);

        await (await expert.PostAsync($"/api/v1/evaluation/my/assignments/{assignment.Id}/no-conflict", new { })).AssertStatusAsync(HttpStatusCode.NoContent);
        await (await expert.GetAsync($"/api/v1/applications/{projects[0]}")).AssertStatusAsync(HttpStatusCode.OK);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditActions.MaterialsViewed && a.ResourceId == projects[0].ToString())));

        // A second expert declares a conflict: from then on the project is closed to them everywhere.
        var other = round.Assignments[1];
        using var conflicted = await app.ApiClientAsync(await app.EmailOfAsync(other.ExpertUserId));
        await (await conflicted.PostAsync($"/api/v1/evaluation/my/assignments/{other.Id}/conflict", new EvaluationApi.ReasonRequest(""))).AssertStatusAsync(HttpStatusCode.BadRequest);
        await (await conflicted.PostAsync($"/api/v1/evaluation/my/assignments/{other.Id}/conflict", new EvaluationApi.ReasonRequest("曾为牵头机构提供咨询"))).AssertStatusAsync(HttpStatusCode.NoContent);
        await (await conflicted.GetAsync($"/api/v1/evaluation/my/assignments/{other.Id}")).AssertStatusAsync(HttpStatusCode.Forbidden);
        await (await conflicted.PostAsync($"/api/v1/evaluation/my/assignments/{other.Id}/no-conflict", new { })).AssertStatusAsync(HttpStatusCode.Forbidden);
        await (await conflicted.GetAsync($"/api/v1/applications/{projects[0]}")).AssertStatusAsync(HttpStatusCode.Forbidden);

        // The applicant reads neither scores nor reports; a regional secretariat of another region cannot run this round.
        using var applicant = await app.ApiClientAsync(DemoUsers.Applicant);
        await (await applicant.GetAsync($"/api/v1/evaluation/rounds/{round.Id}/summary")).AssertStatusAsync(HttpStatusCode.Forbidden);
        await (await applicant.GetAsync($"/api/v1/evaluation/rounds/{round.Id}/projects/{projects[0]}/report")).AssertStatusAsync(HttpStatusCode.Forbidden);
        await (await applicant.GetAsync($"/api/v1/evaluation/rounds/{round.Id}/export.xlsx")).AssertStatusAsync(HttpStatusCode.Forbidden);
        var shanghaiId = await app.WithDbAsync(db => db.Regions.Where(r => r.Code == "SH").Select(r => r.Id).SingleAsync());
        await app.CreateUserAsync("secretariat.sh@evaluation.test", Domain.Identity.Role.EvaluationSecretariat, regionId: shanghaiId);
        using var shanghai = await app.ApiClientAsync("secretariat.sh@evaluation.test");
        await (await shanghai.PostAsync($"/api/v1/evaluation/rounds/{round.Id}/solve", new { })).AssertStatusAsync(HttpStatusCode.Forbidden);
        await (await shanghai.PostAsync($"/api/v1/evaluation/assignments/{assignment.Id}/reopen", new EvaluationApi.ReasonRequest("x"))).AssertStatusAsync(HttpStatusCode.Forbidden);
        await (await shanghai.PostAsync("/api/v1/evaluation/rounds", new EvaluationApi.RoundRequest(callId, null, 3, null, false, null, null))).AssertStatusAsync(HttpStatusCode.Forbidden);
        await (await shanghai.PostAsync($"/api/v1/evaluation/rounds/{round.Id}/complete", new EvaluationApi.VersionRequest(round.Version))).AssertStatusAsync(HttpStatusCode.Forbidden);
        await (await shanghai.PutAsync($"/api/v1/evaluation/rounds/{round.Id}/projects/{projects[0]}/consensus", new EvaluationApi.OutcomeRequest("x"))).AssertStatusAsync(HttpStatusCode.Forbidden);
        await (await shanghai.DeleteAsync($"/api/v1/evaluation/assignments/{other.Id}")).AssertStatusAsync(HttpStatusCode.Forbidden);
        await (await shanghai.GetAsync($"/api/v1/evaluation/rounds/{round.Id}")).AssertStatusAsync(HttpStatusCode.Forbidden);

        // The list is filtered and paged in SQL: Shanghai's secretariat never sees Beijing's round; a page holds what was asked.
        var shanghaiRounds = await (await shanghai.GetAsync("/api/v1/evaluation/rounds?pageSize=100")).ReadAsync<Page<EvaluationApi.RoundRowDto>>();
        Assert.DoesNotContain(shanghaiRounds.Items, r => r.Id == round.Id);
        using var beijing = await app.ApiClientAsync(DemoUsers.Secretariat);
        var first = await (await beijing.GetAsync("/api/v1/evaluation/rounds?pageSize=1")).ReadAsync<Page<EvaluationApi.RoundRowDto>>();
        var all = await (await beijing.GetAsync("/api/v1/evaluation/rounds?pageSize=100")).ReadAsync<Page<EvaluationApi.RoundRowDto>>();
        Assert.Equal((1, all.Total), (first.Items.Count, first.Total));
        Assert.Equal(all.Items[0].Id, first.Items[0].Id);
        Assert.Contains(all.Items, r => r.Id == round.Id);
        await (await expert.PostAsync($"/api/v1/evaluation/rounds/{round.Id}/assignments", new EvaluationApi.PairRequest(projects[0], outsider))).AssertStatusAsync(HttpStatusCode.Forbidden);
    }

    [Theory, AllProviders]
    public async Task An_employer_among_the_partners_keeps_the_expert_off_the_project(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var secretariat = await app.ApiClientAsync(DemoUsers.Secretariat);
        var equityMarket = await app.OrganisationIdAsync("北京股权交易中心有限公司");
        var equityExpert = await app.WithDbAsync(db => db.Users.Where(u => u.Email == "expert.equity@demo.finpilot.cn").Select(u => u.Id).SingleAsync());
        var (callId, projects) = await app.InEvaluationAsync("评估利益冲突 征集", ["评估利益冲突"], [equityMarket]);
        var round = await secretariat.CreateRoundAsync(callId, 6, DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).AddDays(20));

        await (await secretariat.PutAsync($"/api/v1/evaluation/rounds/{round.Id}/rules", new EvaluationApi.RuleRequest(projects[0], equityExpert, PairRuleKind.Pin)))
            .AssertStatusAsync(HttpStatusCode.BadRequest);
        await (await secretariat.PostAsync($"/api/v1/evaluation/rounds/{round.Id}/assignments", new EvaluationApi.PairRequest(projects[0], equityExpert)))
            .AssertStatusAsync(HttpStatusCode.BadRequest);
        var report = await (await secretariat.PostAsync($"/api/v1/evaluation/rounds/{round.Id}/solve", new { })).ReadAsync<SolveReport>();

        Assert.True(report.Feasible);
        var solved = await secretariat.RoundAsync(round.Id);
        Assert.Equal(6, solved.Assignments.Count);
        Assert.DoesNotContain(equityExpert, solved.Assignments.Select(a => a.ExpertUserId));

        using var integrity = await app.ApiClientAsync(DemoUsers.Integrity);
        var view = await (await integrity.GetAsync("/api/v1/evaluation/integrity")).ReadAsync<IntegrityView>();
        Assert.Contains(view.Found, f => f.ProjectTitle == "评估利益冲突" && f.Reasons.Contains(ConflictReason.EmployerIsParty));
        using var expert = await app.ApiClientAsync(DemoUsers.Expert);
        await (await expert.GetAsync("/api/v1/evaluation/integrity")).AssertStatusAsync(HttpStatusCode.Forbidden);
    }

    [Theory, AllProviders]
    public async Task An_infeasible_round_is_explained_and_left_unassigned(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var secretariat = await app.ApiClientAsync(DemoUsers.Secretariat);
        var (callId, _) = await app.InEvaluationAsync("评估无解 征集", ["评估无解"]);
        var round = await secretariat.CreateRoundAsync(callId, 15, DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).AddDays(20));

        var report = await (await secretariat.PostAsync($"/api/v1/evaluation/rounds/{round.Id}/solve", new { })).ReadAsync<SolveReport>();

        Assert.False(report.Feasible);
        Assert.Contains(report.Problems, p => p.Code == "Assignment.TooFewEligible" && p.Arguments[0] == "评估无解");
        Assert.Empty((await secretariat.RoundAsync(round.Id)).Assignments);
        var opened = await secretariat.PostAsync($"/api/v1/evaluation/rounds/{round.Id}/open", new EvaluationApi.VersionRequest((await secretariat.RoundAsync(round.Id)).Version));
        var problem = await opened.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Assignment", problem.Errors.Keys);
    }

    [Theory, AllProviders]
    public async Task Settings_and_weights_change_while_preparing_and_are_checked(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var secretariat = await app.ApiClientAsync(DemoUsers.Secretariat);
        var (callId, _) = await app.InEvaluationAsync("评估设置 征集", ["评估设置"]);
        var round = await secretariat.CreateRoundAsync(callId, 5, DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).AddDays(20));
        var lopsided = CategoryWeights.Default with
        {
            Categories = [.. CategoryWeights.Default.Categories.Select(c => c.Category == ProjectCategory.PublicService
                ? c with { Weights = [.. c.Weights.Select(w => w with { Percent = 30 })] }
                : c)],
        };

        var refused = await (await secretariat.PutAsync($"/api/v1/evaluation/rounds/{round.Id}",
            new EvaluationApi.RoundSettingsRequest("评估设置轮次", 4, round.Deadline, true, lopsided, null, round.Version))).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(refused.Errors.Keys, k => k.StartsWith("Weights", StringComparison.Ordinal));
        await (await secretariat.PutAsync($"/api/v1/evaluation/rounds/{round.Id}",
            new EvaluationApi.RoundSettingsRequest("评估设置轮次", 2, round.Deadline, true, null, null, round.Version))).AssertStatusAsync(HttpStatusCode.BadRequest);
        await (await secretariat.PutAsync($"/api/v1/evaluation/rounds/{round.Id}",
            new EvaluationApi.RoundSettingsRequest("评估设置轮次", 4, round.Deadline, true, null, null, round.Version))).AssertStatusAsync(HttpStatusCode.NoContent);
        await (await secretariat.PutAsync($"/api/v1/evaluation/rounds/{round.Id}",
            new EvaluationApi.RoundSettingsRequest("评估设置轮次", 4, round.Deadline, true, null, null, round.Version))).AssertStatusAsync(HttpStatusCode.Conflict);

        var changed = await secretariat.RoundAsync(round.Id);
        Assert.Equal(("评估设置轮次", 4, true), (changed.Title, changed.ExpertsPerProject, changed.ShowPeerScores));
    }

    [Theory, AllProviders]
    public async Task A_submitted_sheet_is_locked_until_the_secretariat_reopens_it_with_a_reason(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var secretariat = await app.ApiClientAsync(DemoUsers.Secretariat);
        var (callId, _) = await app.InEvaluationAsync("评估退回 征集", ["评估退回"]);
        var round = await app.OpenedRoundAsync(secretariat, callId);
        var assignment = round.Assignments[0];
        using var expert = await app.ApiClientAsync(await app.EmailOfAsync(assignment.ExpertUserId));
        await (await expert.PostAsync($"/api/v1/evaluation/my/assignments/{assignment.Id}/no-conflict", new { })).AssertStatusAsync(HttpStatusCode.NoContent);
        var view = await (await expert.GetAsync($"/api/v1/evaluation/my/assignments/{assignment.Id}")).ReadAsync<EvaluationApi.ScoringDto>();

        var incomplete = await (await expert.PostAsync($"/api/v1/evaluation/my/assignments/{assignment.Id}/submit",
            new EvaluationApi.SheetRequest(new ScoreSheet { Recommendation = Recommendation.Recommend }, view.Version))).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(ScoreSheet.ScoreField(EvaluationDimension.RiskControl), incomplete.Errors.Keys);
        await (await expert.PostAsync($"/api/v1/evaluation/my/assignments/{assignment.Id}/submit", new EvaluationApi.SheetRequest(EvaluationTestKit.Sheet(7), view.Version)))
            .AssertStatusAsync(HttpStatusCode.NoContent);
        view = await (await expert.GetAsync($"/api/v1/evaluation/my/assignments/{assignment.Id}")).ReadAsync<EvaluationApi.ScoringDto>();
        await (await expert.PostAsync($"/api/v1/evaluation/my/assignments/{assignment.Id}/submit", new EvaluationApi.SheetRequest(EvaluationTestKit.Sheet(3), view.Version)))
            .AssertStatusAsync(HttpStatusCode.Conflict);

        await (await expert.PostAsync($"/api/v1/evaluation/assignments/{assignment.Id}/reopen", new EvaluationApi.ReasonRequest("请补充意见"))).AssertStatusAsync(HttpStatusCode.Forbidden);
        await (await secretariat.PostAsync($"/api/v1/evaluation/assignments/{assignment.Id}/reopen", new EvaluationApi.ReasonRequest(" "))).AssertStatusAsync(HttpStatusCode.BadRequest);
        await (await secretariat.PostAsync($"/api/v1/evaluation/assignments/{assignment.Id}/reopen", new EvaluationApi.ReasonRequest("请补充风险防控意见"))).AssertStatusAsync(HttpStatusCode.NoContent);

        view = await (await expert.GetAsync($"/api/v1/evaluation/my/assignments/{assignment.Id}")).ReadAsync<EvaluationApi.ScoringDto>();
        Assert.Equal(AssignmentState.Cleared, view.State);
        await (await expert.PostAsync($"/api/v1/evaluation/my/assignments/{assignment.Id}/submit", new EvaluationApi.SheetRequest(EvaluationTestKit.Sheet(6), view.Version)))
            .AssertStatusAsync(HttpStatusCode.NoContent);
        using var integrity = await app.ApiClientAsync(DemoUsers.Integrity);
        var report = await (await integrity.GetAsync("/api/v1/evaluation/integrity")).ReadAsync<IntegrityView>();
        Assert.Contains(report.Reopened, r => r.ProjectTitle == "评估退回" && r.Reason == "请补充风险防控意见");
    }

    [Theory, AllProviders]
    public async Task A_question_that_pauses_the_deadline_moves_it_by_the_working_days_it_waited(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var secretariat = await app.ApiClientAsync(DemoUsers.Secretariat);
        var (callId, projects) = await app.InEvaluationAsync("评估问答 征集", ["评估问答"]);
        var round = await app.OpenedRoundAsync(secretariat, callId);
        var assignment = round.Assignments[0];
        using var expert = await app.ApiClientAsync(await app.EmailOfAsync(assignment.ExpertUserId));
        await (await expert.PostAsync($"/api/v1/evaluation/my/assignments/{assignment.Id}/no-conflict", new { })).AssertStatusAsync(HttpStatusCode.NoContent);

        var question = await (await expert.PostAsync($"/api/v1/evaluation/my/assignments/{assignment.Id}/questions", new EvaluationApi.QuestionRequest("客户上限如何测算？", true)))
            .ReadAsync<EvaluationApi.QuestionDto>(HttpStatusCode.Created);
        Assert.True((await secretariat.RoundAsync(round.Id)).DeadlinePaused);

        using var other = await app.ApiClientAsync(DemoUsers.WorkingGroupShanghai);
        await (await other.GetAsync($"/api/v1/evaluation/projects/{projects[0]}/questions")).AssertStatusAsync(HttpStatusCode.Forbidden);
        await (await other.PostAsync($"/api/v1/evaluation/questions/{question.Id}/answer", new EvaluationApi.AnswerRequest("x"))).AssertStatusAsync(HttpStatusCode.Forbidden);
        using var applicant = await app.ApiClientAsync(DemoUsers.Applicant);
        var asked = await (await applicant.GetAsync($"/api/v1/evaluation/projects/{projects[0]}/questions")).ReadAsync<List<EvaluationApi.QuestionDto>>();
        Assert.Equal("客户上限如何测算？", Assert.Single(asked).Text);

        app.Clock.Advance(TimeSpan.FromDays(7));
        await (await applicant.PostAsync($"/api/v1/evaluation/questions/{question.Id}/answer", new EvaluationApi.AnswerRequest("按风险测评结果分层设定。"))).AssertStatusAsync(HttpStatusCode.NoContent);
        await (await applicant.PostAsync($"/api/v1/evaluation/questions/{question.Id}/answer", new EvaluationApi.AnswerRequest("再答一次"))).AssertStatusAsync(HttpStatusCode.Conflict);

        var after = await secretariat.RoundAsync(round.Id);
        Assert.False(after.DeadlinePaused);
        var waited = Domain.Calendar.OfficialHolidaySchedules.Calendar.WorkingDaysBetween(
            Domain.Calendar.ChinaTime.DateOf(app.Clock.GetUtcNow().AddDays(-7)), Domain.Calendar.ChinaTime.DateOf(app.Clock.GetUtcNow()));
        Assert.Equal(Domain.Calendar.OfficialHolidaySchedules.Calendar.AddWorkingDays(round.Deadline, waited), after.EffectiveDeadline);
    }

    [Theory, AllProviders]
    public async Task The_secretariat_keeps_the_pool_and_experts_cannot(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var secretariat = await app.ApiClientAsync(DemoUsers.Secretariat);
        using var expert = await app.ApiClientAsync(DemoUsers.Expert);
        var created = await app.CreateUserAsync($"pool.{provider}@evaluation.test", Domain.Identity.Role.Expert);

        var page = await (await secretariat.GetAsync("/api/v1/evaluation/experts?domain=InformationTechnology")).ReadAsync<Page<EvaluationApi.ExpertDto>>();
        Assert.NotEmpty(page.Items);
        Assert.All(page.Items, e => Assert.Contains(ExpertDomain.InformationTechnology, e.Domains));
        await (await expert.GetAsync("/api/v1/evaluation/experts")).AssertStatusAsync(HttpStatusCode.Forbidden);

        var invalid = await (await secretariat.PutAsync($"/api/v1/evaluation/experts/{created.User.Id}",
            new EvaluationApi.ExpertRequest(null, "某大学", [], [], ["no-such-tag"], [], null, true, 99, [], null))).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Domains", invalid.Errors.Keys);
        Assert.Contains("Tags", invalid.Errors.Keys);
        Assert.Contains("MaxLoad", invalid.Errors.Keys);
        Assert.Null(await app.WithDbAsync(db => db.ExpertProfiles.SingleOrDefaultAsync(p => p.UserId == created.User.Id)));

        var saved = await (await secretariat.PutAsync($"/api/v1/evaluation/experts/{created.User.Id}",
            new EvaluationApi.ExpertRequest(null, "某大学", [ExpertDomain.LegalCompliance], [], ["compliance"], [], "合规专家", true, 4, [], null))).ReadAsync<EvaluationApi.ExpertDto>();
        Assert.Equal([ExpertDomain.LegalCompliance], saved.Domains);
        await (await expert.PutAsync($"/api/v1/evaluation/experts/{created.User.Id}",
            new EvaluationApi.ExpertRequest(null, "x", [ExpertDomain.LegalCompliance], [], [], [], null, true, 4, [], null))).AssertStatusAsync(HttpStatusCode.Forbidden);
        await (await secretariat.PutAsync($"/api/v1/evaluation/experts/{created.User.Id}",
            new EvaluationApi.ExpertRequest(null, "x", [ExpertDomain.LegalCompliance], [], [], [], null, true, 4, [], Guid.NewGuid()))).AssertStatusAsync(HttpStatusCode.Conflict);

        var declared = await (await expert.PostAsync("/api/v1/evaluation/declarations", new EvaluationApi.DeclarationRequest(ConflictDeclarationKind.Person, null, "配偶任职于某证券公司")))
            .ReadAsync<EvaluationApi.DeclarationDto>(HttpStatusCode.Created);
        await (await secretariat.PostAsync($"/api/v1/evaluation/declarations/{declared.Id}/end", new { })).AssertStatusAsync(HttpStatusCode.Forbidden);
        var expertId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == DemoUsers.Expert).Select(u => u.Id).SingleAsync());
        using var otherExpert = await app.ApiClientAsync("expert.legal@demo.finpilot.cn");
        await (await otherExpert.GetAsync($"/api/v1/evaluation/experts/{expertId}")).AssertStatusAsync(HttpStatusCode.Forbidden);
        await (await otherExpert.GetAsync($"/api/v1/evaluation/experts/{expertId}/declarations")).AssertStatusAsync(HttpStatusCode.Forbidden);
        await (await otherExpert.PostAsync($"/api/v1/evaluation/declarations/{declared.Id}/end", new { })).AssertStatusAsync(HttpStatusCode.Forbidden);
        var own = await (await expert.GetAsync($"/api/v1/evaluation/experts/{expertId}/declarations")).ReadAsync<List<EvaluationApi.DeclarationDto>>();
        Assert.Contains(own, d => d.Id == declared.Id);
        await (await expert.PostAsync("/api/v1/evaluation/declarations", new EvaluationApi.DeclarationRequest(ConflictDeclarationKind.Organisation, null, null)))
            .AssertStatusAsync(HttpStatusCode.BadRequest);
    }
}
