using FinPilot.Domain.Common;
using FinPilot.Domain.Projects;
using static FinPilot.Domain.Tests.Projects.ProjectTestData;

namespace FinPilot.Domain.Tests.Projects;

/// <summary>Approval with conditions, rejection, sending back, confirmation and admission: the rules beyond the stage table.</summary>
public sealed class AdmissionTests
{
    private static readonly string[] Conditions = ["客户限于合格投资者", "每月报送运行数据"];

    private static PilotProject ApprovedWithConditions()
    {
        var project = InStage(ProjectStage.Deliberation);
        Assert.True(project.Approve(Now, Chair, Conditions).Succeeded);
        return project;
    }

    [Fact]
    public void Approving_without_conditions_leaves_nothing_to_confirm()
    {
        var project = InStage(ProjectStage.Deliberation);

        Assert.True(project.Approve(Now, Chair, note: "第3次协调小组会议").Succeeded);

        Assert.Equal(ProjectStage.PublicNotice, project.Stage);
        Assert.Empty(project.ApprovalConditions);
        Assert.False(project.HasUnconfirmedConditions);
        Assert.Equal(
            new ProjectEvent(Now, ProjectTrigger.Approve, ProjectStage.Deliberation, ProjectStage.PublicNotice, Chair, "第3次协调小组会议"),
            project.Timeline[^1]);
    }

    [Fact]
    public void Approval_conditions_are_kept_trimmed_in_order_without_blanks()
    {
        var project = InStage(ProjectStage.Deliberation);

        Assert.True(project.Approve(Now, Chair, ["  客户限于合格投资者 ", "", "   ", "每月报送运行数据"]).Succeeded);

        Assert.Equal(Conditions, project.ApprovalConditions);
        Assert.True(project.HasUnconfirmedConditions);
        Assert.Null(project.ConditionsConfirmedAt);
    }

    [Fact]
    public void Up_to_twenty_conditions_are_accepted_and_more_are_refused()
    {
        var twenty = Enumerable.Range(1, PilotProject.MaxApprovalConditions).Select(i => $"条件{i}").ToArray();
        Assert.True(InStage(ProjectStage.Deliberation).Approve(Now, Chair, twenty).Succeeded);

        var project = InStage(ProjectStage.Deliberation);
        var error = Assert.Single(project.Approve(Now, Chair, [.. twenty, "条件21"]).Errors);

        Assert.Equal((ProjectErrors.TooManyApprovalConditions, "conditions"), (error.Code, error.Field));
        Assert.Equal([PilotProject.MaxApprovalConditions], error.Arguments);
        Assert.Equal(ProjectStage.Deliberation, project.Stage);
    }

    [Fact]
    public void A_condition_over_the_limit_is_refused_and_named()
    {
        var project = InStage(ProjectStage.Deliberation);

        var result = project.Approve(Now, Chair, ["客户限于合格投资者", new string('条', PilotProject.MaxApprovalConditionLength + 1)]);

        var error = Assert.Single(result.Errors);
        Assert.Equal((Text.TooLongCode, "conditions[1]"), (error.Code, error.Field));
        Assert.Equal(ProjectStage.Deliberation, project.Stage);
        Assert.Empty(project.ApprovalConditions);
    }

    [Fact]
    public void A_condition_at_the_limit_is_accepted()
    {
        var project = InStage(ProjectStage.Deliberation);
        Assert.True(project.Approve(Now, Chair, [new string('条', PilotProject.MaxApprovalConditionLength)]).Succeeded);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    public void Rejecting_after_deliberation_needs_a_reason(string? reason)
    {
        var project = InStage(ProjectStage.Deliberation);

        var error = Assert.Single(project.RejectAfterDeliberation(Now, Chair, reason!).Errors);

        Assert.Equal((Text.RequiredCode, "reason"), (error.Code, error.Field));
        Assert.Equal(ProjectStage.Deliberation, project.Stage);
    }

    [Fact]
    public void The_deliberation_rejection_reason_is_what_the_applicant_reads()
    {
        var project = InStage(ProjectStage.Deliberation);

        Assert.True(project.RejectAfterDeliberation(Now, Chair, " 风险防控措施不足 ").Succeeded);

        Assert.Equal(ProjectStage.Rejected, project.Stage);
        Assert.Equal("风险防控措施不足", project.RejectionReason);
        Assert.Equal("风险防控措施不足", project.Timeline[^1].Note);
        Assert.True(project.RejectedInDeliberation);
    }

    [Fact]
    public void A_rejection_at_screening_is_not_one_in_deliberation()
    {
        Assert.False(InStage(ProjectStage.Rejected).RejectedInDeliberation);
        Assert.False(InStage(ProjectStage.Deliberation).RejectedInDeliberation);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Sending_back_needs_a_reason(string? reason)
    {
        var project = InStage(ProjectStage.PublicNotice);

        var error = Assert.Single(project.SendBackToDeliberation(Now, Reviewer, reason!).Errors);

        Assert.Equal((Text.RequiredCode, "reason"), (error.Code, error.Field));
        Assert.Equal(ProjectStage.PublicNotice, project.Stage);
    }

    [Fact]
    public void Sending_back_voids_the_approval_and_its_conditions()
    {
        var project = ApprovedWithConditions();
        Assert.True(project.ConfirmConditions(Now, Applicant).Succeeded);

        Assert.True(project.SendBackToDeliberation(Now.AddDays(3), Reviewer, "公示期异议成立").Succeeded);

        Assert.Equal(ProjectStage.Deliberation, project.Stage);
        Assert.Empty(project.ApprovalConditions);
        Assert.Null(project.ConditionsConfirmedAt);
        Assert.Null(project.ConditionsConfirmedBy);
        Assert.Equal("公示期异议成立", project.Timeline[^1].Note);
    }

    [Fact]
    public void A_second_approval_replaces_the_conditions_and_needs_a_new_confirmation()
    {
        var project = ApprovedWithConditions();
        Assert.True(project.ConfirmConditions(Now, Applicant).Succeeded);
        Assert.True(project.SendBackToDeliberation(Now, Reviewer, "公示期异议成立").Succeeded);

        Assert.True(project.Approve(Now.AddDays(10), Chair, ["合作方更换后重新报备"]).Succeeded);

        Assert.Equal(["合作方更换后重新报备"], project.ApprovalConditions);
        Assert.True(project.HasUnconfirmedConditions);
    }

    [Fact]
    public void The_lead_applicant_confirms_the_conditions_once()
    {
        var project = ApprovedWithConditions();
        var version = project.Version;
        var events = project.Timeline.Count;

        Assert.True(project.ConfirmConditions(Now.AddHours(1), Applicant).Succeeded);

        Assert.Equal(Now.AddHours(1), project.ConditionsConfirmedAt);
        Assert.Equal(Applicant, project.ConditionsConfirmedBy);
        Assert.False(project.HasUnconfirmedConditions);
        Assert.NotEqual(version, project.Version);
        Assert.Equal(events, project.Timeline.Count);
        Assert.Equal(ProjectStage.PublicNotice, project.Stage);

        var again = Assert.Single(project.ConfirmConditions(Now.AddHours(2), Applicant).Errors);
        Assert.Equal((ProjectErrors.ConditionsAlreadyConfirmed, (string?)null), (again.Code, again.Field));
        Assert.Equal([Now.AddHours(1)], again.Arguments);
        Assert.Equal(Now.AddHours(1), project.ConditionsConfirmedAt);
    }

    [Fact]
    public void Confirming_without_conditions_is_refused()
    {
        var project = InStage(ProjectStage.PublicNotice);

        Assert.Equal(ProjectErrors.NoApprovalConditions, Assert.Single(project.ConfirmConditions(Now, Applicant).Errors).Code);
        Assert.Null(project.ConditionsConfirmedAt);
    }

    [Theory]
    [InlineData(ProjectStage.Deliberation)]
    [InlineData(ProjectStage.Evaluation)]
    [InlineData(ProjectStage.Rejected)]
    [InlineData(ProjectStage.Suspended)]
    public void Conditions_are_confirmed_only_during_public_notice_or_running(ProjectStage stage)
    {
        var project = InStage(stage);

        var error = Assert.Single(project.ConfirmConditions(Now, Applicant).Errors);

        Assert.Equal((ProjectErrors.ConditionsNotConfirmable, "Stage"), (error.Code, error.Field));
        Assert.Equal([stage], error.Arguments);
    }

    [Fact]
    public void Conditions_confirmed_once_running_are_already_confirmed()
    {
        var project = ApprovedWithConditions();
        Assert.True(project.ConfirmConditions(Now, Applicant).Succeeded);
        Assert.True(project.Admit(Now, Reviewer, Start).Succeeded);

        Assert.Equal(ProjectErrors.ConditionsAlreadyConfirmed, Assert.Single(project.ConfirmConditions(Now, Applicant).Errors).Code);
    }

    [Fact]
    public void Admission_is_refused_while_conditions_are_unconfirmed()
    {
        var project = ApprovedWithConditions();
        var version = project.Version;

        var error = Assert.Single(project.Admit(Now, Reviewer, Start).Errors);

        Assert.Equal((ProjectErrors.ConditionsUnconfirmed, (string?)null), (error.Code, error.Field));
        Assert.Equal([Conditions.Length], error.Arguments);
        Assert.Equal(ProjectStage.PublicNotice, project.Stage);
        Assert.Null(project.StartsOn);
        Assert.Equal(version, project.Version);
    }

    [Fact]
    public void Admission_after_confirmation_starts_the_pilot_on_its_terms()
    {
        var project = ApprovedWithConditions();
        Assert.True(project.ConfirmConditions(Now, Applicant).Succeeded);

        Assert.True(project.Admit(Now.AddDays(7), Reviewer, Start, "公示期满无异议").Succeeded);

        Assert.Equal(ProjectStage.Running, project.Stage);
        Assert.Equal((Start.StartsOn, Start.PlannedEndOn, Start.CustomerLimit), (project.StartsOn, project.PlannedEndOn, project.CustomerLimit));
        Assert.Equal(
            new ProjectEvent(Now.AddDays(7), ProjectTrigger.Admit, ProjectStage.PublicNotice, ProjectStage.Running, Reviewer, "公示期满无异议"),
            project.Timeline[^1]);
    }

    [Fact]
    public void A_pilot_without_a_customer_limit_may_be_admitted()
    {
        var project = InStage(ProjectStage.PublicNotice);

        Assert.True(project.Admit(Now, Reviewer, Start with { CustomerLimit = null }).Succeeded);

        Assert.Null(project.CustomerLimit);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void A_customer_limit_below_one_is_refused(int limit)
    {
        var project = InStage(ProjectStage.PublicNotice);

        var error = Assert.Single(project.Admit(Now, Reviewer, Start with { CustomerLimit = limit }).Errors);

        Assert.Equal((ProjectErrors.CustomerLimitInvalid, "CustomerLimit"), (error.Code, error.Field));
        Assert.Equal(ProjectStage.PublicNotice, project.Stage);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void The_planned_end_must_be_after_the_start(int daysAfterStart)
    {
        var project = InStage(ProjectStage.PublicNotice);
        var start = Start with { PlannedEndOn = Start.StartsOn.AddDays(daysAfterStart) };

        var error = Assert.Single(project.Admit(Now, Reviewer, start).Errors);

        Assert.Equal((ProjectErrors.PilotEndNotAfterStart, "PlannedEndOn"), (error.Code, error.Field));
        Assert.Equal([Start.StartsOn], error.Arguments);
        Assert.Null(project.PlannedEndOn);
    }

    [Fact]
    public void A_pilot_of_one_day_is_accepted()
    {
        var project = InStage(ProjectStage.PublicNotice);
        Assert.True(project.Admit(Now, Reviewer, Start with { PlannedEndOn = Start.StartsOn.AddDays(1) }).Succeeded);
    }

    [Fact]
    public void Both_errors_of_the_terms_are_reported_together()
    {
        var project = InStage(ProjectStage.PublicNotice);

        var result = project.Admit(Now, Reviewer, new PilotStart(Start.StartsOn, Start.StartsOn, 0));

        Assert.Equal([ProjectErrors.PilotEndNotAfterStart, ProjectErrors.CustomerLimitInvalid], result.Errors.Select(e => e.Code));
    }

    [Fact]
    public void A_wrong_stage_is_reported_before_unconfirmed_conditions_or_bad_terms()
    {
        var project = InStage(ProjectStage.Deliberation);

        var error = Assert.Single(project.Admit(Now, Reviewer, new PilotStart(Start.StartsOn, Start.StartsOn, 0)).Errors);

        Assert.Equal(LifecycleErrors.NotAllowed, error.Code);
    }

    [Fact]
    public void The_whole_way_from_deliberation_to_running_is_on_the_timeline()
    {
        var project = InStage(ProjectStage.Deliberation);

        Assert.True(project.Approve(Now, Chair, Conditions).Succeeded);
        Assert.True(project.SendBackToDeliberation(Now.AddDays(5), Reviewer, "异议成立").Succeeded);
        Assert.True(project.Approve(Now.AddDays(20), Chair, Conditions).Succeeded);
        Assert.True(project.ConfirmConditions(Now.AddDays(21), Applicant).Succeeded);
        Assert.True(project.Admit(Now.AddDays(30), Reviewer, Start).Succeeded);

        Assert.Equal(
            [ProjectTrigger.Approve, ProjectTrigger.SendBackToDeliberation, ProjectTrigger.Approve, ProjectTrigger.Admit],
            project.Timeline.TakeLast(4).Select(e => e.Trigger));
        Assert.Equal([Chair, Reviewer, Chair, Reviewer], project.Timeline.TakeLast(4).Select(e => e.ActorUserId));
    }
}
