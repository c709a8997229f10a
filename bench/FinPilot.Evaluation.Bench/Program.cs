using System.Diagnostics;
using FinPilot.Domain.Evaluation.Assignment;
using FinPilot.Evaluation.Bench;

// Solves synthetic rounds three times each and prints the median time with the solution's
// figures. --exact also solves the largest round on every eligible pair, to compare.
const int K = 5;
const int Runs = 3;
(int Projects, int Experts)[] sizes = [(20, 60), (200, 600), (2_000, 6_000)];

Console.WriteLine($"{Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; k = {K}, median of {Runs} runs");
Console.WriteLine();
Console.WriteLine("| projects × experts | eligible pairs | candidate pairs | exhaustive | time (median) | objective | bound | gap |");
Console.WriteLine("|---|---|---|---|---|---|---|---|");
foreach (var (projects, experts) in sizes)
{
    Report($"{projects:N0} × {experts:N0}", RoundGenerator.Generate(projects, experts, K, seed: projects), null);
}

if (args.Contains("--exact"))
{
    var (projects, experts) = sizes[^1];
    Report($"{projects:N0} × {experts:N0}, all pairs", RoundGenerator.Generate(projects, experts, K, seed: projects), new AssignmentOptions { MaxExhaustivePairs = int.MaxValue });
}

Console.WriteLine();
Console.WriteLine($"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024 * 1024):N2} GB");

static void Report(string size, AssignmentProblem problem, AssignmentOptions? options)
{
    var runs = new List<AssignmentSolution>();
    for (var run = 0; run < Runs; run++)
    {
        runs.Add(ExpertAssignmentSolver.Solve(problem, options));
    }

    var solution = runs.OrderBy(s => s.Elapsed).ElementAt(Runs / 2);
    if (!solution.Feasible)
    {
        Console.WriteLine($"| {size} | infeasible: {string.Join(", ", solution.Problems)} |");
        return;
    }

    var problems = AssignmentRules.Check(problem, solution.Pairs);
    if (problems.Count > 0 || runs.Any(r => !r.Pairs.SequenceEqual(solution.Pairs)))
    {
        throw new InvalidOperationException($"{size}: invalid or not deterministic: {string.Join(", ", problems.Take(5))}");
    }

    var available = problem.Experts.Where(e => e.MaxLoad > 0).Select(e => e.Id).ToHashSet();
    var eligible = (problem.Projects.Count * (long)available.Count) - problem.Conflicts.Count(c => available.Contains(c.ExpertId));
    var gap = 100.0 * (solution.Bound - solution.Objective) / solution.Bound;
    Console.WriteLine($"| {size} | {eligible:N0} | {solution.CandidatePairs:N0} | {(solution.Exhaustive ? "yes" : "no")} | {Seconds(solution.Elapsed)} | {solution.Objective:N0} | {solution.Bound:N0} | {gap:N3} % |");
}

static string Seconds(TimeSpan time) => time.TotalSeconds < 1 ? $"{time.TotalMilliseconds:N0} ms" : $"{time.TotalSeconds:N2} s";
