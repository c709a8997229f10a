using FinPilot.Domain.Common;
using FinPilot.Domain.Projects;
using static FinPilot.Domain.Tests.Projects.ProjectTestData;

namespace FinPilot.Domain.Tests.Projects;

/// <summary>Creating, submitting, screening, rejecting and withdrawing: the rules beyond the stage table.</summary>
public sealed class PilotProjectTests
{
    [Fact]
    public void A_new_project_is_a_draft_with_version_one_open_and_nothing_on_its_timeline()
    {
        var project = NewDraft();

        Assert.Equal(ProjectStage.Draft, project.Stage);
        Assert.Equal(1, project.ApplicationVersion);
        Assert.Null(project.SubmittedApplicationVersion);
        Assert.True(project.CanEditApplication);
        Assert.Empty(project.Timeline);
    }

    [Theory]
    [InlineData("", ProjectCategory.PublicService, "Field.Required")]
    [InlineData("  ", ProjectCategory.PublicService, "Field.Required")]
    [InlineData("项目", (ProjectCategory)0, "Project.CategoryInvalid")]
    public void A_project_needs_a_title_and_a_known_category(string title, ProjectCategory category, string code)
    {
        var result = PilotProject.Create(Guid.NewGuid(), Guid.NewGuid(), RegionId, LeadOrganisationId, category, title, Now, Applicant);
        Assert.Equal(code, Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void A_title_longer_than_the_limit_is_refused()
    {
        var title = new string('题', PilotProject.MaxTitleLength + 1);
        var result = PilotProject.Create(Guid.NewGuid(), Guid.NewGuid(), RegionId, LeadOrganisationId, ProjectCategory.PublicService, title, Now, Applicant);
        Assert.Equal(Text.TooLongCode, Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void Submitting_freezes_the_open_version_and_records_who_and_when()
    {
        var project = NewDraft();

        Assert.True(project.Submit(Now, Applicant, CallClosesAt).Succeeded);

        Assert.Equal(1, project.SubmittedApplicationVersion);
        Assert.False(project.CanEditApplication);
        Assert.Equal(new ProjectEvent(Now, ProjectTrigger.Submit, ProjectStage.Draft, ProjectStage.Submitted, Applicant, null), Assert.Single(project.Timeline));
    }

    [Fact]
    public void Submitting_at_the_moment_the_call_closes_is_refused_and_changes_nothing()
    {
        var project = NewDraft();

        var result = project.Submit(CallClosesAt, Applicant, CallClosesAt);

        var error = Assert.Single(result.Errors);
        Assert.Equal(ProjectErrors.CallClosed, error.Code);
        Assert.Equal(CallClosesAt, error.Arguments[0]);
        Assert.Equal(ProjectStage.Draft, project.Stage);
        Assert.Empty(project.Timeline);
    }

    [Fact]
    public void Submitting_just_before_the_call_closes_is_accepted()
    {
        var project = NewDraft();
        Assert.True(project.Submit(CallClosesAt.AddTicks(-1), Applicant, CallClosesAt).Succeeded);
    }

    [Fact]
    public void The_title_can_only_change_while_the_application_is_open()
    {
        var project = ProjectTestData.InStage(ProjectStage.Submitted);

        var result = project.Describe("新标题", ProjectCategory.PublicService);

        Assert.Equal(ProjectErrors.NotEditable, Assert.Single(result.Errors).Code);
        Assert.NotEqual("新标题", project.Title);
    }

    [Fact]
    public void A_whole_screening_round_is_on_the_timeline_in_order()
    {
        var project = NewDraft();
        var steps = new Func<Result>[]
        {
            () => project.Submit(Now, Applicant, CallClosesAt),
            () => project.StartScreening(Now.AddHours(1), Reviewer),
            () => project.ReturnForSupplement(Now.AddHours(2), Reviewer, ["法人授权书"], 5, WorkingDays),
            () => project.Resubmit(Now.AddDays(3), Applicant),
            () => project.StartScreening(Now.AddDays(4), Reviewer),
            () => project.Accept(Now.AddDays(5), Reviewer, "材料齐全"),
        };
        Assert.All(steps, step => Assert.True(step().Succeeded));

        Assert.Equal(
            [ProjectTrigger.Submit, ProjectTrigger.StartScreening, ProjectTrigger.ReturnForSupplement, ProjectTrigger.Resubmit, ProjectTrigger.StartScreening, ProjectTrigger.Accept],
            project.Timeline.Select(e => e.Trigger));
        // Each entry starts where the previous one ended: no move went unrecorded.
        Assert.All(project.Timeline.Zip(project.Timeline.Skip(1)), pair => Assert.Equal(pair.First.To, pair.Second.From));
        Assert.Equal([Applicant, Reviewer, Reviewer, Applicant, Reviewer, Reviewer], project.Timeline.Select(e => e.ActorUserId));
        Assert.Equal(Now.AddDays(5), project.Timeline[^1].At);
        Assert.Equal("材料齐全", project.Timeline[^1].Note);
        Assert.Equal(ProjectStage.Evaluation, project.Stage);
        Assert.Equal(2, project.SubmittedApplicationVersion);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Rejecting_needs_a_reason(string? reason)
    {
        var project = ProjectTestData.InStage(ProjectStage.Screening);

        var error = Assert.Single(project.Reject(Now, Reviewer, reason!).Errors);

        Assert.Equal((Text.RequiredCode, "reason"), (error.Code, error.Field));
        Assert.Equal(ProjectStage.Screening, project.Stage);
    }

    [Fact]
    public void A_rejection_reason_over_the_limit_is_refused()
    {
        var project = ProjectTestData.InStage(ProjectStage.Screening);
        var result = project.Reject(Now, Reviewer, new string('因', PilotProject.MaxReasonLength + 1));
        Assert.Equal(Text.TooLongCode, Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void The_rejection_reason_is_kept_trimmed_on_the_project_and_its_timeline()
    {
        var project = ProjectTestData.InStage(ProjectStage.Screening);

        Assert.True(project.Reject(Now, Reviewer, "  不属于本批次重点方向 ").Succeeded);

        Assert.Equal("不属于本批次重点方向", project.RejectionReason);
        Assert.Equal("不属于本批次重点方向", project.Timeline[^1].Note);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    public void Withdrawing_needs_a_reason(string? reason)
    {
        var project = ProjectTestData.InStage(ProjectStage.Evaluation);

        Assert.Equal(Text.RequiredCode, Assert.Single(project.Withdraw(Now, Applicant, reason!).Errors).Code);
        Assert.Equal(ProjectStage.Evaluation, project.Stage);
    }

    [Fact]
    public void Withdrawing_keeps_the_reason()
    {
        var project = ProjectTestData.InStage(ProjectStage.PublicNotice);

        Assert.True(project.Withdraw(Now, Applicant, "合作方退出").Succeeded);

        Assert.Equal("合作方退出", project.WithdrawalReason);
        Assert.Equal(ProjectStage.Withdrawn, project.Stage);
    }

    [Fact]
    public void A_wrong_stage_is_reported_before_a_missing_reason()
    {
        // Telling a user to fill in a reason for a move they cannot make would mislead them.
        var project = ProjectTestData.InStage(ProjectStage.Running);
        Assert.Equal(LifecycleErrors.NotAllowed, Assert.Single(project.Withdraw(Now, Applicant, "").Errors).Code);
    }
}
