using FinPilot.Domain.Common;
using FinPilot.Domain.Evaluation;
using FinPilot.Domain.Evaluation.Rounds;
using static FinPilot.Domain.Tests.Evaluation.RoundTestData;

namespace FinPilot.Domain.Tests.Evaluation;

public sealed class EvaluationRoundTests
{
    [Fact]
    public void A_new_round_is_prepared_with_the_calls_title_and_the_default_rubric_and_weights()
    {
        var round = NewRound();

        Assert.Equal(RoundStatus.Preparing, round.Status);
        Assert.Equal(CallTitle, round.Title);
        Assert.Equal(CallId, round.CallId);
        Assert.Equal(RegionId, round.RegionId);
        Assert.Equal(3, round.ExpertsPerProject);
        Assert.Equal(Now, round.CreatedAt);
        Assert.Equal(Secretariat, round.CreatedBy);
        Assert.Equivalent(Rubric.Default, round.Rubric, strict: true);
        Assert.Equivalent(CategoryWeights.Default, round.Weights, strict: true);
        Assert.Null(round.LastSolve);
        Assert.NotEqual(Guid.Empty, round.Version);
        Assert.True(round.IsOpen);
    }

    [Fact]
    public void A_title_given_replaces_the_calls_trimmed()
    {
        var round = EvaluationRound.Create(Guid.NewGuid(), CallId, RegionId, CallTitle, Settings("  专业评估  "), Now, Secretariat).Value!;

        Assert.Equal("专业评估", round.Title);
    }

    [Fact]
    public void Bad_settings_are_refused_each_on_its_field_in_order()
    {
        var created = EvaluationRound.Create(
            Guid.NewGuid(), CallId, RegionId, CallTitle, Settings(new string('题', EvaluationRound.MaxTitleLength + 1), 2, Today), Now, Secretariat);

        Assert.False(created.Succeeded);
        Assert.Equal(
            [(EvaluationErrors.DeadlineInPast, "Deadline"), (Text.TooLongCode, "Title"), (EvaluationErrors.ExpertsPerProjectOutOfRange, "ExpertsPerProject")],
            created.Errors.Select(e => (e.Code, e.Field)));
        Assert.Equal([EvaluationRound.MinExpertsPerProject, EvaluationRound.MaxExpertsPerProject], created.Errors[2].Arguments);
    }

    [Fact]
    public void Invalid_weights_and_rubric_are_refused()
    {
        var weights = CategoryWeights.Default with { Categories = [] };
        var rubric = Rubric.Default with { ScaleMin = 10, ScaleMax = 1 };

        var created = EvaluationRound.Create(Guid.NewGuid(), CallId, RegionId, CallTitle, Settings() with { Weights = weights, Rubric = rubric }, Now, Secretariat);

        Assert.Contains(created.Errors, e => e.Code == EvaluationErrors.CategoryMissing);
        Assert.Contains(created.Errors, e => e.Code == EvaluationErrors.ScaleInvalid);
    }

    [Fact]
    public void Settings_change_while_prepared_and_keep_what_is_not_given()
    {
        var round = NewRound();
        var version = round.Version;

        var changed = round.ChangeSettings(new RoundSettings(null, 5, Today.AddDays(20), ShowPeerScores: true), Now);

        Assert.True(changed.Succeeded);
        Assert.Equal(CallTitle, round.Title);
        Assert.Equal(5, round.ExpertsPerProject);
        Assert.Equal(Today.AddDays(20), round.Deadline);
        Assert.True(round.ShowPeerScores);
        Assert.Equivalent(CategoryWeights.Default, round.Weights, strict: true);
        Assert.NotEqual(version, round.Version);
    }

    [Fact]
    public void Invalid_settings_change_nothing()
    {
        var round = NewRound();
        var version = round.Version;

        var changed = round.ChangeSettings(Settings(experts: 99), Now);

        Assert.Equal(EvaluationErrors.ExpertsPerProjectOutOfRange, Assert.Single(changed.Errors).Code);
        Assert.Equal(3, round.ExpertsPerProject);
        Assert.Equal(version, round.Version);
    }

    [Theory]
    [InlineData(RoundStatus.Scoring)]
    [InlineData(RoundStatus.Completed)]
    public void Settings_solves_and_opening_are_refused_once_the_round_left_preparation(RoundStatus status)
    {
        var round = InStatus(status);
        var version = round.Version;

        AssertRefused(EvaluationErrors.NotPreparing, round.ChangeSettings(Settings(experts: 5), Now));
        AssertRefused(EvaluationErrors.NotPreparing, round.RecordSolve(Report()));
        AssertRefused(EvaluationErrors.NotPreparing, round.Open(Now));
        Assert.Equal(version, round.Version);
        Assert.Equal(status, round.Status);
    }

    [Fact]
    public void A_solve_is_kept_for_the_round_page()
    {
        var round = NewRound();
        var version = round.Version;

        Assert.True(round.RecordSolve(Report()).Succeeded);

        var solve = round.LastSolve!;
        Assert.Equal((Now, false, 12, 3.5), (solve.At, solve.Feasible, solve.CandidatePairs, solve.Milliseconds));
        var problem = Assert.Single(solve.Problems);
        Assert.Equal("Assignment.TooFewEligible", problem.Code);
        Assert.Equal(["甲", "2", "3"], problem.Arguments);
        Assert.NotEqual(version, round.Version);
    }

    [Fact]
    public void Opening_starts_scoring_and_completing_ends_the_round()
    {
        var round = NewRound();
        var prepared = round.Version;
        var later = Now.AddDays(1);

        Assert.True(round.Open(Now).Succeeded);
        Assert.Equal(RoundStatus.Scoring, round.Status);
        Assert.Equal(Now, round.OpenedAt);
        var opened = round.Version;
        Assert.NotEqual(prepared, opened);

        Assert.True(round.Complete(later).Succeeded);
        Assert.Equal(RoundStatus.Completed, round.Status);
        Assert.Equal(later, round.CompletedAt);
        Assert.NotEqual(opened, round.Version);
        Assert.False(round.IsOpen);
    }

    [Theory]
    [InlineData(RoundStatus.Preparing)]
    [InlineData(RoundStatus.Completed)]
    public void Completing_and_consensus_need_a_scoring_round(RoundStatus status)
    {
        var round = InStatus(status);
        var version = round.Version;

        AssertRefused(EvaluationErrors.NotScoring, round.Complete(Now));
        AssertRefused(EvaluationErrors.NotScoring, round.Allows(RoundTrigger.RecordConsensus));
        Assert.Equal(status, round.Status);
        Assert.Equal(version, round.Version);
    }

    [Theory]
    [InlineData(RoundStatus.Preparing, AssignmentSource.Solver)]
    [InlineData(RoundStatus.Scoring, AssignmentSource.Manual)]
    public void Experts_are_assigned_while_prepared_or_scored_without_changing_the_rounds_version(RoundStatus status, AssignmentSource source)
    {
        var round = InStatus(status);
        var version = round.Version;
        var id = Guid.NewGuid();

        var assigned = round.Assign(id, ProjectId, Expert, source, Now, Secretariat);

        Assert.True(assigned.Succeeded);
        var assignment = assigned.Value!;
        Assert.Equal((id, round.Id, ProjectId, Expert, source, Now, Secretariat), (assignment.Id, assignment.RoundId, assignment.ProjectId, assignment.ExpertUserId, assignment.Source, assignment.AssignedAt, assignment.AssignedBy));
        Assert.Equal(AssignmentState.AwaitingDeclaration, assignment.State);
        Assert.NotEqual(Guid.Empty, assignment.Version);
        Assert.Equal(version, round.Version);
    }

    [Fact]
    public void No_expert_is_assigned_to_a_completed_round()
    {
        var round = InStatus(RoundStatus.Completed);

        var assigned = round.Assign(Guid.NewGuid(), ProjectId, Expert, AssignmentSource.Manual, Now, Secretariat);

        Assert.Equal(EvaluationErrors.NotPreparing, Assert.Single(assigned.Errors).Code);
    }

    [Theory]
    [InlineData(AssignmentState.AwaitingDeclaration, true)]
    [InlineData(AssignmentState.Conflicted, true)]
    [InlineData(AssignmentState.Cleared, false)]
    [InlineData(AssignmentState.Submitted, false)]
    public void During_scoring_only_an_expert_who_has_not_started_is_taken_off(AssignmentState state, bool removable)
    {
        var (round, assignment) = WithAssignment(state);

        var result = round.CheckRemoval(assignment);

        if (removable)
        {
            Assert.True(result.Succeeded);
        }
        else
        {
            AssertRefused(EvaluationErrors.NotPreparing, result);
        }
    }

    [Fact]
    public void Anyone_is_taken_off_while_prepared_and_no_one_once_completed()
    {
        var prepared = NewRound();
        Assert.True(prepared.CheckRemoval(Assign(prepared)).Succeeded);

        var (completed, submitted) = WithAssignment(AssignmentState.Submitted, RoundStatus.Completed);
        AssertRefused(EvaluationErrors.NotPreparing, completed.CheckRemoval(submitted));
        Assert.Throws<ArgumentException>(() => NewRound().CheckRemoval(submitted));
    }

    [Fact]
    public void A_pause_moves_the_deadline_by_working_days()
    {
        var round = InStatus(RoundStatus.Scoring);
        var version = round.Version;

        round.PauseDeadline(2);
        round.PauseDeadline(3);

        Assert.Equal(5, round.PausedWorkingDays);
        Assert.NotEqual(version, round.Version);
    }

    private static SolveReport Report() =>
        new(Now, false, 0, 0, 12, true, 3.5, [SolveProblem.From(new Error(FinPilot.Domain.Evaluation.Assignment.AssignmentErrors.TooFewEligible, "Assignment", "甲", 2, 3))]);

    private static void AssertRefused(string code, Result result)
    {
        var error = Assert.Single(result.Errors);
        Assert.Equal(code, error.Code);
        Assert.Null(error.Field);
    }
}
