using System.Collections.Frozen;
using FinPilot.Domain.Common;

namespace FinPilot.Domain.Evaluation.Rounds;

/// <summary>One allowed move of an assignment: from a state, a trigger leads to exactly one state (sometimes the same).</summary>
public sealed record AssignmentTransition(AssignmentState From, AssignmentTrigger Trigger, AssignmentState To);

/// <summary>
/// The state machine of <see cref="ExpertAssignment"/> as data. A conflict is final: the expert
/// never sees the project again. Writing and reopening sheets also needs the round to be scoring.
/// </summary>
public static class AssignmentLifecycle
{
    public static IReadOnlyList<AssignmentTransition> Transitions { get; } =
    [
        new(AssignmentState.AwaitingDeclaration, AssignmentTrigger.ConfirmNoConflict, AssignmentState.Cleared),
        new(AssignmentState.AwaitingDeclaration, AssignmentTrigger.FindConflict, AssignmentState.Conflicted),
        new(AssignmentState.AwaitingDeclaration, AssignmentTrigger.DeclareConflict, AssignmentState.Conflicted),

        // A conflict may come to light while reading; once submitted, the sheet stands.
        new(AssignmentState.Cleared, AssignmentTrigger.DeclareConflict, AssignmentState.Conflicted),
        new(AssignmentState.Cleared, AssignmentTrigger.SaveDraft, AssignmentState.Cleared),
        new(AssignmentState.Cleared, AssignmentTrigger.Submit, AssignmentState.Submitted),
        new(AssignmentState.Submitted, AssignmentTrigger.Reopen, AssignmentState.Cleared),
    ];

    /// <summary>The triggers that need the round to be scoring; the declarations do not.</summary>
    public static IReadOnlySet<AssignmentTrigger> DuringScoringOnly { get; } =
        new[] { AssignmentTrigger.SaveDraft, AssignmentTrigger.Submit, AssignmentTrigger.Reopen }.ToFrozenSet();

    private static readonly FrozenDictionary<(AssignmentState, AssignmentTrigger), AssignmentTransition> ByMove =
        Transitions.ToFrozenDictionary(t => (t.From, t.Trigger));

    public static AssignmentTransition? Find(AssignmentState from, AssignmentTrigger trigger) => ByMove.GetValueOrDefault((from, trigger));

    /// <summary>
    /// The state a trigger leads to, or why not (no field): <see cref="EvaluationErrors.NotScoring"/>
    /// when the trigger needs a scoring round; then <see cref="EvaluationErrors.AlreadyDeclared"/>
    /// for a declaration made already, <see cref="EvaluationErrors.NotCleared"/> or
    /// <see cref="EvaluationErrors.SheetLocked"/> for a sheet that cannot be written,
    /// <see cref="EvaluationErrors.NotSubmitted"/> for reopening a sheet not submitted.
    /// </summary>
    public static Result<AssignmentState> Check(RoundStatus round, AssignmentState from, AssignmentTrigger trigger)
    {
        if (DuringScoringOnly.Contains(trigger) && round != RoundStatus.Scoring)
        {
            return new Error(EvaluationErrors.NotScoring);
        }

        if (Find(from, trigger) is { } transition)
        {
            return transition.To;
        }

        return new Error(trigger switch
        {
            AssignmentTrigger.SaveDraft or AssignmentTrigger.Submit =>
                from == AssignmentState.Submitted ? EvaluationErrors.SheetLocked : EvaluationErrors.NotCleared,
            AssignmentTrigger.Reopen => EvaluationErrors.NotSubmitted,
            _ => EvaluationErrors.AlreadyDeclared,
        });
    }

    /// <summary>A state nothing leaves.</summary>
    public static bool IsFinal(AssignmentState state) => Transitions.All(t => t.From != state);
}
