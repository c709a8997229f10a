using FinPilot.Domain.Projects;
using static FinPilot.Domain.Projects.ProjectStage;
using static FinPilot.Domain.Projects.ProjectTrigger;

namespace FinPilot.Domain.Tests.Projects;

/// <summary>
/// Every built trigger pulled through the aggregate from every stage: the aggregate must obey the
/// lifecycle, move where it says, and leave a refused project exactly as it was.
/// </summary>
public sealed class PilotProjectTransitionTests
{
    // Written out by hand, not read from ProjectLifecycle, so the aggregate is checked against the design.
    private static readonly Dictionary<(ProjectStage, ProjectTrigger), ProjectStage> Allowed = new()
    {
        [(Draft, Submit)] = Submitted,
        [(Submitted, StartScreening)] = Screening,
        [(Screening, ReturnForSupplement)] = ReturnedForSupplement,
        [(ReturnedForSupplement, Resubmit)] = Submitted,
        [(Screening, Accept)] = ProjectStage.Evaluation,
        [(Screening, Reject)] = Rejected,
        [(Draft, Withdraw)] = Withdrawn,
        [(Submitted, Withdraw)] = Withdrawn,
        [(Screening, Withdraw)] = Withdrawn,
        [(ReturnedForSupplement, Withdraw)] = Withdrawn,
        [(ProjectStage.Evaluation, Withdraw)] = Withdrawn,
        [(ProjectStage.Deliberation, Withdraw)] = Withdrawn,
        [(PublicNotice, Withdraw)] = Withdrawn,
        [(ProjectStage.Evaluation, CompleteEvaluation)] = ProjectStage.Deliberation,
        [(ProjectStage.Deliberation, Approve)] = PublicNotice,
        [(ProjectStage.Deliberation, RejectAfterDeliberation)] = Rejected,
        [(PublicNotice, Admit)] = Running,
        [(PublicNotice, SendBackToDeliberation)] = ProjectStage.Deliberation,
    };

    private static readonly ProjectTrigger[] Built =
    [
        Submit, StartScreening, ReturnForSupplement, Resubmit, Accept, Reject, Withdraw, CompleteEvaluation,
        Approve, RejectAfterDeliberation, SendBackToDeliberation, Admit,
    ];

    public static TheoryData<ProjectStage, ProjectTrigger> EveryStageAndBuiltTrigger()
    {
        var data = new TheoryData<ProjectStage, ProjectTrigger>();
        foreach (var stage in Enum.GetValues<ProjectStage>())
        {
            foreach (var trigger in Built)
            {
                data.Add(stage, trigger);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryStageAndBuiltTrigger))]
    public void The_aggregate_moves_only_where_the_path_allows(ProjectStage from, ProjectTrigger trigger)
    {
        var project = ProjectTestData.InStage(from);
        var events = project.Timeline.Count;
        var version = project.Version;

        var result = ProjectTestData.Pull(project, trigger);

        if (Allowed.TryGetValue((from, trigger), out var to))
        {
            Assert.True(result.Succeeded, string.Join(", ", result.Errors));
            Assert.Equal(to, project.Stage);
            var recorded = project.Timeline[^1];
            Assert.Equal((trigger, from, to), (recorded.Trigger, recorded.From, recorded.To));
            Assert.Equal(events + 1, project.Timeline.Count);
            Assert.NotEqual(version, project.Version);
        }
        else
        {
            var error = Assert.Single(result.Errors);
            Assert.Equal(LifecycleErrors.NotAllowed, error.Code);
            Assert.Equal(from, project.Stage);
            Assert.Equal(events, project.Timeline.Count);
            Assert.Equal(version, project.Version);
        }
    }
}
