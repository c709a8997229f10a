namespace FinPilot.Web.Features.Ledger;

/// <summary>Configuration section <c>Ledger</c>: the log's signing key.</summary>
public sealed class LedgerOptions
{
    public const string Section = "Ledger";

    /// <summary>The origin a development installation signs as when it makes its own key.</summary>
    public const string DevelopmentOrigin = "localhost/finpilot";

    /// <summary>
    /// The file with the log's signer key (<c>PRIVATE+KEY+origin+…</c>, made by <c>finpilot ledger
    /// keygen</c>); the key's name is the log's origin. Empty: <c>data/ledger.key</c> in
    /// development, which is made on first start; elsewhere the log is off and records wait.
    /// </summary>
    public string KeyFile { get; set; } = string.Empty;

    /// <summary>Most public records appended in one transaction.</summary>
    public int BatchSize { get; set; } = 1000;

    /// <summary>
    /// Whether this web node runs the append job. Off on nodes that should not (and in tests that
    /// move a fake clock and run the job themselves: SQLite, whose writers lock the whole file,
    /// hung when a clock jump fired every job at once).
    /// </summary>
    public bool RunJob { get; set; } = true;
}
