using System.Net;
using FinPilot.Domain.Evaluation;
using FinPilot.Domain.PlanChanges;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Evaluation;
using FinPilot.Web.Tests.Alerts;
using FinPilot.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Tests.PlanChanges;

/// <summary>
/// The expert review of a major change through its pages: the working group starts it and assigns
/// from the pool (conflicted experts shown with the reason, not offered), each expert scores on the
/// sheet page and finds the change in their own list, the working group forwards with its view; refusals.
/// </summary>
public sealed class PlanChangeReviewPageTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    private const string ConflictedExpert = "expert.equity@demo.finpilot.cn";

    [Theory, AllProviders]
    public async Task The_working_group_runs_the_review_on_the_page_and_the_experts_score_on_their_sheets(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var (pilot, plan) = await app.PilotAsync("变更评审页面");
        using var applicantApi = await app.ApiClientAsync(DemoUsers.Applicant);
        var change = await applicantApi.RequestAsync(pilot.Id, app.Proposal(plan, customerCap: 900));
        Assert.Equal(PlanChangeStatus.AwaitingExpertReview, change.Status);
        var conflictedId = await app.UserIdAsync(ConflictedExpert);
        await DeclareConflictAsync(app, conflictedId, pilot.OrganisationId);

        using var wg = await app.SignedInAsync(DemoUsers.WorkingGroupBeijing);
        var path = $"/plan-changes/{change.Id}";
        var html = await (await wg.GetAsync(path)).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"review-not-started\"", html);
        Assert.Contains("data-testid=\"start-review\"", html);
        await PostAsync(wg, path, "start-review", []);
        Assert.NotNull(await ReviewAsync(app, change.Id));

        // The pool: the conflicted expert is shown as unavailable with the reason and not offered in the select.
        html = await (await wg.GetAsync(path)).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"pool-unavailable\"", html);
        Assert.Contains("需回避", html);
        Assert.DoesNotContain($"<option value=\"{conflictedId}\"", html);
        foreach (var email in PlanChangesTestKit.Reviewers)
        {
            await PostAsync(wg, path, "assign", new() { ["Expert"] = await app.UserIdAsync(email) });
        }

        Assert.Equal(3, (await ReviewAsync(app, change.Id))!.Reviewers.Count);
        using (var refused = await PostAsync(wg, path, "assign", new() { ["Expert"] = conflictedId }))
        {
            Assert.Contains("data-testid=\"form-errors\"", await refused.Content.ReadAsStringAsync());
        }

        Assert.Equal(3, (await ReviewAsync(app, change.Id))!.Reviewers.Count);

        // Each expert finds the change in their list and scores it on the sheet page; an unconfirmed or out-of-scale sheet is refused.
        foreach (var email in PlanChangesTestKit.Reviewers)
        {
            using var expert = await app.SignedInAsync(email);
            var expertId = await app.UserIdAsync(email);
            var list = await (await expert.GetAsync("/plan-changes/reviews")).Content.ReadAsStringAsync();
            Assert.Contains($"plan-changes/{change.Id}/review/sheet", list);
            Assert.Contains("data-testid=\"to-score\"", list);
            var sheetPath = $"/plan-changes/{change.Id}/review/sheet";
            var sheetHtml = await (await expert.GetAsync(sheetPath + "?culture=en")).Content.ReadAsStringAsync();
            Assert.Contains("Consumer protection", sheetHtml, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(">ConsumerProtection<", sheetHtml);

            using (var outOfScale = await expert.SubmitAsync(sheetPath, sheetPath, Sheet(11, confirm: true)))
            {
                Assert.Contains("data-testid=\"form-errors\"", await outOfScale.Content.ReadAsStringAsync());
            }

            using (var unconfirmed = await expert.SubmitAsync(sheetPath, sheetPath, Sheet(8, confirm: false)))
            {
                Assert.Contains("data-testid=\"form-errors\"", await unconfirmed.Content.ReadAsStringAsync());
            }

            Assert.False((await ReviewAsync(app, change.Id))!.Reviewers.Single(r => r.ExpertUserId == expertId).Submitted);
            using (var sent = await expert.SubmitAsync(sheetPath, sheetPath, Sheet(8, confirm: true)))
            {
                var body = await sent.Content.ReadAsStringAsync();
                Assert.Contains("data-testid=\"done\"", body);
                Assert.Contains("data-testid=\"sheet-submitted\"", body);
            }
        }

        var review = (await ReviewAsync(app, change.Id))!;
        Assert.True(review.IsComplete);
        Assert.All(review.Reviewers, r => Assert.Equal(8, r.Scores.Single(s => s.Criterion == ChangeCriterion.RiskControl).Score));

        // The working group reads the summary and forwards with its view, only once confirmed.
        html = await (await wg.GetAsync(path)).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"review-summary\"", html);
        Assert.Contains("data-testid=\"forward\"", html);
        await PostAsync(wg, path, "forward", new() { ["Text"] = "同意提请审议" });
        Assert.Equal(PlanChangeStatus.AwaitingExpertReview, await StatusAsync(app, change.Id));
        await PostAsync(wg, path, "forward", new() { ["Text"] = "工作组同意提请协调小组审议。", ["Confirm"] = "true" });
        Assert.Equal(PlanChangeStatus.AwaitingCoordinationGroup, await StatusAsync(app, change.Id));
    }

    [Theory, AllProviders]
    public async Task Other_regions_applicants_and_unassigned_experts_get_no_review_forms(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var (pilot, plan) = await app.PilotAsync("变更评审页面权限");
        using var applicantApi = await app.ApiClientAsync(DemoUsers.Applicant);
        var change = await applicantApi.RequestAsync(pilot.Id, app.Proposal(plan, customerCap: 900));
        var path = $"/plan-changes/{change.Id}";

        using var applicant = await app.SignedInAsync(DemoUsers.Applicant);
        var applicantHtml = await (await applicant.GetAsync(path)).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"review\"", applicantHtml);
        Assert.DoesNotContain("data-testid=\"start-review\"", applicantHtml);
        await PostAsync(applicant, path, "start-review", []);
        Assert.Null(await ReviewAsync(app, change.Id));

        using var shanghai = await app.SignedInAsync(DemoUsers.WorkingGroupShanghai);
        var shanghaiHtml = await (await shanghai.GetAsync(path)).Content.ReadAsStringAsync();
        Assert.DoesNotContain("data-testid=\"change-detail\"", shanghaiHtml);
        Assert.DoesNotContain("data-testid=\"review\"", shanghaiHtml);

        // Started; an expert not assigned sees neither the change nor a sheet, and their list is empty.
        using var wgApi = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        await (await wgApi.PostAsync($"/api/v1/plan-changes/{change.Id}/review", new Features.PlanChanges.PlanChangesApi.VersionRequest(change.Version)))
            .ReadAsync<Features.PlanChanges.PlanChangesApi.PlanChangeDto>();
        using var expert = await app.SignedInAsync(PlanChangesTestKit.Reviewers[0]);
        var sheetHtml = await (await expert.GetAsync($"/plan-changes/{change.Id}/review/sheet")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("data-testid=\"sheet\"", sheetHtml);
        var list = await (await expert.GetAsync("/plan-changes/reviews")).Content.ReadAsStringAsync();
        Assert.DoesNotContain($"plan-changes/{change.Id}", list);

        // An applicant has no review list at all.
        var applicantList = await (await applicant.GetAsync("/plan-changes/reviews")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("data-testid=\"my-reviews\"", applicantList);
        Assert.DoesNotContain("data-testid=\"no-reviews\"", applicantList);
    }

    [Theory, AllProviders]
    public async Task The_demo_has_an_approved_major_change_that_went_through_the_expert_review(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var majors = await app.WithDbAsync(db => db.PlanChanges.AsNoTracking().Where(c => c.Route == ChangeRoute.Major && c.Status == PlanChangeStatus.Approved).ToListAsync());
        var reviewed = Assert.Single(majors, c => c.Review is not null && c.ForwardedAt is not null);
        Assert.True(reviewed.Review!.IsComplete);
        Assert.Equal(3, reviewed.Review.Reviewers.Count(r => r.Submitted));
        Assert.NotNull(reviewed.AppliedAt);

        using var coordination = await app.SignedInAsync(DemoUsers.Coordination);
        var html = await (await coordination.GetAsync($"/plan-changes/{reviewed.Id}")).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"review-summary\"", html);
        Assert.Equal(3, html.Split("data-testid=\"reviewer-row\"").Length - 1);
        Assert.Contains("data-testid=\"forward-note\"", html);
    }

    private static Dictionary<string, string> Sheet(int score, bool confirm)
    {
        var fields = new Dictionary<string, string> { ["_handler"] = "sheet", ["Recommendation"] = nameof(Recommendation.Recommend), ["Opinion"] = "变更必要，风险可控。" };
        foreach (var c in ExpertReview.Criteria)
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

    private static Task DeclareConflictAsync(FinPilotApp app, string expertId, Guid organisationId) =>
        app.WithDbAsync(async db =>
        {
            db.ConflictDeclarations.Add(new ConflictDeclaration
            {
                Id = Guid.NewGuid(),
                ExpertUserId = expertId,
                Kind = ConflictDeclarationKind.Organisation,
                OrganisationId = organisationId,
                Text = "持有申报机构股份",
                DeclaredAt = app.Clock.GetUtcNow(),
            });
            await db.SaveChangesAsync();
            return 0;
        });

    private static Task<ExpertReview?> ReviewAsync(FinPilotApp app, Guid id) =>
        app.WithDbAsync(db => db.PlanChanges.AsNoTracking().Where(c => c.Id == id).Select(c => c.Review).SingleAsync());

    private static Task<PlanChangeStatus> StatusAsync(FinPilotApp app, Guid id) =>
        app.WithDbAsync(db => db.PlanChanges.AsNoTracking().Where(c => c.Id == id).Select(c => c.Status).SingleAsync());
}
