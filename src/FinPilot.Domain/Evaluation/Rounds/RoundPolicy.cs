using FinPilot.Domain.Identity;

namespace FinPilot.Domain.Evaluation.Rounds;

/// <summary>
/// Who may do what to a round, answered from role grants alone so that the service, the page and
/// the API ask the same question: the secretariat covering the round's region builds and runs it.
/// </summary>
public static class RoundPolicy
{
    /// <summary>Whether the user is entitled to manage the round at all, whatever its status.</summary>
    public static bool MayManage(EvaluationRound round, IEnumerable<RoleGrant> grants) =>
        grants.CanManageRoundsIn(round.RegionId);

    /// <summary>Whether the user may read the round, its summary and its reports.</summary>
    public static bool MayRead(EvaluationRound round, IEnumerable<RoleGrant> grants) =>
        grants.CanReadEvaluationResultsIn(round.RegionId);

    /// <summary>Whether the user may pull <paramref name="trigger"/> now: entitled, and the lifecycle allows it.</summary>
    public static bool CanPull(EvaluationRound round, RoundTrigger trigger, IEnumerable<RoleGrant> grants) =>
        round.Allows(trigger).Succeeded && MayManage(round, grants);

    /// <summary>The triggers the user may pull now, in the order they are declared, for the page to offer.</summary>
    public static IReadOnlySet<RoundTrigger> AvailableTriggers(EvaluationRound round, IEnumerable<RoleGrant> grants) =>
        MayManage(round, grants) ? RoundLifecycle.AvailableFrom(round.Status).ToHashSet() : new HashSet<RoundTrigger>();

    /// <summary>Whether the user may take this expert off this project now.</summary>
    public static bool CanRemove(EvaluationRound round, ExpertAssignment assignment, IEnumerable<RoleGrant> grants) =>
        MayManage(round, grants) && round.CheckRemoval(assignment).Succeeded;
}
