using FinPilot.Domain.Evaluation;
using FinPilot.Domain.Evaluation.Rounds;

namespace FinPilot.Domain.Tests.Evaluation;

/// <summary>Rounds and assignments in every status and state, reached through the aggregates' own methods.</summary>
internal static class RoundTestData
{
    public const int RegionId = 1;
    public const string Secretariat = "user-secretariat";
    public const string Expert = "user-expert";
    public const string CallTitle = "第一批 征集";

    public static readonly Guid CallId = Guid.Parse("40000000-0000-0000-0000-000000000001");
    public static readonly Guid ProjectId = Guid.Parse("40000000-0000-0000-0000-000000000002");

    /// <summary>Tuesday 30 September 2025, 10:00 in Beijing.</summary>
    public static readonly DateTimeOffset Now = new(2025, 9, 30, 10, 0, 0, TimeSpan.FromHours(8));

    public static readonly DateOnly Today = new(2025, 9, 30);

    public static RoundSettings Settings(string? title = null, int experts = 3, DateOnly? deadline = null) =>
        new(title, experts, deadline ?? Today.AddDays(14), ShowPeerScores: false);

    public static EvaluationRound NewRound() =>
        EvaluationRound.Create(Guid.NewGuid(), CallId, RegionId, CallTitle, Settings(), Now, Secretariat).Value!;

    public static EvaluationRound InStatus(RoundStatus status)
    {
        var round = NewRound();
        if (status is RoundStatus.Scoring or RoundStatus.Completed)
        {
            Assert.True(round.Open(Now).Succeeded);
        }

        if (status == RoundStatus.Completed)
        {
            Assert.True(round.Complete(Now).Succeeded);
        }

        return round;
    }

    public static ExpertAssignment Assign(EvaluationRound round, string expert = Expert) =>
        round.Assign(Guid.NewGuid(), ProjectId, expert, AssignmentSource.Solver, Now, Secretariat).Value!;

    /// <summary>A round in <paramref name="status"/> with an assignment in <paramref name="state"/>, assigned while the round was prepared.</summary>
    public static (EvaluationRound Round, ExpertAssignment Assignment) WithAssignment(AssignmentState state, RoundStatus status = RoundStatus.Scoring)
    {
        var round = NewRound();
        var assignment = Assign(round);
        Assert.True(round.Open(Now).Succeeded);
        switch (state)
        {
            case AssignmentState.Cleared:
                Assert.True(assignment.ConfirmNoConflict(round, Now).Succeeded);
                break;
            case AssignmentState.Conflicted:
                Assert.True(assignment.DeclareConflict(round, Now, "曾任该机构顾问").Succeeded);
                break;
            case AssignmentState.Submitted:
                Assert.True(assignment.ConfirmNoConflict(round, Now).Succeeded);
                Assert.True(assignment.Submit(round, Sheet(8), Now).Succeeded);
                break;
        }

        if (status == RoundStatus.Completed)
        {
            Assert.True(round.Complete(Now).Succeeded);
        }

        return (round, assignment);
    }

    public static ScoreSheet Sheet(int score) => new()
    {
        Scores = [.. EvaluationValues.Dimensions.Select(d => new DimensionScore(d, score, $"{d} 评价"))],
        Recommendation = Recommendation.Recommend,
    };
}
