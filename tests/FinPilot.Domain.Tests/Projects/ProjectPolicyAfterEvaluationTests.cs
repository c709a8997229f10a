using FinPilot.Domain.Identity;
using FinPilot.Domain.Projects;
using static FinPilot.Domain.Tests.Projects.ProjectTestData;

namespace FinPilot.Domain.Tests.Projects;

/// <summary>
/// Who decides after evaluation: the coordination group approves or rejects; the region's working
/// group admits or sends back after public notice; the lead applicant confirms conditions.
/// </summary>
public sealed class ProjectPolicyAfterEvaluationTests
{
    [Theory]
    [InlineData(ProjectTrigger.Approve)]
    [InlineData(ProjectTrigger.RejectAfterDeliberation)]
    public void The_coordination_group_and_admins_decide_after_deliberation(ProjectTrigger trigger)
    {
        var project = InStage(ProjectStage.Deliberation);

        Assert.True(ProjectPolicy.CanMoveTo(project, trigger, [CoordinationGroup], null));
        Assert.True(ProjectPolicy.CanMoveTo(project, trigger, [Admin], null));
    }

    [Theory]
    [InlineData(ProjectTrigger.Approve)]
    [InlineData(ProjectTrigger.RejectAfterDeliberation)]
    public void Nobody_else_decides_after_deliberation(ProjectTrigger trigger)
    {
        var project = InStage(ProjectStage.Deliberation);
        RoleGrant[] others =
        [
            WorkingGroup, new(Role.EvaluationSecretariat), new(Role.EvaluationSecretariat, RegionId),
            new(Role.Expert), new(Role.IntegrityOfficer), LeadApplicant,
        ];

        Assert.All(others, grant => Assert.False(ProjectPolicy.MayPull(project, trigger, [grant], LeadOrganisationId), grant.ToString()));
    }

    [Theory]
    [InlineData(ProjectTrigger.Admit)]
    [InlineData(ProjectTrigger.SendBackToDeliberation)]
    public void The_working_group_of_the_region_and_admins_act_after_public_notice(ProjectTrigger trigger)
    {
        var project = InStage(ProjectStage.PublicNotice);

        Assert.True(ProjectPolicy.CanMoveTo(project, trigger, [WorkingGroup], null));
        Assert.True(ProjectPolicy.CanMoveTo(project, trigger, [Admin], null));
    }

    [Theory]
    [InlineData(ProjectTrigger.Admit)]
    [InlineData(ProjectTrigger.SendBackToDeliberation)]
    public void Nobody_else_acts_after_public_notice(ProjectTrigger trigger)
    {
        // The coordination group's national grant covers every region; admission is still not its call.
        var project = InStage(ProjectStage.PublicNotice);
        RoleGrant[] others = [OtherWorkingGroup, CoordinationGroup, new(Role.EvaluationSecretariat), new(Role.IntegrityOfficer), LeadApplicant];

        Assert.All(others, grant => Assert.False(ProjectPolicy.MayPull(project, trigger, [grant], LeadOrganisationId), grant.ToString()));
    }

    [Fact]
    public void The_coordination_group_is_offered_approval_and_rejection_but_not_withdrawal()
    {
        Assert.Equal(
            [ProjectTrigger.Approve, ProjectTrigger.RejectAfterDeliberation],
            ProjectPolicy.AvailableTriggers(InStage(ProjectStage.Deliberation), [CoordinationGroup]));
    }

    [Fact]
    public void The_working_group_is_offered_admission_and_sending_back_during_public_notice()
    {
        Assert.Equal(
            [ProjectTrigger.Admit, ProjectTrigger.SendBackToDeliberation],
            ProjectPolicy.AvailableTriggers(InStage(ProjectStage.PublicNotice), [WorkingGroup]));
    }

    [Fact]
    public void The_working_group_is_offered_nothing_during_deliberation()
    {
        Assert.Empty(ProjectPolicy.AvailableTriggers(InStage(ProjectStage.Deliberation), [WorkingGroup]));
    }

    [Fact]
    public void The_coordination_group_may_not_approve_before_evaluation_is_complete()
    {
        var project = InStage(ProjectStage.Evaluation);

        Assert.True(ProjectPolicy.MayPull(project, ProjectTrigger.Approve, [CoordinationGroup], null));
        Assert.False(ProjectPolicy.CanMoveTo(project, ProjectTrigger.Approve, [CoordinationGroup], null));
    }

    [Fact]
    public void Only_the_lead_applicant_confirms_conditions()
    {
        var project = InStage(ProjectStage.PublicNotice);

        Assert.True(ProjectPolicy.MayConfirmConditions(project, [LeadApplicant], LeadOrganisationId));
        Assert.True(ProjectPolicy.MayConfirmConditions(project, [LeadApplicant], null));
        Assert.False(ProjectPolicy.MayConfirmConditions(project, [OtherApplicant], OtherOrganisationId));
        Assert.False(ProjectPolicy.MayConfirmConditions(project, [LeadApplicant, OtherApplicant], OtherOrganisationId));
        Assert.False(ProjectPolicy.MayConfirmConditions(project, [Admin, WorkingGroup, CoordinationGroup], null));
    }
}
