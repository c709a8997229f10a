using System.Globalization;
using FinPilot.Domain.Common;

namespace FinPilot.Domain.Evaluation.Rounds;

/// <summary>The solver's last answer as the round page shows it; problem codes are translated when shown.</summary>
public sealed record SolveReport(
    DateTimeOffset At, bool Feasible, long Objective, long Bound, int CandidatePairs, bool Exhaustive, double Milliseconds,
    IReadOnlyList<SolveProblem> Problems);

public sealed record SolveProblem(string Code, IReadOnlyList<string> Arguments)
{
    public static SolveProblem From(Error error) =>
        new(error.Code, [.. error.Arguments.Select(a => Convert.ToString(a, CultureInfo.InvariantCulture) ?? string.Empty)]);
}
