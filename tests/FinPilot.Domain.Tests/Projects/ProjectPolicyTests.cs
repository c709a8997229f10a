using FinPilot.Domain.Identity;
using FinPilot.Domain.Projects;
using static FinPilot.Domain.Tests.Projects.ProjectTestData;

namespace FinPilot.Domain.Tests.Projects;

/// <summary>Who may pull which trigger: the lead's applicants, the region's working group, the secretariat, the coordination group, admins, nobody else.</summary>
public sealed class ProjectPolicyTests
{
    [Fact]
    public void The_lead_organisations_applicant_may_submit()
    {
        Assert.True(ProjectPolicy.CanMoveTo(NewDraft(), ProjectTrigger.Submit, [LeadApplicant], LeadOrganisationId));
    }

    [Fact]
    public void An_applicant_of_another_organisation_may_not_submit()
    {
        Assert.False(ProjectPolicy.CanMoveTo(NewDraft(), ProjectTrigger.Submit, [OtherApplicant], OtherOrganisationId));
    }

    [Fact]
    public void An_applicant_acting_for_another_organisation_may_not_submit_even_if_also_granted_the_lead()
    {
        // Someone who works for two institutions acts for one at a time.
        Assert.False(ProjectPolicy.CanMoveTo(NewDraft(), ProjectTrigger.Submit, [LeadApplicant, OtherApplicant], OtherOrganisationId));
    }

    [Theory]
    [InlineData(ProjectTrigger.Submit)]
    [InlineData(ProjectTrigger.Withdraw)]
    public void Staff_may_not_act_for_the_applicant(ProjectTrigger trigger)
    {
        Assert.False(ProjectPolicy.CanMoveTo(NewDraft(), trigger, [Admin, WorkingGroup], null));
    }

    [Theory]
    [InlineData(ProjectTrigger.ReturnForSupplement)]
    [InlineData(ProjectTrigger.Accept)]
    [InlineData(ProjectTrigger.Reject)]
    public void The_working_group_of_the_projects_region_may_screen(ProjectTrigger trigger)
    {
        Assert.True(ProjectPolicy.CanMoveTo(InStage(ProjectStage.Screening), trigger, [WorkingGroup], null));
    }

    [Fact]
    public void The_working_group_of_another_region_may_not_screen()
    {
        Assert.False(ProjectPolicy.CanMoveTo(InStage(ProjectStage.Screening), ProjectTrigger.Accept, [OtherWorkingGroup], null));
    }

    [Fact]
    public void An_admin_may_screen_in_any_region()
    {
        Assert.True(ProjectPolicy.CanMoveTo(InStage(ProjectStage.Screening), ProjectTrigger.Accept, [Admin], null));
    }

    [Theory]
    [InlineData(Role.CoordinationGroup)]
    [InlineData(Role.IntegrityOfficer)]
    [InlineData(Role.Expert)]
    [InlineData(Role.EvaluationSecretariat)]
    public void National_staff_other_than_admins_may_not_screen(Role role)
    {
        // Their grants cover every region, so a check on region alone would wrongly let them in.
        Assert.False(ProjectPolicy.CanMoveTo(InStage(ProjectStage.Screening), ProjectTrigger.Accept, [new RoleGrant(role)], null));
    }

    [Fact]
    public void The_applicant_may_not_screen_their_own_project()
    {
        Assert.False(ProjectPolicy.CanMoveTo(InStage(ProjectStage.Screening), ProjectTrigger.Accept, [LeadApplicant], LeadOrganisationId));
    }

    [Fact]
    public void Being_entitled_is_not_enough_when_the_stage_does_not_allow_it()
    {
        var project = InStage(ProjectStage.Submitted);

        Assert.True(ProjectPolicy.MayPull(project, ProjectTrigger.Accept, [WorkingGroup], null));
        Assert.False(ProjectPolicy.CanMoveTo(project, ProjectTrigger.Accept, [WorkingGroup], null));
    }

    [Fact]
    public void Only_the_lead_applicant_asks_to_exit_and_only_the_coordination_group_terminates()
    {
        var project = InStage(ProjectStage.Running);

        Assert.True(ProjectPolicy.CanMoveTo(project, ProjectTrigger.RequestExit, [LeadApplicant], null));
        Assert.False(ProjectPolicy.MayPull(project, ProjectTrigger.RequestExit, [WorkingGroup], null));
        Assert.False(ProjectPolicy.MayPull(project, ProjectTrigger.Terminate, [WorkingGroup, LeadApplicant], null));
    }

    [Fact]
    public void Only_the_secretariat_covering_the_region_completes_evaluation()
    {
        var project = InStage(ProjectStage.Evaluation);

        Assert.True(ProjectPolicy.CanMoveTo(project, ProjectTrigger.CompleteEvaluation, [new RoleGrant(Role.EvaluationSecretariat)], null));
        Assert.True(ProjectPolicy.CanMoveTo(project, ProjectTrigger.CompleteEvaluation, [new RoleGrant(Role.EvaluationSecretariat, project.RegionId)], null));
        Assert.False(ProjectPolicy.CanMoveTo(project, ProjectTrigger.CompleteEvaluation, [new RoleGrant(Role.EvaluationSecretariat, project.RegionId + 1)], null));
        Assert.False(ProjectPolicy.CanMoveTo(project, ProjectTrigger.CompleteEvaluation, [WorkingGroup], null));
    }

    [Fact]
    public void The_applicant_is_offered_submit_and_withdraw_on_a_draft()
    {
        Assert.Equal([ProjectTrigger.Submit, ProjectTrigger.Withdraw], ProjectPolicy.AvailableTriggers(NewDraft(), [LeadApplicant]));
    }

    [Fact]
    public void The_working_group_is_offered_the_screening_decisions_but_not_withdrawal()
    {
        Assert.Equal(
            [ProjectTrigger.ReturnForSupplement, ProjectTrigger.Accept, ProjectTrigger.Reject],
            ProjectPolicy.AvailableTriggers(InStage(ProjectStage.Screening), [WorkingGroup]));
    }

    [Fact]
    public void The_working_group_is_offered_to_start_screening_a_submitted_project()
    {
        Assert.Equal([ProjectTrigger.StartScreening], ProjectPolicy.AvailableTriggers(InStage(ProjectStage.Submitted), [WorkingGroup]));
    }

    [Fact]
    public void The_applicant_is_offered_resubmission_when_returned()
    {
        Assert.Equal(
            [ProjectTrigger.Resubmit, ProjectTrigger.Withdraw],
            ProjectPolicy.AvailableTriggers(InStage(ProjectStage.ReturnedForSupplement), [LeadApplicant], LeadOrganisationId));
    }

    [Fact]
    public void Another_region_is_offered_nothing()
    {
        Assert.Empty(ProjectPolicy.AvailableTriggers(InStage(ProjectStage.Screening), [OtherWorkingGroup, OtherApplicant]));
    }
}
