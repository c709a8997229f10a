using FinPilot.Domain.Evaluation;
using FinPilot.Domain.Evaluation.Rounds;
using static FinPilot.Domain.Evaluation.Rounds.AssignmentState;
using static FinPilot.Domain.Evaluation.Rounds.AssignmentTrigger;

namespace FinPilot.Domain.Tests.Evaluation;

/// <summary>The assignment's table, written out again by hand, and the refusal each wrong move gets.</summary>
public sealed class AssignmentLifecycleTests
{
    private static readonly (AssignmentState From, AssignmentTrigger Trigger, AssignmentState To)[] Expected =
    [
        (AwaitingDeclaration, ConfirmNoConflict, Cleared),
        (AwaitingDeclaration, FindConflict, Conflicted),
        (AwaitingDeclaration, DeclareConflict, Conflicted),
        (Cleared, DeclareConflict, Conflicted),
        (Cleared, SaveDraft, Cleared),
        (Cleared, Submit, Submitted),
        (Submitted, Reopen, Cleared),
    ];

    public static TheoryData<AssignmentState, AssignmentTrigger> EveryStateAndTrigger()
    {
        var data = new TheoryData<AssignmentState, AssignmentTrigger>();
        foreach (var state in Enum.GetValues<AssignmentState>())
        {
            foreach (var trigger in Enum.GetValues<AssignmentTrigger>())
            {
                data.Add(state, trigger);
            }
        }

        return data;
    }

    [Fact]
    public void The_table_is_the_expected_one()
    {
        Assert.Equal(Expected.Order(), AssignmentLifecycle.Transitions.Select(t => (t.From, t.Trigger, t.To)).Order());
    }

    [Theory]
    [MemberData(nameof(EveryStateAndTrigger))]
    public void In_a_scoring_round_check_allows_the_table_and_refuses_the_rest_with_its_own_error(AssignmentState from, AssignmentTrigger trigger)
    {
        var result = AssignmentLifecycle.Check(RoundStatus.Scoring, from, trigger);
        var expected = Expected.Where(e => e.From == from && e.Trigger == trigger).Select(e => (AssignmentState?)e.To).SingleOrDefault();
        if (expected is { } to)
        {
            Assert.True(result.Succeeded);
            Assert.Equal(to, result.Value);
            return;
        }

        var code = trigger switch
        {
            SaveDraft or Submit when from == Submitted => EvaluationErrors.SheetLocked,
            SaveDraft or Submit => EvaluationErrors.NotCleared,
            Reopen => EvaluationErrors.NotSubmitted,
            _ => EvaluationErrors.AlreadyDeclared,
        };
        var error = Assert.Single(result.Errors);
        Assert.Equal(code, error.Code);
        Assert.Null(error.Field);
    }

    [Theory]
    [InlineData(RoundStatus.Preparing)]
    [InlineData(RoundStatus.Completed)]
    public void Sheets_are_written_and_reopened_only_while_the_round_is_scoring(RoundStatus round)
    {
        Assert.Equal(EvaluationErrors.NotScoring, Assert.Single(AssignmentLifecycle.Check(round, Cleared, SaveDraft).Errors).Code);
        Assert.Equal(EvaluationErrors.NotScoring, Assert.Single(AssignmentLifecycle.Check(round, Cleared, Submit).Errors).Code);
        Assert.Equal(EvaluationErrors.NotScoring, Assert.Single(AssignmentLifecycle.Check(round, Submitted, Reopen).Errors).Code);
    }

    [Theory]
    [InlineData(RoundStatus.Preparing)]
    [InlineData(RoundStatus.Completed)]
    public void Declarations_do_not_ask_the_round(RoundStatus round)
    {
        Assert.True(AssignmentLifecycle.Check(round, AwaitingDeclaration, ConfirmNoConflict).Succeeded);
        Assert.True(AssignmentLifecycle.Check(round, Cleared, DeclareConflict).Succeeded);
    }

    [Fact]
    public void A_conflict_is_final()
    {
        Assert.True(AssignmentLifecycle.IsFinal(Conflicted));
        Assert.False(AssignmentLifecycle.IsFinal(Submitted));
    }
}
