using FinPilot.Domain.Evaluation;
using FinPilot.Domain.Exit;
using FinPilot.Domain.Projects;
using FinPilot.Domain.Tests.Projects;

namespace FinPilot.Domain.Tests.Exit;

/// <summary>退出: the exit case's path — opening, the checklist gate, questions back, the expert round and the tier decision.</summary>
public sealed class ExitCaseTests
{
    private static readonly DateTimeOffset Now = ProjectTestData.Now;
    private const string Applicant = "applicant";
    private const string WorkingGroup = "wg";
    private const string Chair = "chair";

    internal static ExitSelfAssessment Assessment() => new()
    {
        GoalsResults = "测试目标全部达成",
        InnovationValue = "创新价值",
        RegulatoryInsight = "监管启发",
        RiskControl = "风险防控",
        InvestorProtection = "投资者保护",
        ServiceQuality = "服务质量良好",
        UserSatisfaction = "满意度 95%",
        BusinessContinuity = "业务连续",
        LegalityCompliance = "合法合规",
        TransactionSecurity = "交易安全",
        DataSecurity = "数据安全",
        Lessons = "经验总结",
    };

    private static ExitCase Opened(ExitMode mode = ExitMode.Completed)
    {
        var project = ProjectTestData.InStage(ProjectStage.Running);
        return ExitCase.Open(project, mode, "测试计划执行完毕", "客户平稳过渡", confirmed: true, Now, Applicant).ValueOrThrow();
    }

    private static ExitCase Submitted()
    {
        var c = Opened();
        Assert.True(c.SaveSelfAssessment(Assessment(), [], Now, Applicant).Succeeded);
        foreach (var kind in ChecklistItem.Kinds)
        {
            Assert.True(c.RecordChecklistItem(kind, true, "已完成，见附件", null, Now, Applicant).Succeeded);
        }

        Assert.True(c.SubmitForAudit(Now, Applicant).Succeeded);
        return c;
    }

    private static ExitCase Reviewed(int score = 9)
    {
        var c = Submitted();
        Assert.True(c.Accept("材料齐全", Now, WorkingGroup).Succeeded);
        Assert.True(c.StartReview(1, Now.AddDays(10), Now, WorkingGroup).Succeeded);
        Assert.True(c.AssignReviewer("expert", [], Now.AddDays(10), Now, WorkingGroup).Succeeded);
        Assert.True(c.SubmitReview("expert", [.. ExitReview.Criteria.Select(k => new ExitCriterionScore(k, score, "意见"))], Recommendation.Recommend, "同意退出", Now).Succeeded);
        return c;
    }

    [Fact]
    public void Only_an_admitted_pilot_opens_an_exit_and_a_withdrawal_needs_a_plan_and_the_confirmation()
    {
        var draft = ProjectTestData.InStage(ProjectStage.Evaluation);
        Assert.Equal(ExitErrors.ProjectNotAdmitted, Assert.Single(ExitCase.Open(draft, ExitMode.Completed, "完成", null, false, Now, Applicant).Errors).Code);

        var running = ProjectTestData.InStage(ProjectStage.Running);
        var refused = ExitCase.Open(running, ExitMode.Withdrawn, "经营调整", null, confirmed: false, Now, Applicant);
        Assert.Equal(["TransitionPlan", "Confirmed"], refused.Errors.Select(e => e.Field));
        Assert.Contains(refused.Errors, e => e.Code == ExitErrors.WithdrawalNotConfirmed);

        var opened = ExitCase.Open(running, ExitMode.Withdrawn, "经营调整", "客户迁移至持牌业务", confirmed: true, Now, Applicant).ValueOrThrow();
        Assert.Equal((ExitMode.Withdrawn, ExitStatus.SelfAssessment, 6), (opened.Mode, opened.Status, opened.Checklist.Count));
        Assert.False(opened.ChecklistComplete);
    }

    [Fact]
    public void An_incomplete_checklist_blocks_the_audit_and_a_done_item_needs_evidence()
    {
        var c = Opened();
        Assert.True(c.SaveSelfAssessment(Assessment(), [new MetricSummaryLine("CUST", 3, 10, 1, 10)], Now, Applicant).Succeeded);
        Assert.Single(c.SelfAssessment!.MetricsSummary);
        Assert.Equal(ExitErrors.EvidenceRequired, Assert.Single(c.RecordChecklistItem(ChecklistItemKind.CustomersInformed, true, " ", null, Now, Applicant).Errors).Code);
        foreach (var kind in ChecklistItem.Kinds.Skip(1))
        {
            Assert.True(c.RecordChecklistItem(kind, true, "证据", null, Now, Applicant).Succeeded);
        }

        var blocked = c.SubmitForAudit(Now, Applicant);
        Assert.Equal(ExitErrors.ChecklistIncomplete, Assert.Single(blocked.Errors).Code);
        Assert.Equal([ChecklistItemKind.CustomersInformed], c.MissingChecklistItems);
        Assert.True(c.RecordChecklistItem(ChecklistItemKind.CustomersInformed, true, "短信告知 300 户", "ab12", Now, Applicant).Succeeded);
        Assert.True(c.SubmitForAudit(Now, Applicant).Succeeded);
        Assert.Equal(ExitStatus.Audit, c.Status);
    }

    [Fact]
    public void A_question_back_reopens_the_self_assessment_until_it_is_answered()
    {
        var c = Submitted();
        Assert.True(c.AskQuestion("请补充客户投诉办结证明", Now.AddDays(15), Now, WorkingGroup).Succeeded);
        Assert.Equal(ExitStatus.SelfAssessment, c.Status);
        Assert.Equal(ExitErrors.QuestionsOpen, Assert.Single(c.SubmitForAudit(Now, Applicant).Errors).Code);
        Assert.Equal(ExitErrors.QuestionNotOpen, Assert.Single(c.Answer(2, "答复", Now, Applicant).Errors).Code);
        Assert.True(c.Answer(1, "已补充", Now, Applicant).Succeeded);
        Assert.True(c.SubmitForAudit(Now, Applicant).Succeeded);
        Assert.Equal((ExitStatus.Audit, 2), (c.Status, c.Submissions));
    }

    [Fact]
    public void A_conflicted_expert_is_refused_and_forwarding_waits_for_a_complete_review()
    {
        var c = Submitted();
        Assert.True(c.Accept("通过", Now, WorkingGroup).Succeeded);
        Assert.True(c.StartReview(2, Now.AddDays(10), Now, WorkingGroup).Succeeded);
        var conflicted = c.AssignReviewer("x", [new Conflict(ConflictReason.EmployerIsParty, null)], Now, Now, WorkingGroup);
        Assert.Equal(ExitErrors.ReviewerConflicted, Assert.Single(conflicted.Errors).Code);
        Assert.True(c.AssignReviewer("e1", [], Now, Now, WorkingGroup).Succeeded);
        Assert.True(c.SubmitReview("e1", [.. ExitReview.Criteria.Select(k => new ExitCriterionScore(k, 8, "意见"))], Recommendation.Recommend, "同意", Now).Succeeded);
        var proposal = TierFormula.Propose(new TierInputs { ExpertAverage = 8m }, Now);
        Assert.Equal(ExitErrors.ReviewNotComplete, Assert.Single(c.Forward("提请确认", proposal, Now, WorkingGroup).Errors).Code);
        Assert.Equal(ExitErrors.NotReviewer, Assert.Single(c.SubmitReview("e2", [], Recommendation.Recommend, "x", Now).Errors).Code);
    }

    [Fact]
    public void Overriding_the_proposed_tier_needs_a_reason_and_the_resolution_confirms_the_decision()
    {
        var c = Reviewed();
        var proposal = TierFormula.Propose(new TierInputs { Mode = ExitMode.Completed, ExpertAverage = c.Review!.Summary().Overall }, Now);
        Assert.True(c.Forward("提请确认", proposal, Now, WorkingGroup).Succeeded);
        Assert.Equal((WorkingGroup, Now), (c.ForwardedBy, c.ForwardedAt));
        Assert.Equal(ExitTier.Exemplary, c.TierToConfirm);

        var refused = c.DecideTier(ExitTier.Good, "  ", Now, Chair);
        Assert.Equal(ExitErrors.OverrideNeedsReason, Assert.Single(refused.Errors).Code);
        Assert.True(c.DecideTier(ExitTier.Exemplary, null, Now, Chair).Succeeded);
        Assert.False(c.TierDecision!.Overridden);
        Assert.True(c.DecideTier(ExitTier.Good, "客户投诉处理偏慢", Now, Chair).Succeeded);
        Assert.True(c.TierDecision!.Overridden);

        Assert.True(c.Resolve(Guid.NewGuid(), Guid.NewGuid(), approve: true, "确认退出", Now, Chair).Succeeded);
        Assert.Equal((ExitStatus.Exited, (ExitTier?)ExitTier.Good), (c.Status, c.Tier));
    }

    [Fact]
    public void A_rejected_resolution_sends_the_case_back_to_the_audit()
    {
        var c = Reviewed(5);
        Assert.True(c.Forward("提请确认", TierFormula.Propose(new TierInputs { ExpertAverage = 5m }, Now), Now, WorkingGroup).Succeeded);
        Assert.True(c.Resolve(Guid.NewGuid(), Guid.NewGuid(), approve: false, "材料不足", Now, Chair).Succeeded);
        Assert.Equal((ExitStatus.Audit, (ExitTier?)null, (ExitReview?)null), (c.Status, c.Tier, c.Review));
    }

    [Fact]
    public void The_pilot_moves_to_exiting_on_request_or_termination_and_to_exited_on_confirmation()
    {
        var project = ProjectTestData.InStage(ProjectStage.Suspended);
        Assert.Equal(ProjectErrors.ExitModeInvalid, Assert.Single(project.RequestExit(ExitMode.Terminated, Now, Applicant, "x").Errors).Code);
        Assert.True(project.Terminate(Now, Chair, "终止").Succeeded);
        Assert.Equal((ProjectStage.Exiting, (ExitMode?)ExitMode.Terminated), (project.Stage, project.ExitMode));
        Assert.True(project.CompleteExit(Now, Chair, "确认").Succeeded);
        Assert.Equal(ProjectStage.Exited, project.Stage);
    }
}
