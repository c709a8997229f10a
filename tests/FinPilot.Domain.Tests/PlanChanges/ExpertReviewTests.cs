using FinPilot.Domain.Common;
using FinPilot.Domain.Evaluation;
using FinPilot.Domain.PlanChanges;
using FinPilot.Domain.Projects;
using FinPilot.Domain.Supervision;
using FinPilot.Domain.Tests.Projects;

namespace FinPilot.Domain.Tests.PlanChanges;

public sealed class ExpertReviewTests
{
    private static readonly DateTimeOffset Now = ProjectTestData.Now;
    private static readonly ChangeRules Reviewed = new() { MajorNeedsExpertReview = true };

    [Fact]
    public void A_major_change_waits_for_its_expert_review_when_the_rules_ask_for_one_and_a_minor_change_never_does()
    {
        Assert.Equal(PlanChangeStatus.AwaitingExpertReview, Change(800).Status);
        Assert.Equal(PlanChangeStatus.AwaitingWorkingGroup, Change(400).Status);
        Assert.Equal(PlanChangeStatus.AwaitingCoordinationGroup, Change(800, new ChangeRules()).Status);
        Assert.Equal(new Error(PlanChangeErrors.NotAwaiting, null, PlanChangeStatus.AwaitingWorkingGroup).Code, Change(400).StartReview(1, Now, Now, "wg").Errors[0].Code);
    }

    [Fact]
    public void A_conflicted_expert_is_refused_and_the_review_is_unchanged()
    {
        var change = Started(minReviewers: 1);
        var version = change.Version;

        var refused = change.AssignReviewer("expert", [new Conflict(ConflictReason.DeclaredOrganisation, Guid.NewGuid())], Now, Now, "wg");

        Assert.Equal(PlanChangeErrors.ReviewerConflicted, refused.Errors[0].Code);
        Assert.Empty(change.Review!.Reviewers);
        Assert.Equal(version, change.Version);
    }

    [Fact]
    public void The_last_sheet_completes_the_review_and_the_summary_averages_each_criterion()
    {
        var change = Started(minReviewers: 2);
        Assert.True(change.AssignReviewer("a", [], Now, Now, "wg").Succeeded);
        Assert.True(change.AssignReviewer("b", [], Now, Now, "wg").Succeeded);
        Assert.Equal(PlanChangeErrors.ReviewerAlreadyAssigned, change.AssignReviewer("a", [], Now, Now, "wg").Errors[0].Code);
        Assert.Equal(PlanChangeErrors.ReviewNotComplete, change.Forward("提请", Now, "wg").Errors[0].Code);

        Assert.True(change.SubmitReview("a", Sheet(9), Recommendation.Recommend, "同意", Now).Succeeded);
        Assert.False(change.Review!.IsComplete);
        Assert.Equal(PlanChangeErrors.ReviewAlreadySubmitted, change.SubmitReview("a", Sheet(9), Recommendation.Recommend, "同意", Now).Errors[0].Code);
        Assert.Equal(PlanChangeErrors.NotReviewer, change.SubmitReview("c", Sheet(9), Recommendation.Recommend, "同意", Now).Errors[0].Code);
        Assert.True(change.SubmitReview("b", Sheet(6), Recommendation.DoNotRecommend, "不同意", Now).Succeeded);

        Assert.True(change.Review!.IsComplete);
        var summary = change.Review.Summary();
        Assert.Equal((2, 1, 0, 1), (summary.Submitted, summary.Recommend, summary.WithConditions, summary.DoNotRecommend));
        Assert.All(summary.Averages, a => Assert.Equal(7.5m, a.Average));
        Assert.Equal(PlanChangeErrors.ReviewComplete, change.AssignReviewer("c", [], Now, Now, "wg").Errors[0].Code);
        Assert.True(change.Forward("工作组建议同意", Now, "wg").Succeeded);
        Assert.Equal(PlanChangeStatus.AwaitingCoordinationGroup, change.Status);
        Assert.Contains(((IRecordsEvents)change).PendingEvents, e => e is PlanChangeReviewCompleted);
        Assert.Contains(((IRecordsEvents)change).PendingEvents, e => e is PlanChangeForwarded);
    }

    [Fact]
    public void A_sheet_needs_every_criterion_on_the_scale_with_comments_a_recommendation_and_an_opinion()
    {
        Assert.Empty(ExpertReview.Validate(Sheet(1), Recommendation.Recommend, "x"));
        Assert.Contains(ExpertReview.Validate(Sheet(11), Recommendation.Recommend, "x"), e => e.Code == PlanChangeErrors.ReviewScoreOutOfScale);
        Assert.Contains(ExpertReview.Validate(Sheet(0), Recommendation.Recommend, "x"), e => e.Code == PlanChangeErrors.ReviewScoreOutOfScale);
        Assert.Contains(ExpertReview.Validate(Sheet(5).Skip(1).ToList(), Recommendation.Recommend, "x"), e => e.Field == "Scores[Necessity]");
        Assert.Contains(ExpertReview.Validate([.. Sheet(5), new CriterionScore(ChangeCriterion.Feasibility, 5, "again")], Recommendation.Recommend, "x"),
            e => e.Code == PlanChangeErrors.ReviewCriterionInvalid);
        Assert.Contains(ExpertReview.Validate(Sheet(5), null, "x"), e => e.Field == nameof(Recommendation));
        Assert.Contains(ExpertReview.Validate(Sheet(5), Recommendation.Recommend, " "), e => e.Field == "Opinion");
        Assert.Contains(ExpertReview.Validate([new CriterionScore(ChangeCriterion.Necessity, 5, " ")], Recommendation.Recommend, "x"), e => e.Field == "Comments[Necessity]");
    }

    private static List<CriterionScore> Sheet(int score) => [.. ExpertReview.Criteria.Select(c => new CriterionScore(c, score, "理由"))];

    private static PlanChange Started(int minReviewers)
    {
        var change = Change(800);
        Assert.True(change.StartReview(minReviewers, Now.AddDays(14), Now, "wg").Succeeded);
        Assert.Equal(PlanChangeErrors.ReviewAlreadyStarted, change.StartReview(minReviewers, Now.AddDays(14), Now, "wg").Errors[0].Code);
        return change;
    }

    private static PlanChange Change(int customerCap, ChangeRules? rules = null)
    {
        var current = new TestParameters { CustomerCap = 500, Scope = "北京地区", StartsOn = new DateOnly(2026, 1, 1), EndsOn = new DateOnly(2026, 12, 31) };
        var project = ProjectTestData.InStage(ProjectStage.Running);
        var plan = SupervisionPlan.Draft(project, new SupervisionTerms { Parameters = current }, Now).ValueOrThrow();
        Assert.True(plan.Confirm(plan.Terms, Now, "wg").Succeeded);
        var proposal = new ChangeProposal
        {
            CustomerCap = customerCap,
            Scope = current.Scope,
            EndsOn = current.EndsOn,
            Reason = "业务需要",
            EffectiveOn = Domain.Calendar.ChinaTime.DateOf(Now),
        };
        return PlanChange.Request(project, plan, proposal, rules ?? Reviewed, Now, "applicant").ValueOrThrow();
    }
}
