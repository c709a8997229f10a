namespace FinPilot.Web.Features.Jobs;

/// <summary>
/// How long a job waits before trying something that failed again: <see cref="First"/> after the
/// first failure, twice as long after each further one, never more than <see cref="Longest"/>. So
/// a peer that is down for a while is not hammered, and a short outage does not use up every try.
/// </summary>
public sealed record Backoff(TimeSpan First, TimeSpan Longest)
{
    /// <summary>The wait after the <paramref name="failures"/>-th failure in a row (1 or more).</summary>
    public TimeSpan After(int failures)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failures, 1);

        // Doubling 30 times already exceeds any sensible cap; stopping there keeps the ticks in range.
        var ticks = First.Ticks << Math.Min(failures - 1, 30);
        return ticks <= 0 || ticks > Longest.Ticks ? Longest : TimeSpan.FromTicks(ticks);
    }
}
