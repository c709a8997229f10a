using System.Net;
using FinPilot.Domain.Calendar;
using FinPilot.Domain.Deliberation;
using FinPilot.Domain.Evaluation;
using FinPilot.Domain.Identity;
using FinPilot.Domain.Integrity;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Deliberation;
using FinPilot.Web.Features.Evaluation;
using FinPilot.Web.Features.PlanChanges;
using FinPilot.Web.Tests.Alerts;
using FinPilot.Web.Tests.Deliberation;
using FinPilot.Web.Tests.Evaluation;
using FinPilot.Web.Tests.Infrastructure;
using FinPilot.Web.Tests.PlanChanges;
using FinPilot.Web.Tests.Supervision;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Tests.IntegrityFlags;

/// <summary>
/// The scan's decision rules: an admission outcome against the evaluation result (about the chair who
/// recorded it), and a decision taken by a person linked to the project's organisations; each flagged
/// once, and a decision in line or by an unlinked person not at all.
/// </summary>
public sealed class IntegrityDecisionRulesTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    [Theory, AllProviders]
    public async Task An_outcome_against_the_experts_recommendation_is_flagged_once_about_the_chair(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var secretariat = await app.ApiClientAsync(DemoUsers.Secretariat);
        var (callId, projects) = await app.InEvaluationAsync("评审结论 征集", ["评审一致", "评审不荐而入", "评审推荐而拒"]);
        var round = await app.OpenedRoundAsync(secretariat, callId);
        // In line: all recommend. Admitted against: one of three recommends. Rejected against: two of three recommend.
        var recommendations = new[]
        {
            new[] { Recommendation.Recommend, Recommendation.Recommend, Recommendation.RecommendWithConditions },
            new[] { Recommendation.DoNotRecommend, Recommendation.Recommend, Recommendation.DoNotRecommend },
            new[] { Recommendation.Recommend, Recommendation.DoNotRecommend, Recommendation.RecommendWithConditions },
        };
        for (var i = 0; i < projects.Count; i++)
        {
            var assignments = round.Assignments.Where(a => a.ProjectId == projects[i]).ToList();
            Assert.Equal(3, assignments.Count);
            for (var j = 0; j < assignments.Count; j++)
            {
                using var expert = await app.ApiClientAsync(await app.EmailOfAsync(assignments[j].ExpertUserId));
                await expert.ScoreAsync(assignments[j].Id, EvaluationTestKit.Sheet(7, recommendations[i][j]));
            }
        }

        await app.CompleteEvaluationAsync(projects);

        using var chair = await app.ApiClientAsync(DemoUsers.Coordination);
        var chairId = await app.UserIdAsync(DemoUsers.Coordination);
        var today = ChinaTime.DateOf(app.Clock.GetUtcNow());
        var meeting = await (await chair.PostAsync("/api/v1/meetings", new MeetingDetails("评审结论审议会", today, new TimeOnly(9, 30), chairId, [chairId])))
            .ReadAsync<DeliberationApi.MeetingDto>(HttpStatusCode.Created);
        await (await chair.PostAsync($"/api/v1/meetings/{meeting.Id}/items", new DeliberationApi.ItemRequest(AgendaItemKind.Admission, "评审结论项目入箱", projects, "工作组意见。")))
            .AssertStatusAsync(HttpStatusCode.NoContent);
        var item = (await chair.GetMeetingAsync(meeting.Id)).Items.Single().Id;
        await (await chair.PostAsync($"/api/v1/meetings/{meeting.Id}/convene", new { })).AssertStatusAsync(HttpStatusCode.NoContent);
        var votes = $"/api/v1/meetings/{meeting.Id}/items/{item}/votes";
        await (await chair.PostAsync(votes, new DeliberationApi.VoteRequest(VoteChoice.Approve, "同意", null, projects[0]))).AssertStatusAsync(HttpStatusCode.NoContent);
        await (await chair.PostAsync(votes, new DeliberationApi.VoteRequest(VoteChoice.Approve, "同意", null, projects[1]))).AssertStatusAsync(HttpStatusCode.NoContent);
        await (await chair.PostAsync(votes, new DeliberationApi.VoteRequest(VoteChoice.Reject, "不同意", null, projects[2]))).AssertStatusAsync(HttpStatusCode.NoContent);
        var outcomes = new[] { ProjectOutcome.Approved(projects[0]), ProjectOutcome.Approved(projects[1]), ProjectOutcome.Rejected(projects[2], "风险过高") };
        await (await chair.PostAsync($"/api/v1/meetings/{meeting.Id}/items/{item}/resolution", new DeliberationApi.ResolutionRequest(outcomes, "经表决。")))
            .AssertStatusAsync(HttpStatusCode.NoContent);

        await app.ScanAsync();
        await app.ScanAsync();

        Assert.Empty(await app.FlagsAsync(IntegrityRule.DecisionAgainstEvaluation, projects[0].ToString()));
        var admitted = Assert.Single(await app.FlagsAsync(IntegrityRule.DecisionAgainstEvaluation, projects[1].ToString()));
        Assert.Equal((IntegrityRecordKind.Project, chairId, (int?)1, (int?)2), (admitted.RecordKind, admitted.PersonId, admitted.Facts.VotesFor, admitted.Facts.VotesAgainst));
        var rejected = Assert.Single(await app.FlagsAsync(IntegrityRule.DecisionAgainstEvaluation, projects[2].ToString()));
        Assert.Equal((chairId, (int?)2, (int?)1), (rejected.PersonId, rejected.Facts.VotesFor, rejected.Facts.VotesAgainst));
        // Against the experts but with the (one) vote: not a decision against the majority.
        Assert.Empty(await app.FlagsAsync(IntegrityRule.DecisionAgainstMajority, projects[1].ToString()));
    }

    [Theory, AllProviders]
    public async Task A_plan_change_decided_by_a_working_group_member_linked_to_the_institution_is_flagged_once(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var (linkedPilot, linkedPlan) = await app.SupervisedPilotAsync($"关联决策 {Guid.NewGuid():N}");
        var (otherPilot, otherPlan) = await app.SupervisedPilotAsync($"无关联决策 {Guid.NewGuid():N}");
        var project = await app.WithDbAsync(db => db.Projects.AsNoTracking().SingleAsync(p => p.Id == linkedPilot));
        var (regionId, organisationId) = (project.RegionId, project.LeadOrganisationId);
        var member = await app.CreateUserAsync($"wg.linked.{provider.ToString().ToLowerInvariant()}.{Guid.NewGuid():N}@integrity.test", Role.RegionalWorkingGroup, regionId);
        await app.WithDbAsync(async db =>
        {
            db.ConflictDeclarations.Add(new ConflictDeclaration
            {
                Id = Guid.NewGuid(),
                ExpertUserId = member.User.Id,
                Kind = ConflictDeclarationKind.Organisation,
                OrganisationId = organisationId,
                Text = "配偶任职于申报机构",
                DeclaredAt = app.Clock.GetUtcNow(),
            });
            return await db.SaveChangesAsync();
        });

        using var applicant = await app.ApiClientAsync(DemoUsers.Applicant);
        using var linked = await app.ApiClientAsync(member.User.Email!);
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        var linkedChange = await applicant.RequestAsync(linkedPilot, app.Proposal(linkedPlan, customerCap: 200, inDays: 5));
        var otherChange = await applicant.RequestAsync(otherPilot, app.Proposal(otherPlan, customerCap: 200, inDays: 5));
        await (await linked.PostAsync($"/api/v1/plan-changes/{linkedChange.Id}/decision", new PlanChangesApi.DecisionRequest(true, "属一般变更，同意。", linkedChange.Version)))
            .ReadAsync<PlanChangesApi.PlanChangeDto>();
        await (await wg.PostAsync($"/api/v1/plan-changes/{otherChange.Id}/decision", new PlanChangesApi.DecisionRequest(true, "属一般变更，同意。", otherChange.Version)))
            .ReadAsync<PlanChangesApi.PlanChangeDto>();

        await app.ScanAsync();
        await app.ScanAsync();

        var flag = Assert.Single(await app.FlagsAsync(IntegrityRule.DecisionMakerLinked, linkedChange.Id.ToString()));
        Assert.Equal((IntegrityRecordKind.PlanChange, member.User.Id, (Guid?)organisationId, (Guid?)linkedPilot), (flag.RecordKind, flag.PersonId, flag.Facts.OrganisationId, flag.ProjectId));
        Assert.Empty(await app.FlagsAsync(IntegrityRule.DecisionMakerLinked, otherChange.Id.ToString()));
    }
}
