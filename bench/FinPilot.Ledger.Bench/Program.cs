using BenchmarkDotNet.Running;
using FinPilot.Ledger.Bench;

// --large adds 10M-leaf runs (needs ~2 GB of memory); --tile-bytes prints tile bytes per proof.
var large = args.Contains("--large");
if (large)
{
    Environment.SetEnvironmentVariable(Sizes.LargeVariable, "1");
}

if (args.Contains("--tile-bytes"))
{
    TileBytesReport.Run();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Sizes).Assembly)
    .Run([.. args.Where(a => a != "--large")]);
