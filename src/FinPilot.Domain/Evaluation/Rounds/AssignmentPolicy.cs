using FinPilot.Domain.Identity;

namespace FinPilot.Domain.Evaluation.Rounds;

/// <summary>
/// Who may move an assignment: the assigned expert declares and scores (and only while they hold
/// the Expert role); the secretariat covering the round's region reopens a submitted sheet.
/// </summary>
public static class AssignmentPolicy
{
    /// <summary>The assigned expert, holding the Expert role: the only one who may see the assignment as theirs.</summary>
    public static bool IsAssignedExpert(ExpertAssignment assignment, string? userId, IEnumerable<RoleGrant> grants) =>
        userId is not null && assignment.ExpertUserId == userId && grants.IsExpert();

    /// <summary>
    /// Whether the expert may open the assignment from their list: one they are conflicted on
    /// (declared or found) is closed to them, so they never see its materials or its sheet.
    /// </summary>
    public static bool MayOpen(ExpertAssignment assignment) => assignment.State != AssignmentState.Conflicted;

    /// <summary>Whether the user is entitled to the trigger on this assignment at all, whatever its state.</summary>
    public static bool MayPull(
        EvaluationRound round, ExpertAssignment assignment, AssignmentTrigger trigger, string? userId, IEnumerable<RoleGrant> grants) =>
        trigger == AssignmentTrigger.Reopen
            ? RoundPolicy.MayManage(round, grants)
            : IsAssignedExpert(assignment, userId, grants);

    /// <summary>Whether the user may pull <paramref name="trigger"/> now: entitled, and the lifecycle allows it.</summary>
    public static bool CanMoveTo(
        EvaluationRound round, ExpertAssignment assignment, AssignmentTrigger trigger, string? userId, IEnumerable<RoleGrant> grants) =>
        AssignmentLifecycle.Check(round.Status, assignment.State, trigger).Succeeded && MayPull(round, assignment, trigger, userId, grants);

    /// <summary>The triggers the user may pull now, in the order they are declared, for the page to offer.</summary>
    public static IReadOnlySet<AssignmentTrigger> AvailableTriggers(
        EvaluationRound round, ExpertAssignment assignment, string? userId, IEnumerable<RoleGrant> grants) =>
        Enum.GetValues<AssignmentTrigger>().Where(t => CanMoveTo(round, assignment, t, userId, grants)).ToHashSet();
}
