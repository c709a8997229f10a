using System.Text;
using FinPilot.Ledger.Checkpoints;
using FinPilot.Ledger.Merkle;
using FinPilot.Ledger.Notes;
using FinPilot.Ledger.Tiles;

namespace FinPilot.Ledger.Client;

/// <summary>
/// Checks a log served in the c2sp.org/tlog-tiles layout against a trusted key and origin:
/// either everything (every entry re-hashed into the signed root, every tile compared), or,
/// from a checkpoint trusted earlier, that the log only grew (a consistency proof from tiles).
/// </summary>
/// <remarks>
/// Whatever the log serves is untrusted, so a bad checkpoint, tile or bundle is a failed
/// <see cref="Result{T}"/>. Exceptions from <paramref name="fetch"/> (an unreachable log, a 404,
/// cancellation) are let through: they mean the log could not be read, not that it lied.
/// </remarks>
/// <param name="fetch">Returns the bytes at a path relative to the log's prefix, such as
/// <c>checkpoint</c> or <c>tile/0/000.p/5</c>.</param>
public sealed class LogAuditor(
    Func<string, CancellationToken, ValueTask<byte[]>> fetch, string origin, NoteVerifierSet trusted)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private long _bytesFetched;

    /// <summary>An auditor for the log under <paramref name="prefix"/>, e.g. <c>https://host/ledger/</c>.</summary>
    public static LogAuditor ForUrl(HttpClient http, Uri prefix, string origin, NoteVerifierSet trusted) =>
        new(new HttpLogSource(http, prefix).FetchAsync, origin, trusted);

    /// <summary>Bytes fetched by this auditor so far.</summary>
    public long BytesFetched => Interlocked.Read(ref _bytesFetched);

    /// <summary>Downloads every entry and checks the log from scratch against its current checkpoint.</summary>
    public async Task<Result<LogAudit>> VerifyAllAsync(CancellationToken cancellationToken = default)
    {
        var start = BytesFetched;
        var latest = await FetchCheckpointAsync(cancellationToken).ConfigureAwait(false);
        if (!latest.IsSuccess)
        {
            return Result<LogAudit>.Fail(latest.Error!);
        }

        var (checkpoint, note) = latest.Value;
        var scanned = await EntryScan.RunAsync(FetchAsync, checkpoint.Checkpoint, cancellationToken).ConfigureAwait(false);
        return scanned.IsSuccess
            ? new LogAudit(checkpoint, note, scanned.Value, null, BytesFetched - start)
            : Result<LogAudit>.Fail(scanned.Error!);
    }

    /// <summary>
    /// Checks that the log's current checkpoint extends <paramref name="trustedCheckpoint"/> (a signed
    /// note verified on an earlier run), fetching only the tiles a consistency proof needs.
    /// </summary>
    public async Task<Result<LogAudit>> VerifySinceAsync(string trustedCheckpoint, CancellationToken cancellationToken = default)
    {
        var earlier = Checkpoint.Open(trustedCheckpoint, origin, trusted);
        if (!earlier.IsSuccess)
        {
            return Result<LogAudit>.Fail($"The earlier checkpoint does not open with the trusted key: {earlier.Error}");
        }

        var start = BytesFetched;
        var latest = await FetchCheckpointAsync(cancellationToken).ConfigureAwait(false);
        if (!latest.IsSuccess)
        {
            return Result<LogAudit>.Fail(latest.Error!);
        }

        var (checkpoint, note) = latest.Value;
        var consistent = await CheckConsistencyAsync(earlier.Value.Checkpoint, checkpoint.Checkpoint, cancellationToken).ConfigureAwait(false);
        return consistent.IsSuccess
            ? new LogAudit(checkpoint, note, 0, earlier.Value.Checkpoint.Size, BytesFetched - start)
            : Result<LogAudit>.Fail(consistent.Error!);
    }

    private async Task<Result<(SignedCheckpoint Checkpoint, string Note)>> FetchCheckpointAsync(CancellationToken cancellationToken)
    {
        var bytes = await FetchAsync("checkpoint", cancellationToken).ConfigureAwait(false);
        string note;
        try
        {
            note = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Result<(SignedCheckpoint, string)>.Fail("The served checkpoint is not UTF-8 text.");
        }

        var opened = Checkpoint.Open(note, origin, trusted);
        return opened.IsSuccess
            ? (opened.Value, note)
            : Result<(SignedCheckpoint, string)>.Fail($"The served checkpoint does not open: {opened.Error}");
    }

    private async Task<Result<bool>> CheckConsistencyAsync(Checkpoint earlier, Checkpoint latest, CancellationToken cancellationToken)
    {
        if (latest.Size < earlier.Size)
        {
            return Result<bool>.Fail($"The log shrank: it now signs {latest.Size} entries, but earlier signed {earlier.Size}.");
        }

        if (earlier.Size == 0)
        {
            // The empty tree is a prefix of every tree; only its root can be wrong.
            return earlier.RootHash == MerkleHash.EmptyTree
                ? true
                : Result<bool>.Fail($"The earlier checkpoint signs an empty tree with root {earlier.RootHash}, not the empty tree's hash.");
        }

        if (latest.Size == earlier.Size)
        {
            return earlier.RootHash == latest.RootHash
                ? true
                : Result<bool>.Fail($"The log forked: two signed checkpoints of size {earlier.Size} have different roots ({earlier.RootHash}, {latest.RootHash}).");
        }

        var proof = await new TiledLogReader(FetchAsync).ConsistencyProofAsync(earlier.Size, latest.Size, cancellationToken).ConfigureAwait(false);
        if (!proof.IsSuccess)
        {
            return Result<bool>.Fail(proof.Error!);
        }

        return ProofVerifier.VerifyConsistency(earlier.Size, latest.Size, earlier.RootHash, latest.RootHash, proof.Value)
            ? true
            : Result<bool>.Fail(
                $"The log's checkpoint of size {latest.Size} does not extend the trusted one of size {earlier.Size}: "
                + "the consistency proof built from its tiles fails (a fork, or tiles that disagree with the signed root).");
    }

    private async ValueTask<byte[]> FetchAsync(string path, CancellationToken cancellationToken)
    {
        var bytes = await fetch(path, cancellationToken).ConfigureAwait(false);
        Interlocked.Add(ref _bytesFetched, bytes.Length);
        return bytes;
    }
}
