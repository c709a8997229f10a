using FinPilot.Domain.Common;
using FinPilot.Domain.Evaluation;
using FinPilot.Domain.Evaluation.Rounds;
using static FinPilot.Domain.Tests.Evaluation.RoundTestData;

namespace FinPilot.Domain.Tests.Evaluation;

public sealed class ExpertAssignmentTests
{
    private static readonly DateTimeOffset Later = Now.AddHours(3);

    [Fact]
    public void Confirming_no_conflict_clears_the_assignment_and_opens_the_materials()
    {
        var (round, assignment) = WithAssignment(AssignmentState.AwaitingDeclaration);
        var version = assignment.Version;
        Assert.False(assignment.OpensMaterials);

        Assert.True(assignment.ConfirmNoConflict(round, Later).Succeeded);

        Assert.Equal(AssignmentState.Cleared, assignment.State);
        Assert.Equal(Later, assignment.ClearedAt);
        Assert.True(assignment.OpensMaterials);
        Assert.NotEqual(version, assignment.Version);
    }

    [Fact]
    public void A_conflict_found_on_confirmation_keeps_the_materials_closed_and_lists_the_reasons()
    {
        var (round, assignment) = WithAssignment(AssignmentState.AwaitingDeclaration);
        var version = assignment.Version;

        Assert.True(assignment.RecordFoundConflict(round, Later, ["Employer", "Declared"]).Succeeded);

        Assert.Equal(AssignmentState.Conflicted, assignment.State);
        Assert.Equal(Later, assignment.ConflictDeclaredAt);
        Assert.Equal("Employer, Declared", assignment.ConflictNote);
        Assert.False(assignment.OpensMaterials);
        Assert.NotEqual(version, assignment.Version);
        Assert.Throws<ArgumentException>(() => WithAssignment(AssignmentState.AwaitingDeclaration).Assignment.RecordFoundConflict(round, Later, []));
    }

    [Theory]
    [InlineData(AssignmentState.AwaitingDeclaration)]
    [InlineData(AssignmentState.Cleared)]
    public void An_expert_declares_a_conflict_before_submitting_with_a_note(AssignmentState state)
    {
        var (round, assignment) = WithAssignment(state);

        Assert.True(assignment.DeclareConflict(round, Later, "  配偶在该机构任职  ").Succeeded);

        Assert.Equal(AssignmentState.Conflicted, assignment.State);
        Assert.Equal("配偶在该机构任职", assignment.ConflictNote);
        Assert.False(assignment.OpensMaterials);
    }

    [Theory]
    [InlineData("", "Field.Required")]
    [InlineData(" ", "Field.Required")]
    [InlineData(null, "Field.TooLong")]
    public void A_conflict_without_a_fitting_note_is_refused_on_the_note(string? note, string code)
    {
        var (round, assignment) = WithAssignment(AssignmentState.Cleared);
        var version = assignment.Version;

        var declared = assignment.DeclareConflict(round, Later, note ?? new string('注', ExpertAssignment.MaxReasonLength + 1));

        var error = Assert.Single(declared.Errors);
        Assert.Equal((code, "Note"), (error.Code, error.Field));
        Assert.Equal(AssignmentState.Cleared, assignment.State);
        Assert.Equal(version, assignment.Version);
    }

    [Theory]
    [InlineData(AssignmentState.Cleared)]
    [InlineData(AssignmentState.Conflicted)]
    [InlineData(AssignmentState.Submitted)]
    public void Confirming_twice_or_after_a_conflict_is_refused(AssignmentState state)
    {
        var (round, assignment) = WithAssignment(state);

        AssertUnchanged(assignment, EvaluationErrors.AlreadyDeclared, a => a.ConfirmNoConflict(round, Later));
        AssertUnchanged(assignment, EvaluationErrors.AlreadyDeclared, a => a.RecordFoundConflict(round, Later, ["Employer"]));
    }

    [Theory]
    [InlineData(AssignmentState.Conflicted)]
    [InlineData(AssignmentState.Submitted)]
    public void A_conflict_is_not_declared_after_another_or_after_submitting(AssignmentState state)
    {
        var (round, assignment) = WithAssignment(state);

        AssertUnchanged(assignment, EvaluationErrors.AlreadyDeclared, a => a.DeclareConflict(round, Later, "迟到的申报"));
    }

    [Fact]
    public void A_draft_is_saved_without_submitting_and_may_be_incomplete()
    {
        var (round, assignment) = WithAssignment(AssignmentState.Cleared);
        var version = assignment.Version;
        var draft = new ScoreSheet { Scores = [new DimensionScore(EvaluationDimension.RiskControl, 7, null)] };

        Assert.True(assignment.SaveDraft(round, draft, Later).Succeeded);

        Assert.Equal(AssignmentState.Cleared, assignment.State);
        Assert.Equal(Later, assignment.SavedAt);
        Assert.Null(assignment.SubmittedAt);
        Assert.Equal(7, Assert.Single(assignment.Sheet.Scores).Score);
        Assert.NotEqual(version, assignment.Version);
    }

    [Fact]
    public void Submitting_locks_the_complete_sheet()
    {
        var (round, assignment) = WithAssignment(AssignmentState.Cleared);

        Assert.True(assignment.Submit(round, Sheet(9), Later).Succeeded);

        Assert.Equal(AssignmentState.Submitted, assignment.State);
        Assert.Equal(Later, assignment.SubmittedAt);
        Assert.Equal(Later, assignment.SavedAt);
        Assert.All(assignment.Sheet.Scores, s => Assert.Equal(9, s.Score));
        Assert.Equal(Recommendation.Recommend, assignment.Sheet.Recommendation);
    }

    [Fact]
    public void An_incomplete_or_out_of_scale_sheet_is_refused_and_nothing_is_written()
    {
        var (round, assignment) = WithAssignment(AssignmentState.Cleared);
        var version = assignment.Version;

        var incomplete = assignment.Submit(round, new ScoreSheet(), Later);
        var outOfScale = assignment.SaveDraft(round, Sheet(Rubric.DefaultScaleMax + 1), Later);

        Assert.Contains(incomplete.Errors, e => e.Code == Text.RequiredCode && e.Field == "Recommendation");
        Assert.All(outOfScale.Errors, e => Assert.Equal(EvaluationErrors.ScoreOutOfScale, e.Code));
        Assert.Null(assignment.SavedAt);
        Assert.Equal("{}", assignment.SheetJson);
        Assert.Equal(version, assignment.Version);
    }

    [Theory]
    [InlineData(AssignmentState.AwaitingDeclaration, "Evaluation.NotCleared")]
    [InlineData(AssignmentState.Conflicted, "Evaluation.NotCleared")]
    [InlineData(AssignmentState.Submitted, "Evaluation.SheetLocked")]
    public void A_sheet_is_written_only_when_cleared_and_not_submitted(AssignmentState state, string code)
    {
        var (round, assignment) = WithAssignment(state);

        AssertUnchanged(assignment, code, a => a.SaveDraft(round, Sheet(5), Later));
        AssertUnchanged(assignment, code, a => a.Submit(round, Sheet(5), Later));
    }

    [Fact]
    public void A_sheet_is_not_written_once_the_round_is_completed()
    {
        var (round, assignment) = WithAssignment(AssignmentState.Cleared, RoundStatus.Completed);

        AssertUnchanged(assignment, EvaluationErrors.NotScoring, a => a.Submit(round, Sheet(5), Later));
        AssertUnchanged(assignment, EvaluationErrors.NotScoring, a => a.SaveDraft(round, Sheet(5), Later));
    }

    [Fact]
    public void Reopening_unlocks_the_sheet_counts_and_keeps_the_reason()
    {
        var (round, assignment) = WithAssignment(AssignmentState.Submitted);
        var version = assignment.Version;

        Assert.True(assignment.Reopen(round, "  评语与分数不符  ").Succeeded);
        Assert.Equal(AssignmentState.Cleared, assignment.State);
        Assert.Null(assignment.SubmittedAt);
        Assert.Equal(1, assignment.ReopenCount);
        Assert.Equal("评语与分数不符", assignment.LastReopenReason);
        Assert.Equal(8, assignment.Sheet.Scores[0].Score);
        Assert.NotEqual(version, assignment.Version);

        Assert.True(assignment.Submit(round, Sheet(6), Later).Succeeded);
        Assert.True(assignment.Reopen(round, "再次核对").Succeeded);
        Assert.Equal(2, assignment.ReopenCount);
    }

    [Theory]
    [InlineData(AssignmentState.AwaitingDeclaration)]
    [InlineData(AssignmentState.Cleared)]
    [InlineData(AssignmentState.Conflicted)]
    public void Only_a_submitted_sheet_is_reopened(AssignmentState state)
    {
        var (round, assignment) = WithAssignment(state);

        AssertUnchanged(assignment, EvaluationErrors.NotSubmitted, a => a.Reopen(round, "理由"));
    }

    [Fact]
    public void Reopening_needs_a_scoring_round_then_a_reason_that_fits()
    {
        var (completedRound, locked) = WithAssignment(AssignmentState.Submitted, RoundStatus.Completed);
        AssertUnchanged(locked, EvaluationErrors.NotScoring, a => a.Reopen(completedRound, "理由"));

        var (round, assignment) = WithAssignment(AssignmentState.Submitted);
        var blank = Assert.Single(assignment.Reopen(round, "  ").Errors);
        Assert.Equal((EvaluationErrors.ReasonRequired, "Reason"), (blank.Code, blank.Field));
        var tooLong = Assert.Single(assignment.Reopen(round, new string('因', ExpertAssignment.MaxReasonLength + 1)).Errors);
        Assert.Equal((Text.TooLongCode, "Reason"), (tooLong.Code, tooLong.Field));
        Assert.Equal(AssignmentState.Submitted, assignment.State);
        Assert.Equal(0, assignment.ReopenCount);
    }

    [Fact]
    public void An_assignment_is_moved_only_with_its_own_round()
    {
        var (_, assignment) = WithAssignment(AssignmentState.Cleared);
        var other = InStatus(RoundStatus.Scoring);

        Assert.Throws<ArgumentException>(() => assignment.Submit(other, Sheet(5), Later));
        Assert.Throws<ArgumentException>(() => assignment.DeclareConflict(other, Later, "注"));
    }

    private static void AssertUnchanged(ExpertAssignment assignment, string code, Func<ExpertAssignment, Result> move)
    {
        var before = (assignment.State, assignment.Version, assignment.SheetJson, assignment.SavedAt, assignment.ReopenCount, assignment.ConflictNote);

        var result = move(assignment);

        var error = Assert.Single(result.Errors);
        Assert.Equal(code, error.Code);
        Assert.Null(error.Field);
        Assert.Equal(before, (assignment.State, assignment.Version, assignment.SheetJson, assignment.SavedAt, assignment.ReopenCount, assignment.ConflictNote));
    }
}
