using FinPilot.Ledger.Notes;

namespace FinPilot.Web.Features.Ledger.Witnessing;

/// <summary>
/// The keys of witnessing, read once from <see cref="LedgerOptions"/>: the witnesses of this log
/// (address and cosignature key), and, when this node is a witness, its cosigning key and the logs
/// it follows. A key that cannot be read stops the host with the setting named, never the key.
/// </summary>
public sealed class WitnessKeys : IDisposable
{
    private readonly Lazy<Loaded> _loaded;

    public WitnessKeys(LedgerOptions options, TimeProvider clock)
    {
        _loaded = new Lazy<Loaded>(() => Load(options, clock));
    }

    /// <summary>Who is asked to cosign this log's checkpoints.</summary>
    public IReadOnlyList<ConfiguredWitness> Witnesses => _loaded.Value.Witnesses;

    /// <summary>This node's cosigning key; null when it is not a witness.</summary>
    public Ed25519NoteSigner? Cosigner => _loaded.Value.Cosigner;

    /// <summary>The logs this node witnesses: origin → that log's keys.</summary>
    public IReadOnlyDictionary<string, NoteVerifierSet> FollowedLogs => _loaded.Value.FollowedLogs;

    /// <summary>The followed logs' verifier keys as configured, by origin, for the witness page.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> FollowedLogKeys => _loaded.Value.FollowedLogKeys;

    /// <summary>Reads the settings now, so that a bad one stops the host at start.</summary>
    public void Validate() => _ = _loaded.Value;

    public void Dispose()
    {
        if (_loaded.IsValueCreated)
        {
            _loaded.Value.Cosigner?.Dispose();
        }
    }

    /// <summary>How many of this log's witnesses have a valid cosignature on <paramref name="note"/>.</summary>
    public int CountCosignatures(SignedNote note) => Witnesses.Count(w => w.HasCosigned(note));

    private static Loaded Load(LedgerOptions options, TimeProvider clock)
    {
        var witnesses = new List<ConfiguredWitness>();
        foreach (var (endpoint, i) in options.Witnesses.Select((w, i) => (w, i)))
        {
            var setting = $"{LedgerOptions.Section}:{nameof(LedgerOptions.Witnesses)}:{i}";
            if (!Uri.TryCreate(endpoint.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
            {
                throw new InvalidOperationException($"{setting}:Url is not an http(s) address.");
            }

            var verifier = ParseKey(endpoint.Key, SignatureType.Ed25519Cosignature, $"{setting}:Key", "a witness cosignature key (finpilot ledger keygen --witness)");
            if (witnesses.Any(w => w.Name == verifier.Name))
            {
                throw new InvalidOperationException($"{setting}:Key names the witness '{verifier.Name}' a second time.");
            }

            witnesses.Add(new ConfiguredWitness(verifier.Name, url, verifier, endpoint.Key.Trim()));
        }

        var logs = new Dictionary<string, NoteVerifierSet>(StringComparer.Ordinal);
        var logKeys = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (key, i) in options.Witness.Logs.Select((k, i) => (k, i)))
        {
            var verifier = ParseKey(key, SignatureType.Ed25519, $"{LedgerOptions.Section}:Witness:Logs:{i}", "a log's verifier key");
            if (logs.TryGetValue(verifier.Name, out var keys))
            {
                keys.Add(verifier);
                logKeys[verifier.Name].Add(key.Trim());
            }
            else
            {
                logs[verifier.Name] = new NoteVerifierSet(verifier);
                logKeys[verifier.Name] = [key.Trim()];
            }
        }

        Ed25519NoteSigner? cosigner = null;
        if (!string.IsNullOrWhiteSpace(options.Witness.KeyFile))
        {
            cosigner = LedgerKey.ReadSignerKey(options.Witness.KeyFile, clock);
            if (cosigner.Type != SignatureType.Ed25519Cosignature)
            {
                cosigner.Dispose();
                throw new InvalidOperationException(
                    $"The witness key file '{options.Witness.KeyFile}' holds a log key; a witness signs with a cosignature key (finpilot ledger keygen --witness).");
            }
        }

        return new Loaded(witnesses, cosigner, logs, logKeys.ToDictionary(l => l.Key, l => (IReadOnlyList<string>)l.Value, StringComparer.Ordinal));
    }

    private static Ed25519NoteVerifier ParseKey(string key, SignatureType type, string setting, string what)
    {
        var parsed = NoteKeys.ParseVerifierKey(key.Trim());
        if (!parsed.IsSuccess)
        {
            throw new InvalidOperationException($"{setting} is not a verifier key: {parsed.Error}");
        }

        if (parsed.Value.Name.Length > WitnessingLimits.MaxOriginLength)
        {
            throw new InvalidOperationException($"{setting} has a name longer than {WitnessingLimits.MaxOriginLength} characters.");
        }

        return parsed.Value.Type == type ? parsed.Value : throw new InvalidOperationException($"{setting} must be {what}.");
    }

    private sealed record Loaded(
        IReadOnlyList<ConfiguredWitness> Witnesses,
        Ed25519NoteSigner? Cosigner,
        IReadOnlyDictionary<string, NoteVerifierSet> FollowedLogs,
        IReadOnlyDictionary<string, IReadOnlyList<string>> FollowedLogKeys);
}

/// <summary>A witness of this log, as configured.</summary>
public sealed record ConfiguredWitness(string Name, Uri Url, INoteVerifier Verifier, string VerifierKey)
{
    /// <summary>Whether <paramref name="note"/> carries a valid cosignature by this witness.</summary>
    public bool HasCosigned(SignedNote note) => note.Verify(new NoteVerifierSet(Verifier)).IsSuccess;
}
