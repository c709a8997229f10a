using System.Net;
using FinPilot.Domain.Evaluation;
using FinPilot.Domain.Evaluation.Rounds;
using FinPilot.Domain.Projects;
using FinPilot.Web.Features.Applications;
using FinPilot.Web.Features.Evaluation;
using FinPilot.Web.Tests.Applications;
using FinPilot.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Tests.Evaluation;

/// <summary>Shortcuts for the evaluation tests: projects of a call of their own in evaluation, rounds, sheets.</summary>
internal static class EvaluationTestKit
{
    /// <summary>A call of the test's own with <paramref name="titles"/> applied for by the demo applicant, screened and accepted.</summary>
    public static async Task<(Guid CallId, IReadOnlyList<Guid> Projects)> InEvaluationAsync(
        this FinPilotApp app, string callTitle, IReadOnlyList<string> titles, IReadOnlyList<Guid>? partners = null)
    {
        using var applicant = await app.ApiClientAsync(DemoUsers.Applicant);
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        var callId = await app.OpenBeijingCallAsync(callTitle);
        var projects = new List<Guid>();
        foreach (var title in titles)
        {
            var project = await applicant.StartAsync(callId, title);
            await applicant.SaveAsync(project.Id, ApplicationTestKit.CompleteForm(title) with { PartnerOrganisationIds = partners ?? [] });
            await applicant.UploadMaterialsAsync(project.Id);
            await (await applicant.PostAsync($"/api/v1/applications/{project.Id}/submit", new { })).AssertStatusAsync(HttpStatusCode.OK);
            await (await wg.PostAsync($"/api/v1/screening/{project.Id}/start", new { })).AssertStatusAsync(HttpStatusCode.NoContent);
            var checklist = await (await wg.GetAsync($"/api/v1/screening/{project.Id}/checklist")).ReadAsync<ScreeningApi.ChecklistDto>();
            await (await wg.PutAsync($"/api/v1/screening/{project.Id}/checklist", new ScreeningApi.ChecklistRequest(checklist.Items))).AssertStatusAsync(HttpStatusCode.NoContent);
            await (await wg.PostAsync($"/api/v1/screening/{project.Id}/accept", new ScreeningApi.NoteRequest(null))).AssertStatusAsync(HttpStatusCode.NoContent);
            projects.Add(project.Id);
        }

        return (callId, projects);
    }

    public static async Task<EvaluationApi.RoundDto> CreateRoundAsync(this HttpClient secretariat, Guid callId, int expertsPerProject, DateOnly deadline) =>
        await (await secretariat.PostAsync("/api/v1/evaluation/rounds", new EvaluationApi.RoundRequest(callId, null, expertsPerProject, deadline, false, null, null)))
            .ReadAsync<EvaluationApi.RoundDto>(HttpStatusCode.Created);

    public static async Task<EvaluationApi.RoundDto> RoundAsync(this HttpClient client, Guid roundId) =>
        await (await client.GetAsync($"/api/v1/evaluation/rounds/{roundId}")).ReadAsync<EvaluationApi.RoundDto>();

    /// <summary>Creates, solves and opens a round; returns it as opened.</summary>
    public static async Task<EvaluationApi.RoundDto> OpenedRoundAsync(this FinPilotApp app, HttpClient secretariat, Guid callId, int expertsPerProject = 3)
    {
        var round = await secretariat.CreateRoundAsync(callId, expertsPerProject, DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).AddDays(20));
        var report = await (await secretariat.PostAsync($"/api/v1/evaluation/rounds/{round.Id}/solve", new { })).ReadAsync<SolveReport>();
        Assert.True(report.Feasible, string.Join("; ", report.Problems.Select(p => p.Code)));
        var solved = await secretariat.RoundAsync(round.Id);
        await (await secretariat.PostAsync($"/api/v1/evaluation/rounds/{round.Id}/open", new EvaluationApi.VersionRequest(solved.Version))).AssertStatusAsync(HttpStatusCode.NoContent);
        return await secretariat.RoundAsync(round.Id);
    }

    public static Task<string> EmailOfAsync(this FinPilotApp app, string userId) =>
        app.WithDbAsync(db => db.Users.Where(u => u.Id == userId).Select(u => u.Email!).SingleAsync());

    public static Task<Guid> OrganisationIdAsync(this FinPilotApp app, string nameZh) =>
        app.WithDbAsync(db => db.Organisations.Where(o => o.NameZh == nameZh).Select(o => o.Id).SingleAsync());

    public static ScoreSheet Sheet(int score, Recommendation recommendation = Recommendation.Recommend) => new()
    {
        Scores = EvaluationValues.Dimensions.Select(d => new DimensionScore(d, score, $"{d} 评价")).ToList(),
        Recommendation = recommendation,
        Conditions = recommendation == Recommendation.RecommendWithConditions ? "限定客户范围" : null,
    };

    /// <summary>The expert clears the assignment and submits <paramref name="sheet"/>.</summary>
    public static async Task ScoreAsync(this HttpClient expert, Guid assignmentId, ScoreSheet sheet)
    {
        await (await expert.PostAsync($"/api/v1/evaluation/my/assignments/{assignmentId}/no-conflict", new { })).AssertStatusAsync(HttpStatusCode.NoContent);
        var view = await (await expert.GetAsync($"/api/v1/evaluation/my/assignments/{assignmentId}")).ReadAsync<EvaluationApi.ScoringDto>();
        await (await expert.PostAsync($"/api/v1/evaluation/my/assignments/{assignmentId}/submit", new EvaluationApi.SheetRequest(sheet, view.Version)))
            .AssertStatusAsync(HttpStatusCode.NoContent);
    }

    public static ProjectStage Stage(this ApplicationsApi.ApplicationDto application) => application.Project.Stage;
}
