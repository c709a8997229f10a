namespace FinPilot.Domain.Evaluation.Assignment;

/// <summary>
/// Which pairs go into the network. Small rounds take every eligible pair; large ones (2,000
/// projects × 6,000 experts would be 12 million) keep per project its best experts, the best of
/// each domain, and its pins.
/// </summary>
internal static class CandidatePairs
{
    /// <summary>Usable experts of a project by affinity, best first, ties by index (a counting sort).</summary>
    /// <returns>How many entries of <paramref name="order"/> were written.</returns>
    public static int Order(ScoredRound round, int project, int[] order, int[] buckets)
    {
        Array.Clear(buckets);
        var row = round.Row(project);
        for (var e = 0; e < row.Length; e++)
        {
            if (FeasibilityChecks.Usable(round, project, e))
            {
                buckets[Affinity.Max - row[e] + 1]++;
            }
        }

        for (var b = 1; b < buckets.Length; b++)
        {
            buckets[b] += buckets[b - 1];
        }

        var count = buckets[^1];
        for (var e = 0; e < row.Length; e++)
        {
            if (FeasibilityChecks.Usable(round, project, e))
            {
                order[buckets[Affinity.Max - row[e]]++] = e;
            }
        }

        return count;
    }

    public static long CountUsable(ScoredRound round)
    {
        var count = 0L;
        for (var p = 0; p < round.Projects.Length; p++)
        {
            for (var e = 0; e < round.Experts.Length; e++)
            {
                count += FeasibilityChecks.Usable(round, p, e) ? 1 : 0;
            }
        }

        return count;
    }

    /// <summary>
    /// Σ over projects of its pins' affinity plus the best k − pins others': no valid assignment
    /// scores more, since each project has k distinct eligible experts including its pins.
    /// </summary>
    public static long TopKBound(ScoredRound round)
    {
        var order = new int[round.Experts.Length];
        var buckets = new int[Affinity.Max + 2];
        var bound = 0L;
        for (var p = 0; p < round.Projects.Length; p++)
        {
            var count = Order(round, p, order, buckets);
            var pins = round.Pins[p];
            bound += pins.Sum(e => (long)round.Score(p, e));
            var open = round.K - pins.Count;
            for (var i = 0; i < count && open > 0; i++)
            {
                if (!round.IsPinned(p, order[i]))
                {
                    bound += round.Score(p, order[i]);
                    open--;
                }
            }
        }

        return bound;
    }

    public static void AddAll(ScoredRound round, FlowNetwork network)
    {
        for (var p = 0; p < round.Projects.Length; p++)
        {
            for (var e = 0; e < round.Experts.Length; e++)
            {
                if (FeasibilityChecks.Usable(round, p, e))
                {
                    network.Add(p, e);
                }
            }
        }
    }

    public static void AddBest(ScoredRound round, FlowNetwork network, int perProject, int perDomain)
    {
        var order = new int[round.Experts.Length];
        var buckets = new int[Affinity.Max + 2];
        var seen = new int[8];
        var added = new bool[round.Experts.Length];
        for (var p = 0; p < round.Projects.Length; p++)
        {
            var count = Order(round, p, order, buckets);
            Array.Clear(seen);
            for (var i = 0; i < count; i++)
            {
                var e = order[i];
                var mask = round.DomainMask[e];
                var wanted = i < perProject;
                for (var d = 0; d < 3; d++)
                {
                    if ((mask & (1 << d)) != 0 && seen[d]++ < perDomain)
                    {
                        wanted = true;
                    }
                }

                if (wanted)
                {
                    added[e] = true;
                    network.Add(p, e);
                }
                else if (i >= perProject && seen[0] >= perDomain && seen[1] >= perDomain && seen[2] >= perDomain)
                {
                    break;
                }
            }

            foreach (var e in round.Pins[p])
            {
                if (!added[e])
                {
                    network.Add(p, e);
                }
            }

            for (var i = 0; i < count; i++)
            {
                added[order[i]] = false;
            }
        }
    }
}
