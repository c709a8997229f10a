using FinPilot.Domain.Projects;
using static FinPilot.Domain.Projects.ProjectStage;
using static FinPilot.Domain.Projects.ProjectTrigger;

namespace FinPilot.Domain.Tests.Projects;

/// <summary>
/// The lifecycle table against the path drawn in DESIGN.md, written out again here by hand so a
/// changed, added or lost move in the production table fails a test rather than passing quietly.
/// </summary>
public sealed class ProjectLifecycleTests
{
    private static readonly (ProjectStage From, ProjectTrigger Trigger, ProjectStage To)[] Expected =
    [
        (Draft, Submit, Submitted),
        (Submitted, StartScreening, Screening),
        (Screening, ReturnForSupplement, ReturnedForSupplement),
        (ReturnedForSupplement, Resubmit, Submitted),
        (Screening, Accept, ProjectStage.Evaluation),
        (Screening, Reject, Rejected),
        (Draft, Withdraw, Withdrawn),
        (Submitted, Withdraw, Withdrawn),
        (Screening, Withdraw, Withdrawn),
        (ReturnedForSupplement, Withdraw, Withdrawn),
        (ProjectStage.Evaluation, Withdraw, Withdrawn),
        (ProjectStage.Deliberation, Withdraw, Withdrawn),
        (PublicNotice, Withdraw, Withdrawn),
        (ProjectStage.Evaluation, CompleteEvaluation, ProjectStage.Deliberation),
        (ProjectStage.Deliberation, Approve, PublicNotice),
        (ProjectStage.Deliberation, RejectAfterDeliberation, Rejected),
        (PublicNotice, Admit, Running),
        (PublicNotice, SendBackToDeliberation, ProjectStage.Deliberation),
        (Running, OrderCorrection, Rectifying),
        (Rectifying, CloseCorrection, Running),
        (Running, Suspend, Suspended),
        (Rectifying, Suspend, Suspended),
        (Suspended, Resume, Running),
        (Running, RequestExit, Exiting),
        (Rectifying, RequestExit, Exiting),
        (Suspended, RequestExit, Exiting),
        (Running, Terminate, Exiting),
        (Rectifying, Terminate, Exiting),
        (Suspended, Terminate, Exiting),
        (Exiting, CompleteExit, Exited),
    ];

    // The triggers of calls, applications, screening, evaluation, deliberation, public notice and admission; supervision and exit are not built yet.
    private static readonly ProjectTrigger[] Built =
    [
        Submit, StartScreening, ReturnForSupplement, Resubmit, Accept, Reject, Withdraw, CompleteEvaluation,
        Approve, RejectAfterDeliberation, SendBackToDeliberation, Admit, OrderCorrection, CloseCorrection, Suspend, Resume,
        RequestExit, Terminate, CompleteExit,
    ];

    public static TheoryData<ProjectStage, ProjectTrigger> EveryStageAndTrigger()
    {
        var data = new TheoryData<ProjectStage, ProjectTrigger>();
        foreach (var stage in Enum.GetValues<ProjectStage>())
        {
            foreach (var trigger in Enum.GetValues<ProjectTrigger>())
            {
                data.Add(stage, trigger);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryStageAndTrigger))]
    public void Each_stage_and_trigger_is_allowed_postponed_or_refused_as_the_path_says(ProjectStage from, ProjectTrigger trigger)
    {
        var result = ProjectLifecycle.Check(from, trigger);
        var expected = Expected.Where(e => e.From == from && e.Trigger == trigger).Select(e => (ProjectStage?)e.To).SingleOrDefault();

        if (expected is null)
        {
            // Undefined: refused, naming where it was and what was tried.
            var error = Assert.Single(result.Errors);
            Assert.Equal(LifecycleErrors.NotAllowed, error.Code);
            Assert.Equal([from, trigger], error.Arguments);
        }
        else if (!Built.Contains(trigger))
        {
            // Defined but not built: a different error, so the UI can say "not yet" rather than "never".
            var error = Assert.Single(result.Errors);
            Assert.Equal(LifecycleErrors.NotYetAvailable, error.Code);
            Assert.Equal([from, trigger, expected.Value], error.Arguments);
        }
        else
        {
            Assert.True(result.Succeeded);
            Assert.Equal(expected.Value, result.Value);
        }
    }

    [Fact]
    public void The_table_holds_exactly_the_moves_of_the_design_and_no_others()
    {
        var actual = ProjectLifecycle.Transitions.Select(t => (t.From, t.Trigger, t.To)).Order().ToArray();
        Assert.Equal(Expected.Order().ToArray(), actual);
    }

    [Fact]
    public void A_trigger_leads_to_one_stage_only_from_any_stage()
    {
        // Two rows for one (stage, trigger) would make the outcome depend on table order.
        var duplicates = ProjectLifecycle.Transitions.GroupBy(t => (t.From, t.Trigger)).Where(g => g.Count() > 1).Select(g => g.Key);
        Assert.Empty(duplicates);
    }

    [Fact]
    public void Only_the_triggers_up_to_admission_and_suspension_are_built()
    {
        Assert.Equal(Built.Order(), ProjectLifecycle.Implemented.Order());
    }

    [Fact]
    public void Every_trigger_and_every_stage_but_draft_appear_in_the_table()
    {
        // A trigger or stage missing from the table would be unreachable or unusable.
        Assert.Equal(Enum.GetValues<ProjectTrigger>(), ProjectLifecycle.Transitions.Select(t => t.Trigger).Distinct().Order());
        Assert.Equal(Enum.GetValues<ProjectStage>().Where(s => s != Draft), ProjectLifecycle.Transitions.Select(t => t.To).Distinct().Order());
    }

    [Fact]
    public void Only_the_ended_stages_are_final()
    {
        Assert.Equal([Exited, Rejected, Withdrawn], Enum.GetValues<ProjectStage>().Where(ProjectLifecycle.IsFinal).Order());
    }

    [Fact]
    public void Available_moves_from_screening_are_the_built_ones()
    {
        var triggers = ProjectLifecycle.AvailableFrom(Screening).Select(t => t.Trigger).Order();
        Assert.Equal([ReturnForSupplement, Accept, Reject, Withdraw], triggers);
    }

    [Fact]
    public void From_evaluation_the_project_is_withdrawn_or_completes_evaluation()
    {
        Assert.Equal([Withdraw, CompleteEvaluation], ProjectLifecycle.AvailableFrom(ProjectStage.Evaluation).Select(t => t.Trigger));
    }

    [Fact]
    public void From_deliberation_the_project_is_withdrawn_approved_or_rejected()
    {
        Assert.Equal([Withdraw, Approve, RejectAfterDeliberation], ProjectLifecycle.AvailableFrom(ProjectStage.Deliberation).Select(t => t.Trigger));
    }

    [Fact]
    public void From_public_notice_the_project_is_withdrawn_admitted_or_sent_back()
    {
        Assert.Equal([Withdraw, Admit, SendBackToDeliberation], ProjectLifecycle.AvailableFrom(PublicNotice).Select(t => t.Trigger));
    }

    [Fact]
    public void Only_built_moves_are_offered_from_running()
    {
        // Every move from Running is built now: corrections, suspensions and both ways out.
        Assert.Equal([OrderCorrection, Suspend, RequestExit, Terminate], ProjectLifecycle.AvailableFrom(Running).Select(t => t.Trigger));
    }

    [Fact]
    public void An_unknown_stage_number_is_refused_not_thrown()
    {
        // Stored numbers outlive code; a bad one must come back as an error value.
        var result = ProjectLifecycle.Check((ProjectStage)99, Submit);
        Assert.Equal(LifecycleErrors.NotAllowed, Assert.Single(result.Errors).Code);
    }
}
