using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace FinPilot.Web.Features.Telemetry;

/// <summary>
/// The platform's own traces and metrics, beside ASP.NET Core's, HttpClient's and the runtime's: the
/// background jobs (runs by outcome, duration) and the ledger (records appended, size, records waiting).
/// The instruments cost next to nothing when nobody listens, so they are always recorded.
/// </summary>
public static class FinPilotTelemetry
{
    public const string Name = "FinPilot";

    public static readonly ActivitySource Activities = new(Name);

    private static readonly Meter Meter = new(Name);

    private static readonly Counter<long> JobRuns = Meter.CreateCounter<long>(
        "finpilot.job.runs", unit: "{run}", description: "Passes of each background job, by outcome (ran, skipped: another node holds the lease, failed).");

    private static readonly Histogram<double> JobDuration = Meter.CreateHistogram<double>(
        "finpilot.job.duration", unit: "s", description: "How long each pass of a background job took.");

    private static readonly Counter<long> LedgerAppended = Meter.CreateCounter<long>(
        "finpilot.ledger.appended", unit: "{record}", description: "Public records appended to the ledger by this node.");

    private static long _ledgerSize = -1;

    private static long _ledgerWaiting = -1;

    static FinPilotTelemetry()
    {
        Meter.CreateObservableGauge("finpilot.ledger.size", () => Observed(_ledgerSize), unit: "{entry}",
            description: "Entries in the ledger's latest signed checkpoint, as this node last saw it.");
        Meter.CreateObservableGauge("finpilot.ledger.waiting", () => Observed(_ledgerWaiting), unit: "{record}",
            description: "Public records written but not yet in the ledger, as this node last saw it.");
    }

    public static class Outcomes
    {
        public const string Ran = "ran";
        public const string Skipped = "skipped";
        public const string Failed = "failed";
    }

    public static void JobRan(string job, string outcome, TimeSpan elapsed)
    {
        var tags = new TagList { { "job", job }, { "outcome", outcome } };
        JobRuns.Add(1, tags);
        JobDuration.Record(elapsed.TotalSeconds, tags);
    }

    public static void LedgerRan(int appended, long size, long waiting)
    {
        if (appended > 0)
        {
            LedgerAppended.Add(appended);
        }

        Interlocked.Exchange(ref _ledgerSize, size);
        Interlocked.Exchange(ref _ledgerWaiting, waiting);
    }

    // Nothing is reported before the first pass has looked.
    private static IEnumerable<Measurement<long>> Observed(long value) =>
        value < 0 ? [] : [new Measurement<long>(value)];
}
