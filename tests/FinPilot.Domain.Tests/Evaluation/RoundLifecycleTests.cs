using FinPilot.Domain.Evaluation;
using FinPilot.Domain.Evaluation.Rounds;
using static FinPilot.Domain.Evaluation.Rounds.RoundStatus;
using static FinPilot.Domain.Evaluation.Rounds.RoundTrigger;

namespace FinPilot.Domain.Tests.Evaluation;

/// <summary>The round's table, written out again by hand so that a changed, added or lost move fails here.</summary>
public sealed class RoundLifecycleTests
{
    private static readonly (RoundStatus From, RoundTrigger Trigger, RoundStatus To)[] Expected =
    [
        (Preparing, ChangeSettings, Preparing),
        (Preparing, Solve, Preparing),
        (Preparing, SetRule, Preparing),
        (Preparing, AddExpert, Preparing),
        (Preparing, RemoveExpert, Preparing),
        (Preparing, Open, Scoring),
        (Scoring, AddExpert, Scoring),
        (Scoring, RemoveExpert, Scoring),
        (Scoring, RecordConsensus, Scoring),
        (Scoring, Complete, Completed),
    ];

    public static TheoryData<RoundStatus, RoundTrigger> EveryStatusAndTrigger()
    {
        var data = new TheoryData<RoundStatus, RoundTrigger>();
        foreach (var status in Enum.GetValues<RoundStatus>())
        {
            foreach (var trigger in Enum.GetValues<RoundTrigger>())
            {
                data.Add(status, trigger);
            }
        }

        return data;
    }

    [Fact]
    public void The_table_is_the_expected_one()
    {
        Assert.Equal(Expected.Order(), RoundLifecycle.Transitions.Select(t => (t.From, t.Trigger, t.To)).Order());
    }

    [Theory]
    [MemberData(nameof(EveryStatusAndTrigger))]
    public void Check_allows_the_table_and_refuses_everything_else_with_the_status_it_needs(RoundStatus from, RoundTrigger trigger)
    {
        var result = RoundLifecycle.Check(from, trigger);
        var expected = Expected.Where(e => e.From == from && e.Trigger == trigger).Select(e => (RoundStatus?)e.To).SingleOrDefault();
        if (expected is { } to)
        {
            Assert.True(result.Succeeded);
            Assert.Equal(to, result.Value);
            return;
        }

        // What preparation allows is refused as "not preparing", even where scoring allows it too; the rest as "not scoring".
        var code = Expected.Any(e => e.Trigger == trigger && e.From == Preparing) ? EvaluationErrors.NotPreparing : EvaluationErrors.NotScoring;
        var error = Assert.Single(result.Errors);
        Assert.Equal(code, error.Code);
        Assert.Null(error.Field);
    }

    [Fact]
    public void Only_a_completed_round_is_final()
    {
        Assert.False(RoundLifecycle.IsFinal(Preparing));
        Assert.False(RoundLifecycle.IsFinal(Scoring));
        Assert.True(RoundLifecycle.IsFinal(Completed));
        Assert.Empty(RoundLifecycle.AvailableFrom(Completed));
        Assert.Equal([AddExpert, RemoveExpert, RecordConsensus, Complete], RoundLifecycle.AvailableFrom(Scoring));
    }
}
