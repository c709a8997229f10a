using System.Net;
using FinPilot.Domain.Evaluation;
using FinPilot.Domain.Obligations;
using FinPilot.Domain.PlanChanges;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Evaluation;
using FinPilot.Web.Features.Notifications;
using FinPilot.Web.Features.PlanChanges;
using FinPilot.Web.Tests.Alerts;
using FinPilot.Web.Tests.Infrastructure;
using FinPilot.Web.Tests.Supervision;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Tests.PlanChanges;

/// <summary>
/// 变更专家评审: a major change's small expert round before the coordination group — who may start
/// it, assign, score and forward; conflicted experts kept out; each step's deadline an obligation.
/// </summary>
public sealed class PlanChangeReviewTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    private const string ConflictedExpert = "expert.equity@demo.finpilot.cn";

    [Theory, AllProviders]
    public async Task A_conflicted_expert_cannot_be_assigned_and_only_pool_experts_can(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var (pilot, plan) = await app.PilotAsync("变更评审回避");
        using var applicant = await app.ApiClientAsync(DemoUsers.Applicant);
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        var change = await applicant.RequestAsync(pilot.Id, app.Proposal(plan, customerCap: 900));
        var started = await (await wg.PostAsync($"/api/v1/plan-changes/{change.Id}/review", new PlanChangesApi.VersionRequest(change.Version)))
            .ReadAsync<PlanChangesApi.PlanChangeDto>();

        // The expert declared a conflict with the pilot's lead institution: the evaluation module's conflict rules recuse them here too.
        var conflictedId = await app.UserIdAsync(ConflictedExpert);
        await app.WithDbAsync(async db =>
        {
            db.ConflictDeclarations.Add(new ConflictDeclaration
            {
                Id = Guid.NewGuid(),
                ExpertUserId = conflictedId,
                Kind = ConflictDeclarationKind.Organisation,
                OrganisationId = pilot.OrganisationId,
                Text = "持有申报机构股份",
                DeclaredAt = app.Clock.GetUtcNow(),
            });
            await db.SaveChangesAsync();
            return 0;
        });
        var refused = await (await wg.PostAsync($"/api/v1/plan-changes/{change.Id}/review/reviewers", new PlanChangesApi.AssignRequest(conflictedId, started.Version)))
            .ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("回避", refused.Detail, StringComparison.Ordinal);

        // Not an expert of the pool (the applicant's own account), or nobody at all.
        var applicantId = await app.UserIdAsync(DemoUsers.Applicant);
        await (await wg.PostAsync($"/api/v1/plan-changes/{change.Id}/review/reviewers", new PlanChangesApi.AssignRequest(applicantId, started.Version)))
            .ReadProblemAsync(HttpStatusCode.BadRequest);
        await (await wg.PostAsync($"/api/v1/plan-changes/{change.Id}/review/reviewers", new PlanChangesApi.AssignRequest(null, started.Version)))
            .ReadProblemAsync(HttpStatusCode.BadRequest);

        // Nothing was recorded by the refusals: the same version still assigns a free expert, once.
        var expertId = await app.UserIdAsync(DemoUsers.Expert);
        var assigned = await (await wg.PostAsync($"/api/v1/plan-changes/{change.Id}/review/reviewers", new PlanChangesApi.AssignRequest(expertId, started.Version)))
            .ReadAsync<PlanChangesApi.PlanChangeDto>();
        Assert.Equal([expertId], assigned.Review!.Reviewers.Select(r => r.ExpertUserId));
        await (await wg.PostAsync($"/api/v1/plan-changes/{change.Id}/review/reviewers", new PlanChangesApi.AssignRequest(expertId, assigned.Version)))
            .ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.True(await app.WithDbAsync(db => db.Notifications.AnyAsync(n => n.UserId == expertId && n.Kind == NotificationKind.PlanChangeReviewAssigned)));
        Assert.False(await app.WithDbAsync(db => db.Obligations.AnyAsync(o => o.Subject == PlanChangeReviewService.ExpertSubject(change.Id, conflictedId))));
    }

    [Theory, AllProviders]
    public async Task Only_the_regions_working_group_or_the_secretariat_runs_the_review_and_only_assigned_experts_score(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var (pilot, plan) = await app.PilotAsync("变更评审权限");
        using var applicant = await app.ApiClientAsync(DemoUsers.Applicant);
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        using var shanghai = await app.ApiClientAsync(DemoUsers.WorkingGroupShanghai);
        using var integrity = await app.ApiClientAsync(DemoUsers.Integrity);
        using var chair = await app.ApiClientAsync(DemoUsers.Coordination);
        using var secretariat = await app.ApiClientAsync(DemoUsers.Secretariat);
        using var expert = await app.ApiClientAsync(DemoUsers.Expert);
        using var outsider = await app.ApiClientAsync(PlanChangesTestKit.Reviewers[1]);
        var change = await applicant.RequestAsync(pilot.Id, app.Proposal(plan, extensionMonths: 12));
        Assert.Equal(PlanChangeStatus.AwaitingExpertReview, change.Status);
        var review = $"/api/v1/plan-changes/{change.Id}/review";

        // Another region's working group, the applicant, an integrity officer, the coordination group and an expert may not start it.
        foreach (var denied in new[] { shanghai, applicant, integrity, chair, expert })
        {
            await denied.PostAsync(review, new PlanChangesApi.VersionRequest(change.Version)).AssertDeniedAsync();
        }

        Assert.True((await wg.GetChangeAsync(change.Id)).Allowed.StartReview);
        Assert.False((await chair.GetChangeAsync(change.Id)).Allowed.StartReview);

        // The (national) secretariat starts it; the review's deadline is the working group's obligation.
        var started = await (await secretariat.PostAsync(review, new PlanChangesApi.VersionRequest(change.Version))).ReadAsync<PlanChangesApi.PlanChangeDto>();
        Assert.NotNull(started.Review);
        var duty = await app.WithDbAsync(db => db.Obligations.AsNoTracking().SingleAsync(o => o.Subject == PlanChangeReviewService.ReviewSubject(change.Id)));
        Assert.Equal((ObligationKind.PlanChangeReview, ObligationStatus.Open, started.Review!.DueAt), (duty.Kind, duty.Status, duty.DueAt));
        await (await wg.PostAsync(review, new PlanChangesApi.VersionRequest(started.Version))).ReadProblemAsync(HttpStatusCode.Conflict);

        var expertId = await app.UserIdAsync(DemoUsers.Expert);
        var assign = $"{review}/reviewers";
        foreach (var denied in new[] { shanghai, applicant, integrity, expert })
        {
            await denied.PostAsync(assign, new PlanChangesApi.AssignRequest(expertId, started.Version)).AssertDeniedAsync();
        }

        var assigned = await (await wg.PostAsync(assign, new PlanChangesApi.AssignRequest(expertId, started.Version))).ReadAsync<PlanChangesApi.PlanChangeDto>();
        Assert.Equal(ObligationStatus.Open, (await app.WithDbAsync(db => db.Obligations.AsNoTracking()
            .SingleAsync(o => o.Subject == PlanChangeReviewService.ExpertSubject(change.Id, expertId)))).Status);

        // An expert not assigned neither reads the change nor scores it; the working group does not score.
        await outsider.GetAsync($"/api/v1/plan-changes/{change.Id}").AssertDeniedAsync();
        var sheet = $"{review}/sheet";
        await (await outsider.PostAsync(sheet, PlanChangesTestKit.Sheet(assigned.Version))).ReadProblemAsync(HttpStatusCode.Forbidden);
        await wg.PostAsync(sheet, PlanChangesTestKit.Sheet(assigned.Version)).AssertDeniedAsync();

        // The assigned expert reads the change, may score, and forwarding waits for the review to be complete (three experts by default).
        var seen = await expert.GetChangeAsync(change.Id);
        Assert.True(seen.Allowed.Score);
        Assert.Null(seen.ReviewSummary);
        await (await expert.PostAsync(sheet, PlanChangesTestKit.Sheet(seen.Version, score: 11))).ReadProblemAsync(HttpStatusCode.BadRequest);
        var scored = await (await expert.PostAsync(sheet, PlanChangesTestKit.Sheet(seen.Version, 6, Recommendation.RecommendWithConditions)))
            .ReadAsync<PlanChangesApi.PlanChangeDto>();
        Assert.False(scored.Allowed.Score);
        await (await expert.PostAsync(sheet, PlanChangesTestKit.Sheet(scored.Version))).ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(ObligationStatus.Fulfilled, (await app.WithDbAsync(db => db.Obligations.AsNoTracking()
            .SingleAsync(o => o.Subject == PlanChangeReviewService.ExpertSubject(change.Id, expertId)))).Status);
        var forward = $"{review}/forward";
        await (await wg.PostAsync(forward, new PlanChangesApi.ForwardRequest("提请审议", scored.Version))).ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.False((await wg.GetChangeAsync(change.Id)).Allowed.Forward);

        // The staff see every sheet and the summary so far.
        var staffView = await wg.GetChangeAsync(change.Id);
        Assert.Equal((1, 1, 6m), (staffView.ReviewSummary!.Submitted, staffView.ReviewSummary.WithConditions, staffView.ReviewSummary.Averages[0].Average));
    }

    [Theory, AllProviders]
    public async Task A_complete_review_is_forwarded_by_the_working_group_alone_and_a_withdrawal_waives_its_duties(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var (pilot, plan) = await app.PilotAsync("变更评审提请");
        using var applicant = await app.ApiClientAsync(DemoUsers.Applicant);
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        using var shanghai = await app.ApiClientAsync(DemoUsers.WorkingGroupShanghai);
        using var secretariat = await app.ApiClientAsync(DemoUsers.Secretariat);
        var change = await applicant.RequestAsync(pilot.Id, app.Proposal(plan, customerCap: 1200));
        var current = await (await wg.PostAsync($"/api/v1/plan-changes/{change.Id}/review", new PlanChangesApi.VersionRequest(change.Version)))
            .ReadAsync<PlanChangesApi.PlanChangeDto>();
        foreach (var email in PlanChangesTestKit.Reviewers)
        {
            current = await (await wg.PostAsync($"/api/v1/plan-changes/{change.Id}/review/reviewers",
                new PlanChangesApi.AssignRequest(await app.UserIdAsync(email), current.Version))).ReadAsync<PlanChangesApi.PlanChangeDto>();
        }

        foreach (var (email, score) in PlanChangesTestKit.Reviewers.Zip([9, 7, 5]))
        {
            using var expert = await app.ApiClientAsync(email);
            var seen = await expert.GetChangeAsync(change.Id);
            Assert.Single(seen.Review!.Reviewers);
            await (await expert.PostAsync($"/api/v1/plan-changes/{change.Id}/review/sheet", PlanChangesTestKit.Sheet(seen.Version, score))).ReadAsync<PlanChangesApi.PlanChangeDto>();
        }

        var complete = await wg.GetChangeAsync(change.Id);
        Assert.NotNull(complete.Review!.CompletedAt);
        Assert.Equal(7m, complete.ReviewSummary!.Averages.Single(a => a.Criterion == ChangeCriterion.Feasibility).Average);
        Assert.True(complete.Allowed.Forward);
        var wgId = await app.UserIdAsync(DemoUsers.WorkingGroupBeijing);
        Assert.True(await app.WithDbAsync(db => db.Notifications.AnyAsync(n => n.UserId == wgId && n.Kind == NotificationKind.PlanChangeReviewCompleted)));

        // No one else forwards, nor assigns to a complete review.
        var forward = $"/api/v1/plan-changes/{change.Id}/review/forward";
        await shanghai.PostAsync(forward, new PlanChangesApi.ForwardRequest("提请", complete.Version)).AssertDeniedAsync();
        await secretariat.PostAsync(forward, new PlanChangesApi.ForwardRequest("提请", complete.Version)).AssertDeniedAsync();
        await applicant.PostAsync(forward, new PlanChangesApi.ForwardRequest("提请", complete.Version)).AssertDeniedAsync();
        await (await wg.PostAsync($"/api/v1/plan-changes/{change.Id}/review/reviewers",
            new PlanChangesApi.AssignRequest(await app.UserIdAsync(DemoUsers.Expert), complete.Version))).ReadProblemAsync(HttpStatusCode.Conflict);
        await (await wg.PostAsync(forward, new PlanChangesApi.ForwardRequest(" ", complete.Version))).ReadProblemAsync(HttpStatusCode.BadRequest);

        var forwarded = await (await wg.PostAsync(forward, new PlanChangesApi.ForwardRequest("工作组建议同意。", complete.Version))).ReadAsync<PlanChangesApi.PlanChangeDto>();
        Assert.Equal((PlanChangeStatus.AwaitingCoordinationGroup, "工作组建议同意。"), (forwarded.Status, forwarded.ForwardNote));
        Assert.Equal(ObligationStatus.Fulfilled, (await app.WithDbAsync(db => db.Obligations.AsNoTracking()
            .SingleAsync(o => o.Subject == PlanChangeReviewService.ReviewSubject(change.Id)))).Status);
        var chairId = await app.UserIdAsync(DemoUsers.Coordination);
        Assert.True(await app.WithDbAsync(db => db.Notifications.AnyAsync(n => n.UserId == chairId && n.Kind == NotificationKind.PlanChangeForwarded)));

        // A second change, withdrawn mid-review: the review's and the unscored expert's duties are waived.
        await (await applicant.PostAsync($"/api/v1/plan-changes/{change.Id}/withdraw", new PlanChangesApi.VersionRequest(forwarded.Version))).ReadAsync<PlanChangesApi.PlanChangeDto>();
        var second = await applicant.RequestAsync(pilot.Id, app.Proposal(plan, customerCap: 1500));
        var started = await (await wg.PostAsync($"/api/v1/plan-changes/{second.Id}/review", new PlanChangesApi.VersionRequest(second.Version)))
            .ReadAsync<PlanChangesApi.PlanChangeDto>();
        var expertId = await app.UserIdAsync(DemoUsers.Expert);
        var assigned = await (await wg.PostAsync($"/api/v1/plan-changes/{second.Id}/review/reviewers", new PlanChangesApi.AssignRequest(expertId, started.Version)))
            .ReadAsync<PlanChangesApi.PlanChangeDto>();
        await (await applicant.PostAsync($"/api/v1/plan-changes/{second.Id}/withdraw", new PlanChangesApi.VersionRequest(assigned.Version))).ReadAsync<PlanChangesApi.PlanChangeDto>();
        var duties = await app.WithDbAsync(db => db.Obligations.AsNoTracking()
            .Where(o => o.Subject == PlanChangeReviewService.ReviewSubject(second.Id) || o.Subject == PlanChangeReviewService.ExpertSubject(second.Id, expertId)).ToListAsync());
        Assert.Equal(2, duties.Count);
        Assert.All(duties, d => Assert.Equal(ObligationStatus.Waived, d.Status));
    }
}
