using FinPilot.Domain.Common;
using FinPilot.Domain.Projects;
using static FinPilot.Domain.Tests.Projects.ProjectTestData;

namespace FinPilot.Domain.Tests.Projects;

/// <summary>A project records one event per change it makes (the save step audits them); a refused move records nothing.</summary>
public sealed class ProjectEventTests
{
    private static IReadOnlyList<IDomainEvent> Pending(PilotProject project) => ((IRecordsEvents)project).PendingEvents;

    private static void Clear(PilotProject project) => ((IRecordsEvents)project).ClearEvents();

    [Fact]
    public void Creating_records_the_start_and_every_move_records_its_timeline_entry_in_order()
    {
        var project = NewDraft();
        Assert.IsType<ProjectCreated>(Assert.Single(Pending(project)));

        Assert.True(project.Submit(Now, Applicant, CallClosesAt).Succeeded);
        Assert.True(project.StartScreening(Now, Reviewer).Succeeded);
        Assert.True(project.ReturnForSupplement(Now, Reviewer, [" 营业执照副本 ", ""], 5, WorkingDays).Succeeded);
        Assert.True(project.Resubmit(Now, Applicant).Succeeded);
        Assert.True(project.StartScreening(Now, Reviewer).Succeeded);
        Assert.True(project.Accept(Now, Reviewer, " 齐全 ").Succeeded);

        Assert.Collection(
            Pending(project),
            e => Assert.IsType<ProjectCreated>(e),
            e => Assert.Equal(project.Timeline[0], Assert.IsType<ProjectMoved>(e).Entry),
            e => Assert.Equal(ProjectTrigger.StartScreening, Assert.IsType<ProjectMoved>(e).Entry.Trigger),
            e =>
            {
                // The items and days as the working group gave them: the audit trail keeps what was typed.
                var returned = Assert.IsType<ProjectReturnedForSupplement>(e);
                Assert.Equal(project.Timeline[2], returned.Entry);
                Assert.Equal([" 营业执照副本 ", ""], returned.Items);
                Assert.Equal(5, returned.WorkingDays);
            },
            e => Assert.Equal(ProjectTrigger.Resubmit, Assert.IsType<ProjectMoved>(e).Entry.Trigger),
            e => Assert.Equal(ProjectTrigger.StartScreening, Assert.IsType<ProjectMoved>(e).Entry.Trigger),
            e =>
            {
                var accepted = Assert.IsType<ProjectMoved>(e);
                Assert.Equal(ProjectTrigger.Accept, accepted.Entry.Trigger);
                Assert.Equal(" 齐全 ", accepted.Given);
                Assert.Equal("齐全", accepted.Entry.Note);
            });

        Clear(project);
        Assert.Empty(Pending(project));
    }

    [Theory]
    [InlineData(ProjectTrigger.Withdraw, ProjectStage.Draft)]
    [InlineData(ProjectTrigger.Reject, ProjectStage.Screening)]
    [InlineData(ProjectTrigger.CompleteEvaluation, ProjectStage.Evaluation)]
    [InlineData(ProjectTrigger.Approve, ProjectStage.Deliberation)]
    [InlineData(ProjectTrigger.RejectAfterDeliberation, ProjectStage.Deliberation)]
    [InlineData(ProjectTrigger.SendBackToDeliberation, ProjectStage.PublicNotice)]
    [InlineData(ProjectTrigger.Admit, ProjectStage.PublicNotice)]
    public void Each_move_records_one_event_with_the_text_as_given(ProjectTrigger trigger, ProjectStage from)
    {
        var project = InStage(from);
        Clear(project);

        Assert.True(Pull(project, trigger).Succeeded);

        var moved = Assert.IsType<ProjectMoved>(Assert.Single(Pending(project)));
        Assert.Equal(project.Timeline[^1], moved.Entry);
        Assert.Equal(trigger, moved.Entry.Trigger);
        Assert.Equal(moved.Entry.Note, moved.Given);
    }

    [Fact]
    public void A_refused_move_records_nothing()
    {
        var project = InStage(ProjectStage.Screening);
        Clear(project);

        Assert.False(project.Submit(Now, Applicant, CallClosesAt).Succeeded); // wrong stage
        Assert.False(project.Reject(Now, Reviewer, " ").Succeeded); // no reason
        Assert.False(project.ConfirmConditions(Now, Applicant).Succeeded);
        Assert.False(project.FlagMissedSupplementDeadline(Now).Succeeded);

        Assert.Empty(Pending(project));
    }

    [Fact]
    public void Confirming_the_conditions_records_it_once()
    {
        var project = InStage(ProjectStage.Deliberation);
        Assert.True(project.Approve(Now, Chair, ["按季度报送风险报告"]).Succeeded);
        Clear(project);

        Assert.True(project.ConfirmConditions(Now, Applicant).Succeeded);
        Assert.False(project.ConfirmConditions(Now, Applicant).Succeeded);

        Assert.IsType<ProjectConditionsConfirmed>(Assert.Single(Pending(project)));
    }

    [Fact]
    public void A_missed_supplement_deadline_is_recorded_when_first_flagged_only()
    {
        var project = InStage(ProjectStage.ReturnedForSupplement);
        Clear(project);
        var request = project.CurrentSupplementRequest!;
        var late = request.DueAt.AddMinutes(1);

        Assert.True(project.FlagMissedSupplementDeadline(late).Succeeded);
        Assert.True(project.FlagMissedSupplementDeadline(late.AddDays(1)).Succeeded);

        Assert.Equal(request.DueOn, Assert.IsType<SupplementDeadlineMissed>(Assert.Single(Pending(project))).DueOn);
    }
}
