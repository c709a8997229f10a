using FinPilot.Domain.Scenarios;

namespace FinPilot.Domain.Tests.Scenarios;

public sealed class CoachingTests
{
    private static readonly DateTimeOffset Now = new(2026, 10, 9, 10, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void A_follow_up_is_marked_done_once_and_keeps_the_other_follow_ups_as_they_were()
    {
        var coaching = CoachingAssignment.Assign(1, "coach", Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Now, "wg");
        var session = coaching.Record(DateOnly.FromDateTime(Now.Date), "方案打磨", null, [("补充合规评估", Now.AddDays(7)), ("更新测试计划", Now.AddDays(14))], Now, "coach").ValueOrThrow();
        var (first, second) = (session.FollowUps[0], session.FollowUps[1]);

        var done = coaching.CompleteFollowUp(first.Id, Now.AddDays(3), "applicant");
        Assert.True(done.Succeeded);
        Assert.Equal((Now.AddDays(3), "applicant"), (done.Value.DoneAt!.Value, done.Value.DoneBy!));
        Assert.Equal([true, false], coaching.FollowUps.Select(x => x.FollowUp.Done));
        Assert.Equal(second, coaching.FollowUps.Last().FollowUp);

        Assert.Equal(ScenarioErrors.CoachingFollowUpDone, Assert.Single(coaching.CompleteFollowUp(first.Id, Now.AddDays(4), "coach").Errors).Code);
        Assert.Equal(ScenarioErrors.CoachingFollowUpNotFound, Assert.Single(coaching.CompleteFollowUp(Guid.NewGuid(), Now, "coach").Errors).Code);
        Assert.Equal($"{first.Id:N}:{coaching.OrganisationId:N}", CoachingAssignment.FollowUpSubject(first.Id, coaching.OrganisationId));
    }
}
