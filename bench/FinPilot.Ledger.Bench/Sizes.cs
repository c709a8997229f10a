namespace FinPilot.Ledger.Bench;

/// <summary>Tree sizes to run: 1M by default, plus 10M when started with <c>--large</c>.</summary>
internal static class Sizes
{
    // An environment variable, because BenchmarkDotNet runs each benchmark in a child process
    // that inherits the environment but not our command line.
    public const string LargeVariable = "FINPILOT_BENCH_LARGE";

    public static IEnumerable<int> TreeSizes() =>
        Environment.GetEnvironmentVariable(LargeVariable) == "1" ? [1_000_000, 10_000_000] : [1_000_000];
}
