using FinPilot.Domain.Scenarios;

namespace FinPilot.Domain.Tests.Scenarios;

/// <summary>路演: seats up to the capacity, a waiting list that moves up in order, panel scores on a weighted rubric, ranks, release.</summary>
public sealed class RoadshowTests
{
    private static readonly DateTimeOffset Now = new(2026, 9, 25, 10, 0, 0, TimeSpan.FromHours(8));

    private static Roadshow NewRoadshow(int capacity = 2, IReadOnlyList<RoadshowCriterion>? criteria = null) =>
        Roadshow.Create(1, new RoadshowInput("路演", Now.AddDays(10), "北京金融街", capacity, [], criteria ?? [new("创新", 60), new("可行", 40)]), Now, "wg")
            .ValueOrThrow();

    private static Solution Published()
    {
        var solution = Solution.Draft(new SolutionInput { Title = "方案", Capability = "能力", Technologies = [Technology.Cloud] }, Guid.NewGuid(), 1, null, Now, "b")
            .ValueOrThrow();
        solution.Publish(Now).OrThrow();
        return solution;
    }

    [Fact]
    public void Beyond_the_capacity_registrations_wait_and_move_up_in_order_when_a_seat_is_freed()
    {
        var roadshow = NewRoadshow(capacity: 2);
        var seated = Enumerable.Range(0, 2).Select(i => roadshow.Register(Published(), null, Now.AddMinutes(i), "u").ValueOrThrow()).ToList();
        var first = roadshow.Register(Published(), null, Now.AddMinutes(5), "u").ValueOrThrow();
        var second = roadshow.Register(Published(), null, Now.AddMinutes(6), "u").ValueOrThrow();

        Assert.All(seated, r => Assert.Equal(RoadshowSeat.Confirmed, r.Seat));
        Assert.Equal([first.Id, second.Id], roadshow.WaitingList.Select(r => r.Id));

        var withdrawal = roadshow.Withdraw(seated[1].Id, Now.AddHours(1)).ValueOrThrow();

        Assert.Same(first, withdrawal.Promoted);
        Assert.Equal(RoadshowSeat.Confirmed, first.Seat);
        Assert.Equal([second.Id], roadshow.WaitingList.Select(r => r.Id));
        Assert.Equal(2, roadshow.SeatsTaken);

        // A waiting registration withdrawing frees no seat.
        Assert.Null(roadshow.Withdraw(second.Id, Now.AddHours(2)).ValueOrThrow().Promoted);
        Assert.Equal(ScenarioErrors.RoadshowRegistrationNotFound, roadshow.Withdraw(second.Id, Now.AddHours(3)).Errors[0].Code);
    }

    [Fact]
    public void A_solution_registers_once_and_only_before_the_roadshow_starts()
    {
        var roadshow = NewRoadshow();
        var solution = Published();
        roadshow.Register(solution, null, Now, "u").ValueOrThrow();

        Assert.Equal(ScenarioErrors.RoadshowAlreadyRegistered, roadshow.Register(solution, null, Now, "u").Errors[0].Code);
        Assert.Equal(ScenarioErrors.RoadshowClosed, roadshow.Register(Published(), null, Now.AddDays(10), "u").Errors[0].Code);
    }

    [Fact]
    public void The_panel_scores_on_the_weighted_rubric_and_the_presentations_are_ranked_by_the_mean()
    {
        var roadshow = NewRoadshow(capacity: 3);
        roadshow.SetPanel(["e1", "e2"]).OrThrow();
        var a = roadshow.Register(Published(), null, Now, "u").ValueOrThrow();
        var b = roadshow.Register(Published(), null, Now.AddMinutes(1), "u").ValueOrThrow();
        var c = roadshow.Register(Published(), null, Now.AddMinutes(2), "u").ValueOrThrow();

        roadshow.Score(a.Id, "e1", [80, 70], Now).OrThrow(); // 0.6*80 + 0.4*70 = 76
        roadshow.Score(a.Id, "e2", [90, 90], Now).OrThrow(); // 90 → mean 83
        roadshow.Score(b.Id, "e1", [100, 50], Now).OrThrow(); // 80
        roadshow.Score(b.Id, "e1", [90, 60], Now).OrThrow(); // again: replaces → 78

        Assert.Equal(ScenarioErrors.RoadshowNotOnPanel, roadshow.Score(a.Id, "e3", [1, 1], Now).Errors[0].Code);
        Assert.Equal(ScenarioErrors.RoadshowScoresInvalid, roadshow.Score(a.Id, "e1", [101, 1], Now).Errors[0].Code);
        Assert.Equal(ScenarioErrors.RoadshowScoresInvalid, roadshow.Score(a.Id, "e1", [1], Now).Errors[0].Code);
        Assert.Equal(ScenarioErrors.RoadshowClosed, roadshow.SetPanel(["e9"]).Errors[0].Code);

        var results = roadshow.Results();
        Assert.Equal([(a.Id, 83.00m, 1), (b.Id, 78.00m, 2)], results.Where(r => r.Total != null).Select(r => (r.RegistrationId, r.Total!.Value, r.Rank!.Value)));
        Assert.Equal((c.Id, (decimal?)null, (int?)null), results.Select(r => (r.RegistrationId, r.Total, r.Rank)).Last());

        roadshow.Release(Now.AddDays(11)).OrThrow();
        Assert.Equal(ScenarioErrors.RoadshowClosed, roadshow.Score(c.Id, "e1", [1, 1], Now).Errors[0].Code);
        Assert.Equal(ScenarioErrors.RoadshowClosed, roadshow.Release(Now.AddDays(12)).Errors[0].Code);
    }

    [Fact]
    public void Nothing_is_released_before_a_score_and_a_bad_rubric_or_capacity_is_refused()
    {
        Assert.Equal(ScenarioErrors.RoadshowNothingScored, NewRoadshow().Release(Now).Errors[0].Code);
        var bad = Roadshow.Create(1, new RoadshowInput("路演", Now.AddDays(1), "线上", 0, [], [new("创新", 50)]), Now, "wg");
        Assert.Equal(
            [ScenarioErrors.RoadshowCapacityInvalid, ScenarioErrors.RoadshowCriteriaInvalid],
            bad.Errors.Select(e => e.Code));
        Assert.Equal(ScenarioErrors.RoadshowDateInvalid, Roadshow.Create(1, new RoadshowInput("路演", Now, "线上", 5, [], null), Now, "wg").Errors[0].Code);
        Assert.Equal(100, Roadshow.Create(null, new RoadshowInput("路演", Now.AddDays(1), "线上", 5, [], null), Now, "cg").ValueOrThrow().Criteria.Sum(c => c.Weight));
    }
}
