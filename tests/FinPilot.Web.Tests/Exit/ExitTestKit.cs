using System.Net;
using FinPilot.Domain.Calendar;
using FinPilot.Domain.Deliberation;
using FinPilot.Domain.Evaluation;
using FinPilot.Domain.Exit;
using FinPilot.Domain.Projects;
using FinPilot.Web.Features.Deliberation;
using FinPilot.Web.Features.Exit;
using FinPilot.Web.Tests.Alerts;
using FinPilot.Web.Tests.Infrastructure;
using FinPilot.Web.Tests.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FinPilot.Web.Tests.Exit;

/// <summary>The steps of the exit path as the institution, the working group, the experts and the coordination group take them over HTTP.</summary>
internal static class ExitTestKit
{
    /// <summary>Experts of the demo pool with no conflict with the demo applicant's institution.</summary>
    public static readonly string[] Reviewers = ["expert@demo.finpilot.cn", "expert.legal@demo.finpilot.cn", "expert.finance@demo.finpilot.cn"];

    public static async Task<Guid> RunningPilotAsync(this FinPilotApp app, string title) =>
        (await app.SupervisedPilotAsync($"{title} {Guid.NewGuid():N}")).ProjectId;

    public static ExitApplication Completion() => new() { Mode = ExitMode.Completed, Reasons = "测试计划已全部执行，试点目标达成。" };

    public static ExitApplication Withdrawal(bool confirmed = true) =>
        new() { Mode = ExitMode.Withdrawn, Reasons = "业务调整，提前结束试点。", TransitionPlan = "存量客户迁移至持牌业务，提前三十日告知。", Confirmed = confirmed };

    public static async Task<ExitsApi.ExitDto> ApplyAsync(this HttpClient applicant, Guid projectId, ExitApplication application) =>
        await (await applicant.PostAsync($"/api/v1/exits/projects/{projectId}", application)).ReadAsync<ExitsApi.ExitDto>(HttpStatusCode.Created);

    public static async Task<ExitsApi.ExitDto> GetExitAsync(this HttpClient client, Guid id) =>
        await (await client.GetAsync($"/api/v1/exits/{id}")).ReadAsync<ExitsApi.ExitDto>();

    public static ExitSelfAssessment Assessment() => new()
    {
        GoalsResults = "测试目标全部达成",
        InnovationValue = "区块链提升份额转让效率",
        RegulatoryInsight = "验证了穿透式监管的可行性",
        RiskControl = "未发生重大风险事件",
        InvestorProtection = "投诉全部办结",
        ServiceQuality = "服务稳定",
        UserSatisfaction = "满意度 96%",
        BusinessContinuity = "无中断",
        LegalityCompliance = "合法合规",
        TransactionSecurity = "交易安全",
        DataSecurity = "数据安全",
        Lessons = "需要加强客户告知",
    };

    /// <summary>The self-assessment and every checklist item but <paramref name="leaveOut"/>, as the institution writes them.</summary>
    public static async Task<ExitsApi.ExitDto> FillAsync(this HttpClient applicant, ExitsApi.ExitDto exit, ChecklistItemKind? leaveOut = null)
    {
        var current = await (await applicant.PutAsync($"/api/v1/exits/{exit.Id}/self-assessment", new ExitsApi.SelfAssessmentRequest { Assessment = Assessment(), Version = exit.Version }))
            .ReadAsync<ExitsApi.ExitDto>();
        foreach (var kind in ChecklistItem.Kinds.Where(k => k != leaveOut))
        {
            current = await (await applicant.PutAsync($"/api/v1/exits/{exit.Id}/checklist/{kind}", new ExitsApi.ChecklistRequest { Done = true, Evidence = $"{kind} 已完成", Version = current.Version }))
                .ReadAsync<ExitsApi.ExitDto>();
        }

        return current;
    }

    public static async Task<ExitsApi.ExitDto> SubmitAsync(this HttpClient applicant, ExitsApi.ExitDto exit) =>
        await (await applicant.PostAsync($"/api/v1/exits/{exit.Id}/submit", new ExitsApi.VersionRequest(exit.Version))).ReadAsync<ExitsApi.ExitDto>();

    public static async Task<ExitsApi.ExitDto> AcceptAsync(this HttpClient workingGroup, ExitsApi.ExitDto exit) =>
        await (await workingGroup.PostAsync($"/api/v1/exits/{exit.Id}/accept", new ExitsApi.TextRequest("材料齐全，审核通过。", exit.Version))).ReadAsync<ExitsApi.ExitDto>();

    public static ExitsApi.SheetRequest Sheet(Guid version, int score) => new()
    {
        Scores = [.. ExitReview.Criteria.Select(c => new ExitCriterionScore(c, score, $"{c} 论证意见"))],
        Recommendation = Recommendation.Recommend,
        Opinion = "同意退出。",
        Version = version,
    };

    /// <summary>The expert round with the three demo experts scoring as given, then the forward.</summary>
    public static async Task<ExitsApi.ExitDto> ReviewAndForwardAsync(this FinPilotApp app, HttpClient workingGroup, ExitsApi.ExitDto exit, params int[] scores)
    {
        var current = exit.Review is not null ? exit
            : await (await workingGroup.PostAsync($"/api/v1/exits/{exit.Id}/review", new ExitsApi.VersionRequest(exit.Version))).ReadAsync<ExitsApi.ExitDto>();
        foreach (var email in Reviewers)
        {
            current = await (await workingGroup.PostAsync($"/api/v1/exits/{exit.Id}/review/reviewers", new ExitsApi.AssignRequest(await app.UserIdAsync(email), current.Version)))
                .ReadAsync<ExitsApi.ExitDto>();
        }

        foreach (var (email, score) in Reviewers.Zip(scores))
        {
            using var expert = await app.ApiClientAsync(email);
            var seen = await expert.GetExitAsync(exit.Id);
            await (await expert.PostAsync($"/api/v1/exits/{exit.Id}/review/sheet", Sheet(seen.Version, score))).ReadAsync<ExitsApi.ExitDto>();
        }

        current = await workingGroup.GetExitAsync(exit.Id);
        return await (await workingGroup.PostAsync($"/api/v1/exits/{exit.Id}/forward", new ExitsApi.TextRequest("工作组建议确认退出。", current.Version))).ReadAsync<ExitsApi.ExitDto>();
    }

    /// <summary>A convened meeting with the coordination-group chair as its only attendee.</summary>
    public static async Task<Guid> MeetingAsync(this FinPilotApp app, HttpClient chair, string title)
    {
        var chairId = await app.UserIdAsync(DemoUsers.Coordination);
        var today = ChinaTime.DateOf(app.Clock.GetUtcNow());
        var meeting = await (await chair.PostAsync("/api/v1/meetings", new MeetingDetails(title, today, new TimeOnly(9, 30), chairId, [chairId])))
            .ReadAsync<DeliberationApi.MeetingDto>(HttpStatusCode.Created);
        return meeting.Id;
    }

    /// <summary>Convenes the meeting, votes on the item and records the resolution with the outcome given.</summary>
    public static async Task ResolveAsync(this HttpClient chair, Guid meetingId, Guid itemId, ProjectOutcome outcome, string text)
    {
        await (await chair.PostAsync($"/api/v1/meetings/{meetingId}/convene", new { })).AssertStatusAsync(HttpStatusCode.NoContent);
        var choice = outcome.Kind == OutcomeKind.Rejected ? VoteChoice.Reject : VoteChoice.Approve;
        await (await chair.PostAsync($"/api/v1/meetings/{meetingId}/items/{itemId}/votes", new DeliberationApi.VoteRequest(choice, "意见", null)))
            .AssertStatusAsync(HttpStatusCode.NoContent);
        await (await chair.PostAsync($"/api/v1/meetings/{meetingId}/items/{itemId}/resolution", new DeliberationApi.ResolutionRequest([outcome], text)))
            .AssertStatusAsync(HttpStatusCode.NoContent);
    }

    /// <summary>Runs work with the app's services in a scope of its own.</summary>
    public static async Task<T> WithScopeAsync<T>(this FinPilotApp app, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public static Task<ProjectStage> StageAsync(this FinPilotApp app, Guid projectId) =>
        app.WithDbAsync(db => db.Projects.Where(p => p.Id == projectId).Select(p => p.Stage).SingleAsync());
}
