using FinPilot.Domain.Deliberation;
using FinPilot.Domain.Projects;

namespace FinPilot.Domain.Tests.Deliberation;

/// <summary>The kinds of agenda item as data: one row per kind, tied to the project lifecycle.</summary>
public sealed class AgendaItemKindsTests
{
    [Fact]
    public void Every_kind_has_exactly_one_rule()
    {
        // A kind added to the enum without its row would be refused for every project.
        Assert.Equal(Enum.GetValues<AgendaItemKind>(), AgendaItemKinds.All.Select(r => r.Kind).Order());
    }

    [Fact]
    public void An_admission_item_takes_projects_in_deliberation_and_approves_or_rejects_them()
    {
        var rule = AgendaItemKinds.Find(AgendaItemKind.Admission)!;

        Assert.Equal([ProjectStage.Deliberation], rule.ExpectedStages);
        Assert.Equal((ProjectTrigger.Approve, ProjectTrigger.RejectAfterDeliberation), (rule.OnApproval, rule.OnRejection));
    }

    [Fact]
    public void The_triggers_of_every_rule_lead_from_the_stages_it_expects()
    {
        // A rule whose outcome could not be applied to the projects it admits would strand them.
        foreach (var rule in AgendaItemKinds.All)
        {
            foreach (var stage in rule.ExpectedStages)
            {
                foreach (var trigger in new[] { rule.OnApproval, rule.OnRejection }.OfType<ProjectTrigger>())
                {
                    Assert.True(ProjectLifecycle.Check(stage, trigger).Succeeded, $"{rule.Kind}: {trigger} from {stage}");
                }
            }
        }
    }

    [Theory]
    [InlineData(ProjectStage.Deliberation, true)]
    [InlineData(ProjectStage.Evaluation, false)]
    [InlineData(ProjectStage.PublicNotice, false)]
    [InlineData(ProjectStage.Running, false)]
    public void Admission_accepts_only_deliberation(ProjectStage stage, bool accepted)
    {
        Assert.Equal(accepted, AgendaItemKinds.Accepts(AgendaItemKind.Admission, stage));
    }

    [Fact]
    public void An_unknown_kind_accepts_nothing()
    {
        Assert.Null(AgendaItemKinds.Find((AgendaItemKind)99));
        Assert.False(AgendaItemKinds.Accepts((AgendaItemKind)99, ProjectStage.Deliberation));
    }
}
