using Google.OrTools.Graph;

namespace FinPilot.Domain.Evaluation.Assignment;

/// <summary>
/// The min-cost flow network of one round over a set of candidate pairs, solved with OR-Tools.
/// </summary>
/// <remarks>
/// Nodes: one per expert (supply = load); one per candidate pair (e, p); per project one node per
/// domain (demand 1) and one free node (demand k − 3); one slack node taking the load nobody uses
/// (demand Σ load − |P|·k). Arcs: e → (e, p) capacity 1, cost −affinity (minus a pin bonus larger
/// than any total affinity, so a pin is dropped only if no flow keeps it); (e, p) → each of p's
/// domain nodes the expert has and → p's free node, capacity 1, cost 0; e → slack, capacity load, cost 0.
/// The unit through (e, p) makes the expert distinct on the project and stand for one domain at most.
/// </remarks>
internal sealed class FlowNetwork
{
    private const int SlotsPerProject = 4;
    private const int FreeSlot = 3;

    private readonly ScoredRound _round;
    private readonly long _pinBonus;
    private readonly List<(int Project, int Expert, long Cost)> _pairs = [];

    public FlowNetwork(ScoredRound round, long pinBonus)
    {
        _round = round;
        _pinBonus = pinBonus;
    }

    public int PairCount => _pairs.Count;

    public int SlackNode => _round.Experts.Length + (SlotsPerProject * _round.Projects.Length);

    /// <summary>Nodes other than pair nodes: experts, project slots, slack.</summary>
    public int CoreNodes => SlackNode + 1;

    public long SlackDemand => _round.Load.Sum(l => (long)l) - ((long)_round.Projects.Length * _round.K);

    public int SlotNode(int project, int slot) => _round.Experts.Length + (SlotsPerProject * project) + slot;

    /// <summary>The project's slots an expert of this domain mask can fill.</summary>
    public IEnumerable<int> Slots(int project, int mask)
    {
        foreach (var domain in EvaluationValues.Domains)
        {
            if ((mask & ScoredRound.Bit(domain)) != 0)
            {
                yield return SlotNode(project, (int)domain - 1);
            }
        }

        if (_round.K > 3)
        {
            yield return SlotNode(project, FreeSlot);
        }
    }

    /// <summary>Cost of the arc into a pair node: minus affinity, minus the bonus for a pin.</summary>
    public long PairCost(int project, int expert) =>
        -(_round.Score(project, expert) + (_round.IsPinned(project, expert) ? _pinBonus : 0));

    public void Add(int project, int expert) => _pairs.Add((project, expert, PairCost(project, expert)));

    public FlowResult Solve()
    {
        var round = _round;
        var experts = round.Experts.Length;
        using var flow = new MinCostFlow();
        for (var e = 0; e < experts; e++)
        {
            flow.SetNodeSupply(e, round.Load[e]);
            flow.AddArcWithCapacityAndUnitCost(e, SlackNode, round.Load[e], 0);
        }

        for (var p = 0; p < round.Projects.Length; p++)
        {
            for (var slot = 0; slot < FreeSlot; slot++)
            {
                flow.SetNodeSupply(SlotNode(p, slot), -1);
            }

            flow.SetNodeSupply(SlotNode(p, FreeSlot), -(round.K - 3));
        }

        flow.SetNodeSupply(SlackNode, -SlackDemand);

        // Pair i is node CoreNodes + i; its arcs follow the expert arcs in order, entry arc first.
        var firstArc = new int[_pairs.Count + 1];
        var node = CoreNodes;
        var arcs = experts;
        for (var i = 0; i < _pairs.Count; i++, node++)
        {
            var (p, e, cost) = _pairs[i];
            firstArc[i] = arcs;
            flow.AddArcWithCapacityAndUnitCost(e, node, 1, cost);
            arcs++;
            foreach (var slot in Slots(p, round.DomainMask[e]))
            {
                flow.AddArcWithCapacityAndUnitCost(node, slot, 1, 0);
                arcs++;
            }
        }

        firstArc[_pairs.Count] = arcs;
        var status = flow.Solve();
        if (status == MinCostFlowBase.Status.INFEASIBLE)
        {
            return FlowResult.Infeasible;
        }

        if (status != MinCostFlowBase.Status.OPTIMAL)
        {
            throw new InvalidOperationException($"Min-cost flow ended with {status}.");
        }

        var slack = new long[experts];
        for (var e = 0; e < experts; e++)
        {
            slack[e] = flow.Flow(e);
        }

        // Per pair: the slot it fills, or -1 when the expert is not on the project.
        var filled = new int[_pairs.Count];
        for (var i = 0; i < _pairs.Count; i++)
        {
            filled[i] = -1;
            if (flow.Flow(firstArc[i]) == 0)
            {
                continue;
            }

            for (var arc = firstArc[i] + 1; arc < firstArc[i + 1]; arc++)
            {
                if (flow.Flow(arc) == 1)
                {
                    filled[i] = flow.Head(arc);
                }
            }
        }

        return new FlowResult(true, -flow.OptimalCost(), _pairs, filled, slack);
    }
}

/// <summary>An optimal flow: the value (affinity plus pin bonuses), and for each candidate pair the slot it fills (or -1).</summary>
internal sealed record FlowResult(
    bool Feasible,
    long Value,
    IReadOnlyList<(int Project, int Expert, long Cost)> Pairs,
    int[] Filled,
    long[] SlackFlow)
{
    public static FlowResult Infeasible { get; } = new(false, 0, [], [], []);
}
