namespace FinPilot.Domain.Evaluation.Assignment;

/// <summary>
/// An upper bound on the best total affinity of the whole round, from the dual of the flow LP,
/// when only some pairs were in the network.
/// </summary>
/// <remarks>
/// <para>
/// For a min-cost flow (min Σ c·x, out − in = b, 0 ≤ x ≤ u), weak duality gives for <em>any</em>
/// node prices y: min cost ≥ D(y) = Σ b·y − Σ_arcs u·max(0, y_tail − y_head − c). So a bound
/// is valid whatever y is; a good y makes it tight. The prices are the shortest-path potentials of
/// the residual network of the restricted optimum (optimal for it), and every eligible pair of the
/// <em>full</em> network is then charged: its pair node's price is chosen to minimise its arcs' terms,
/// which leaves max(0, y_expert + affinity − min over its slots of y_slot).
/// </para>
/// <para>
/// The full network maximises affinity + pin bonus × pins used, so with every pin required the
/// affinity is at most −D(y) − bonus × pins.
/// </para>
/// </remarks>
internal static class DualBound
{
    /// <summary>The bound, or null if the potentials could not be found within the work budget.</summary>
    public static long? Compute(ScoredRound round, FlowNetwork network, FlowResult result, long pinBonus)
    {
        var y = Prices(round, network, result);
        if (y is null)
        {
            return null;
        }

        var experts = round.Experts.Length;
        var slack = network.SlackNode;
        var dual = -network.SlackDemand * y[slack];
        for (var e = 0; e < experts; e++)
        {
            dual += (round.Load[e] * y[e]) - (round.Load[e] * Math.Max(0, y[e] - y[slack]));
        }

        var cheapestSlot = new long[8];
        for (var p = 0; p < round.Projects.Length; p++)
        {
            for (var slot = 0; slot < 3; slot++)
            {
                dual -= y[network.SlotNode(p, slot)];
            }

            dual -= (round.K - 3) * y[network.SlotNode(p, 3)];
            for (var mask = 0; mask < 8; mask++)
            {
                cheapestSlot[mask] = long.MaxValue;
                foreach (var node in network.Slots(p, mask))
                {
                    cheapestSlot[mask] = Math.Min(cheapestSlot[mask], y[node]);
                }
            }

            var row = round.Row(p);
            for (var e = 0; e < experts; e++)
            {
                var mask = round.DomainMask[e];
                if (row[e] == ScoredRound.Ineligible || cheapestSlot[mask] == long.MaxValue)
                {
                    continue;
                }

                dual -= Math.Max(0, y[e] - network.PairCost(p, e) - cheapestSlot[mask]);
            }
        }

        return -dual - (pinBonus * round.PinCount);
    }

    /// <summary>
    /// y = −(shortest distance from a virtual source joined to every node at cost 0) in the
    /// residual network, with the pair nodes contracted: an unused pair (e, p) gives arcs
    /// e → each of its slots at its cost; a used one, filling slot s, gives s → e at minus its
    /// cost and s → each other slot it could fill at 0. At an optimum there is no negative
    /// cycle, so the queue-based Bellman–Ford ends; a budget guards against a slow case.
    /// </summary>
    private static long[]? Prices(ScoredRound round, FlowNetwork network, FlowResult result)
    {
        var nodes = network.CoreNodes;
        var arcs = new List<(int From, int To, long Cost)>();
        for (var e = 0; e < round.Experts.Length; e++)
        {
            if (result.SlackFlow[e] < round.Load[e])
            {
                arcs.Add((e, network.SlackNode, 0));
            }

            if (result.SlackFlow[e] > 0)
            {
                arcs.Add((network.SlackNode, e, 0));
            }
        }

        for (var i = 0; i < result.Pairs.Count; i++)
        {
            var (p, e, cost) = result.Pairs[i];
            var filled = result.Filled[i];
            foreach (var slot in network.Slots(p, round.DomainMask[e]))
            {
                if (filled < 0)
                {
                    arcs.Add((e, slot, cost));
                }
                else if (slot != filled)
                {
                    arcs.Add((filled, slot, 0));
                }
            }

            if (filled >= 0)
            {
                arcs.Add((filled, e, -cost));
            }
        }

        var start = new int[nodes + 1];
        foreach (var arc in arcs)
        {
            start[arc.From + 1]++;
        }

        for (var v = 0; v < nodes; v++)
        {
            start[v + 1] += start[v];
        }

        var to = new int[arcs.Count];
        var costs = new long[arcs.Count];
        var next = start[..^1];
        foreach (var (from, head, cost) in arcs)
        {
            to[next[from]] = head;
            costs[next[from]++] = cost;
        }

        var distance = new long[nodes];
        var queued = new bool[nodes];
        var queue = new Queue<int>(Enumerable.Range(0, nodes));
        Array.Fill(queued, true);
        var budget = 200L * (arcs.Count + nodes);
        while (queue.Count > 0)
        {
            var v = queue.Dequeue();
            queued[v] = false;
            for (var a = start[v]; a < start[v + 1]; a++)
            {
                var candidate = distance[v] + costs[a];
                if (candidate < distance[to[a]])
                {
                    distance[to[a]] = candidate;
                    if (!queued[to[a]])
                    {
                        queued[to[a]] = true;
                        queue.Enqueue(to[a]);
                    }
                }
            }

            budget -= start[v + 1] - start[v] + 1;
            if (budget < 0)
            {
                return null;
            }
        }

        return [.. distance.Select(d => -d)];
    }
}
