using FinPilot.Ledger.Notes;
using FinPilot.Web.Data;

namespace FinPilot.Web.Features.Ledger;

/// <summary>
/// The log's signing key, read from its file outside the database once and held for the life of
/// the process. The key is never logged or shown; only its public half and origin are.
/// </summary>
public sealed class LedgerKey : IDisposable
{
    private readonly Lazy<Loaded?> _loaded;

    public LedgerKey(LedgerOptions options, IHostEnvironment environment, TimeProvider clock, ILogger<LedgerKey> logger)
    {
        _loaded = new Lazy<Loaded?>(() => Load(options, environment, clock, logger));
    }

    /// <summary>Whether the log is on: a key is configured (or made in development).</summary>
    public bool IsConfigured => _loaded.Value is not null;

    /// <summary>The log's origin, the first line of every checkpoint.</summary>
    public string Origin => Required.Signer.Name;

    /// <summary>The public key in verifier-key form, for the ledger page and for <c>ledger check-proof --key</c>.</summary>
    public string VerifierKey => Required.Signer.VerifierKey;

    public INoteSigner Signer => Required.Signer;

    /// <summary>Verifies this log's own signatures.</summary>
    public NoteVerifierSet Verifiers => Required.Verifiers;

    private Loaded Required => _loaded.Value ?? throw new InvalidOperationException("The ledger has no signing key: set Ledger:KeyFile.");

    public void Dispose()
    {
        if (_loaded.IsValueCreated)
        {
            _loaded.Value?.Signer.Dispose();
        }
    }

    /// <summary>Reads a key file; a key that cannot be read is an error worth stopping for, with the file named and the key not.</summary>
    public static Ed25519NoteSigner ReadSignerKey(string path, TimeProvider clock)
    {
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"The ledger key file '{path}' does not exist. Make one with: finpilot ledger keygen --name <origin> --out {path}");
        }

        var parsed = NoteKeys.ParseSignerKey(File.ReadAllText(path).Trim(), clock);
        return parsed.IsSuccess ? parsed.Value : throw new InvalidOperationException($"The ledger key file '{path}' does not hold a signer key ({parsed.Error}).");
    }

    private static Loaded? Load(LedgerOptions options, IHostEnvironment environment, TimeProvider clock, ILogger logger)
    {
        var path = options.KeyFile;
        if (string.IsNullOrWhiteSpace(path))
        {
            if (!environment.IsDevelopment())
            {
                logger.LogWarning("Ledger:KeyFile is not set: public records are kept but not logged until a key is configured.");
                return null;
            }

            path = Path.Combine(DatabaseOptions.DataDirectory(environment.ContentRootPath), "ledger.key");
        }

        if (!File.Exists(path) && environment.IsDevelopment())
        {
            WriteNewKey(path, LedgerOptions.DevelopmentOrigin);
            if (logger.IsEnabled(LogLevel.Information))
            {
                logger.LogInformation("Made a development ledger key at {Path}.", path);
            }
        }

        var signer = ReadSignerKey(path, clock);
        var verifier = NoteKeys.ParseVerifierKey(signer.VerifierKey).Value;
        return new Loaded(signer, new NoteVerifierSet(verifier));
    }

    /// <summary>
    /// Writes a new signer key to a new file readable by its owner only and returns the verifier
    /// key; throws <see cref="IOException"/> if the file exists, which may be a log's only copy of its key.
    /// </summary>
    public static string WriteNewKey(string path, string origin, SignatureType type = SignatureType.Ed25519)
    {
        var (signerKey, verifierKey) = NoteKeys.Generate(origin, type);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            // Set at creation, so the key is never readable by others, not even for an instant.
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var file = new StreamWriter(path, System.Text.Encoding.ASCII, options))
        {
            file.Write(signerKey);
            file.Write('\n');
        }

        return verifierKey;
    }

    private sealed record Loaded(Ed25519NoteSigner Signer, NoteVerifierSet Verifiers);
}
