namespace FinPilot.Web.Features.Ledger;

/// <summary>Configuration section <c>Ledger</c>: the log's signing key and its witnesses.</summary>
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

    /// <summary>Witnesses asked to cosign each new checkpoint.</summary>
    public List<WitnessEndpoint> Witnesses { get; set; } = [];

    /// <summary>This node as a witness of other regions' logs; off without a key file.</summary>
    public WitnessServiceOptions Witness { get; set; } = new();
}

/// <summary>A witness of this log: where its <c>add-checkpoint</c> is, and its cosignature verifier key.</summary>
public sealed class WitnessEndpoint
{
    /// <summary>The witness's URL prefix; <c>add-checkpoint</c> is appended to it.</summary>
    public string Url { get; set; } = string.Empty;

    /// <summary>The witness's verifier key (<c>name+hash+base64</c>, cosignature type).</summary>
    public string Key { get; set; } = string.Empty;
}

/// <summary>This node's witness role.</summary>
public sealed class WitnessServiceOptions
{
    /// <summary>The witness's cosigner key file (<c>finpilot ledger keygen --witness</c>); empty: not a witness.</summary>
    public string KeyFile { get; set; } = string.Empty;

    /// <summary>Verifier keys of the logs this node witnesses; a key's name is the log's origin.</summary>
    public List<string> Logs { get; set; } = [];
}
