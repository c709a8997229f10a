using FinPilot.Domain.Probing;
using FinPilot.Domain.Supervision;

namespace FinPilot.Domain.Tests.Probing;

public sealed class ProbeTargetTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 15, 0, 0, TimeSpan.Zero);

    private static ProbeTarget New(int failuresBeforeAlert = 3) =>
        ProbeTarget.For(Guid.NewGuid(), 1, new ProbeEndpoint { Url = "https://status.bank.example/", IntervalMinutes = 5, TimeoutSeconds = 3, FailuresBeforeAlert = failuresBeforeAlert }, Now);

    [Fact]
    public void A_new_target_is_due_at_once()
    {
        var target = New();
        Assert.True(target.IsDue(Now));
        Assert.Equal(Now.AddMinutes(5), target.NextAfter(Now));
    }

    [Fact]
    public void Failing_is_told_once_per_streak_and_recovery_after_it()
    {
        var target = New(failuresBeforeAlert: 2);
        Assert.Equal(ProbeVerdict.Nothing, target.Record(ProbeOutcome.Down, 503, 12, ProbeFailure.HttpStatus, Now));
        Assert.Equal(ProbeVerdict.Failing, target.Record(ProbeOutcome.Unreachable, null, null, ProbeFailure.Timeout, Now.AddMinutes(5)));
        Assert.Equal(ProbeVerdict.Nothing, target.Record(ProbeOutcome.Down, 500, 10, ProbeFailure.HttpStatus, Now.AddMinutes(10)));
        Assert.Equal((3, ProbeFailure.HttpStatus, true), (target.ConsecutiveFailures, target.LastFailure, target.Failing));

        Assert.Equal(ProbeVerdict.Recovered, target.Record(ProbeOutcome.Up, 200, 8, null, Now.AddMinutes(15)));
        Assert.Equal((0, null, false), (target.ConsecutiveFailures, target.LastFailure, target.Failing));

        Assert.Equal(ProbeVerdict.Nothing, target.Record(ProbeOutcome.Down, 503, 9, ProbeFailure.HttpStatus, Now.AddMinutes(20)));
        Assert.Equal(ProbeVerdict.Failing, target.Record(ProbeOutcome.Down, 503, 9, ProbeFailure.HttpStatus, Now.AddMinutes(25)));
    }

    [Fact]
    public void A_success_without_a_told_streak_tells_nothing()
    {
        var target = New();
        target.Record(ProbeOutcome.Down, 503, 9, ProbeFailure.HttpStatus, Now);
        Assert.Equal(ProbeVerdict.Nothing, target.Record(ProbeOutcome.Up, 200, 9, null, Now.AddMinutes(5)));
    }

    [Fact]
    public void A_target_leaving_the_plan_is_no_longer_due_and_forgets_its_streak()
    {
        var target = New(failuresBeforeAlert: 1);
        target.Record(ProbeOutcome.Down, 503, 9, ProbeFailure.HttpStatus, Now);
        Assert.True(target.Deactivate());
        Assert.False(target.IsDue(Now.AddDays(1)));
        Assert.False(target.Failing);
        Assert.True(target.Apply(new ProbeEndpoint { Url = target.Url }));
        Assert.True(target.Active);
    }
}
