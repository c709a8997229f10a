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
}
