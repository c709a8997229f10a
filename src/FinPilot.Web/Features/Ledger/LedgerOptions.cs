namespace FinPilot.Web.Features.Ledger;

/// <summary>Configuration section <c>Ledger</c>: the log's signing key, its witnesses, and this node as a witness.</summary>
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

    /// <summary>
    /// The witnesses this log asks to cosign each new checkpoint (c2sp.org/tlog-witness): another
    /// region's node, say. A checkpoint is shown as witnessed when all of them have cosigned it.
    /// </summary>
    public List<WitnessEndpoint> Witnesses { get; set; } = [];

    /// <summary>How long one request to a witness may take before it counts as a failure (and is retried later).</summary>
    public int WitnessTimeoutSeconds { get; set; } = 10;

    /// <summary>This node as a witness of other logs; off unless a key file is set.</summary>
    public WitnessOptions Witness { get; set; } = new();
}

/// <summary>A witness of this log: where to send checkpoints, and its cosignature verifier key.</summary>
public sealed class WitnessEndpoint
{
    /// <summary>The witness's <c>add-checkpoint</c> address, e.g. <c>https://sh.example.cn/ledger/witness/add-checkpoint</c>.</summary>
    public string Url { get; set; } = string.Empty;

    /// <summary>The witness's verifier key (<c>name+hash+base64</c>, a cosignature key made by <c>finpilot ledger keygen --witness</c>).</summary>
    public string Key { get; set; } = string.Empty;
}

/// <summary>Section <c>Ledger:Witness</c>: this node cosigning other logs' checkpoints.</summary>
public sealed class WitnessOptions
{
    /// <summary>The witness's cosignature signer key (<c>finpilot ledger keygen --witness</c>); empty: not a witness.</summary>
    public string KeyFile { get; set; } = string.Empty;

    /// <summary>The verifier keys of the logs this node witnesses; each key's name is the log's origin.</summary>
    public List<string> Logs { get; set; } = [];
}
