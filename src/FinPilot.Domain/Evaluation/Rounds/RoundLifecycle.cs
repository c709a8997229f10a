using System.Collections.Frozen;
using FinPilot.Domain.Common;

namespace FinPilot.Domain.Evaluation.Rounds;

/// <summary>One allowed move: in a status, a trigger leads to exactly one status (often the same).</summary>
public sealed record RoundTransition(RoundStatus From, RoundTrigger Trigger, RoundStatus To);

/// <summary>
/// The state machine of <see cref="EvaluationRound"/> as data, so that the aggregate, the policy,
/// the pages and the tests ask the same question. Building the round is only possible while it is
/// prepared; once scoring has begun the secretariat may still staff it and settle disagreements.
/// </summary>
public static class RoundLifecycle
{
    public static IReadOnlyList<RoundTransition> Transitions { get; } =
    [
        new(RoundStatus.Preparing, RoundTrigger.ChangeSettings, RoundStatus.Preparing),
        new(RoundStatus.Preparing, RoundTrigger.Solve, RoundStatus.Preparing),
        new(RoundStatus.Preparing, RoundTrigger.SetRule, RoundStatus.Preparing),
        new(RoundStatus.Preparing, RoundTrigger.AddExpert, RoundStatus.Preparing),
        new(RoundStatus.Preparing, RoundTrigger.RemoveExpert, RoundStatus.Preparing),
        new(RoundStatus.Preparing, RoundTrigger.Open, RoundStatus.Scoring),

        // An expert who declares a conflict while scoring is replaced by hand.
        new(RoundStatus.Scoring, RoundTrigger.AddExpert, RoundStatus.Scoring),
        new(RoundStatus.Scoring, RoundTrigger.RemoveExpert, RoundStatus.Scoring),
        new(RoundStatus.Scoring, RoundTrigger.RecordConsensus, RoundStatus.Scoring),
        new(RoundStatus.Scoring, RoundTrigger.Complete, RoundStatus.Completed),
    ];

    private static readonly FrozenDictionary<(RoundStatus, RoundTrigger), RoundTransition> ByMove =
        Transitions.ToFrozenDictionary(t => (t.From, t.Trigger));

    public static RoundTransition? Find(RoundStatus from, RoundTrigger trigger) => ByMove.GetValueOrDefault((from, trigger));

    /// <summary>
    /// The status a trigger leads to from <paramref name="from"/>, or why not:
    /// <see cref="EvaluationErrors.NotPreparing"/> for what preparation allows (and scoring may also allow),
    /// <see cref="EvaluationErrors.NotScoring"/> for what only scoring allows. Neither names a field.
    /// </summary>
    public static Result<RoundStatus> Check(RoundStatus from, RoundTrigger trigger)
    {
        if (Find(from, trigger) is { } transition)
        {
            return transition.To;
        }

        var preparing = Transitions.Any(t => t.Trigger == trigger && t.From == RoundStatus.Preparing);
        return new Error(preparing ? EvaluationErrors.NotPreparing : EvaluationErrors.NotScoring);
    }

    /// <summary>The triggers allowed in a status, in the order they are declared.</summary>
    public static IReadOnlyList<RoundTrigger> AvailableFrom(RoundStatus from) =>
        [.. Enum.GetValues<RoundTrigger>().Where(t => Find(from, t) is not null)];

    /// <summary>A status nothing leaves: the round is over, and its projects are free for another.</summary>
    public static bool IsFinal(RoundStatus status) => Transitions.All(t => t.From != status);
}
