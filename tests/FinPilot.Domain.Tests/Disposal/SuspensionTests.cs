using FinPilot.Domain.Common;
using FinPilot.Domain.Deliberation;
using FinPilot.Domain.Projects;
using FinPilot.Domain.Tests.Projects;

namespace FinPilot.Domain.Tests.Disposal;

/// <summary>The project moves risk disposal switches on: suspend and resume, through the lifecycle table.</summary>
public sealed class SuspensionTests
{
    private static readonly DateTimeOffset Now = ProjectTestData.Now;

    [Theory]
    [InlineData(ProjectStage.Running)]
    [InlineData(ProjectStage.Rectifying)]
    public void A_running_or_rectifying_pilot_is_suspended_and_resumes_running(ProjectStage from)
    {
        var project = ProjectTestData.InStage(from);

        Assert.True(project.Suspend(Now, "wg", "风险处置：暂停新增业务").Succeeded);
        Assert.Equal(ProjectStage.Suspended, project.Stage);
        Assert.True(project.Resume(Now.AddDays(5), "wg", "整改到位，恢复运行").Succeeded);

        Assert.Equal(ProjectStage.Running, project.Stage);
        Assert.Equal(
            [(ProjectTrigger.Suspend, from, ProjectStage.Suspended, "风险处置：暂停新增业务"), (ProjectTrigger.Resume, ProjectStage.Suspended, ProjectStage.Running, "整改到位，恢复运行")],
            project.Timeline.TakeLast(2).Select(e => (e.Trigger, e.From, e.To, e.Note!)));
    }

    [Fact]
    public void A_suspension_needs_a_reason_and_a_suspended_pilot_is_not_suspended_again()
    {
        var project = ProjectTestData.InStage(ProjectStage.Running);

        Assert.Equal(Text.RequiredCode, Assert.Single(project.Suspend(Now, "wg", " ").Errors).Code);
        Assert.Equal(ProjectStage.Running, project.Stage);
        Assert.True(project.Suspend(Now, "wg", "暂停").Succeeded);
        Assert.Equal(LifecycleErrors.NotAllowed, Assert.Single(project.Suspend(Now, "wg", "再次暂停").Errors).Code);
    }

    [Theory]
    [InlineData(ProjectStage.Running)]
    [InlineData(ProjectStage.PublicNotice)]
    public void Only_a_suspended_pilot_resumes(ProjectStage stage)
    {
        Assert.Equal(LifecycleErrors.NotAllowed, Assert.Single(ProjectTestData.InStage(stage).Resume(Now, "wg", "恢复").Errors).Code);
    }

    [Fact]
    public void A_termination_proposal_goes_to_the_coordination_group_for_admitted_pilots_and_an_approval_terminates()
    {
        var rule = AgendaItemKinds.Find(AgendaItemKind.TerminationProposal)!;

        Assert.Equal(ProjectLifecycle.Admitted, rule.ExpectedStages);
        Assert.Equal(((ProjectTrigger?)ProjectTrigger.Terminate, (ProjectTrigger?)null), (rule.OnApproval, rule.OnRejection));
        Assert.False(AgendaItemKinds.Accepts(AgendaItemKind.TerminationProposal, ProjectStage.Deliberation));
    }
}
