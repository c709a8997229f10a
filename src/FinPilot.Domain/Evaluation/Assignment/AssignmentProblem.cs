using FinPilot.Domain.Common;
using FinPilot.Domain.Projects;

namespace FinPilot.Domain.Evaluation.Assignment;

/// <summary>A project to be evaluated in a round, with what the solver matches experts against.</summary>
/// <param name="RegionId">The pilot region the project belongs to; experts of that region's sub-group are preferred.</param>
/// <param name="Text">Title, summary and the like: free text compared with the experts' profiles.</param>
public sealed record AssignmentProject(
    Guid Id,
    string Title,
    int RegionId,
    ProjectCategory Category,
    IReadOnlyList<string> Scenarios,
    IReadOnlyList<string> Technologies,
    string Text);

/// <summary>An expert who may be drawn into a round.</summary>
/// <param name="Domains">专业领域: one or more. An expert with two domains may stand for either, but for only one per project.</param>
/// <param name="RegionIds">The regions whose sub-group the expert belongs to.</param>
/// <param name="Tags">Scenario and technology codes (the same codes as the application form's lists).</param>
/// <param name="MaxLoad">How many projects of this round the expert takes at most; 0 means unavailable.</param>
public sealed record AssignmentExpert(
    string Id,
    string Name,
    IReadOnlyList<ExpertDomain> Domains,
    IReadOnlyList<int> RegionIds,
    IReadOnlyList<string> Tags,
    IReadOnlyList<ProjectCategory> Categories,
    string Profile,
    int MaxLoad);

/// <summary>One expert on one project.</summary>
public readonly record struct ExpertPair(Guid ProjectId, string ExpertId);

/// <summary>
/// A round to staff: every project needs <see cref="ExpertsPerProject"/> distinct experts, three
/// of them standing for the three <see cref="ExpertDomain"/>s (a different expert for each).
/// </summary>
/// <param name="Conflicts">回避: declared or detected conflicts of interest; never assigned.</param>
/// <param name="Pinned">Pairs the secretariat has fixed; they must be in the result.</param>
/// <param name="Forbidden">Pairs the secretariat has excluded by hand.</param>
public sealed record AssignmentProblem(
    IReadOnlyList<AssignmentProject> Projects,
    IReadOnlyList<AssignmentExpert> Experts,
    int ExpertsPerProject,
    IReadOnlySet<ExpertPair> Conflicts,
    IReadOnlySet<ExpertPair> Pinned,
    IReadOnlySet<ExpertPair> Forbidden)
{
    public const int DefaultExpertsPerProject = 5;
    public const int MinExpertsPerProject = 3;
    public const int MaxExpertsPerProject = 15;
}

/// <summary>What the solver found, and how sure it is.</summary>
/// <param name="Feasible">True when <see cref="Pairs"/> satisfies every rule; otherwise <see cref="Pairs"/> is empty and <see cref="Problems"/> says why.</param>
/// <param name="Pairs">The assignment, ordered by project id then expert id.</param>
/// <param name="Objective">Total <see cref="Affinity"/> of <see cref="Pairs"/>.</param>
/// <param name="Bound">
/// A proven upper bound on the objective of any valid assignment of the whole problem (not only of
/// the candidate pairs): <c>Bound - Objective</c> is the most that could still be gained.
/// </param>
/// <param name="CandidatePairs">Pairs in the flow network that was solved last.</param>
/// <param name="Exhaustive">True when every eligible pair was in the network, so the result is optimal (and an infeasibility proven).</param>
public sealed record AssignmentSolution(
    bool Feasible,
    IReadOnlyList<ExpertPair> Pairs,
    long Objective,
    long Bound,
    int CandidatePairs,
    bool Exhaustive,
    TimeSpan Elapsed,
    IReadOnlyList<Error> Problems);

/// <summary>How large a network the solver builds.</summary>
public sealed record AssignmentOptions
{
    public static AssignmentOptions Default { get; } = new();

    /// <summary>Up to this many eligible pairs, all of them go into the network.</summary>
    public int MaxExhaustivePairs { get; init; } = 2_000_000;

    /// <summary>Above it, each project keeps its best experts by affinity …</summary>
    public int CandidatesPerProject { get; init; } = 60;

    /// <summary>… plus the best of each domain, so that every domain can be covered.</summary>
    public int CandidatesPerDomain { get; init; } = 10;

    /// <summary>If the restricted network is infeasible, both limits are multiplied by this once.</summary>
    public int RetryFactor { get; init; } = 3;
}
