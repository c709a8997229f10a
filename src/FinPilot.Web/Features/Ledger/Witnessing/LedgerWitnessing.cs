using System.Net;
using System.Text;
using FinPilot.Ledger;
using FinPilot.Ledger.Notes;
using FinPilot.Ledger.Storage;
using FinPilot.Ledger.Witness;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Jobs;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Ledger.Witnessing;

/// <summary>
/// The log's side of witnessing: sends the latest checkpoint to each configured witness that has
/// not cosigned it, with a consistency proof from what that witness last cosigned, and adds the
/// cosignatures it gets back to the published checkpoint. A witness that fails is tried again
/// later, waiting longer after each failure.
/// </summary>
public sealed class LedgerWitnessing(
    FinPilotDbContext db, LedgerKey key, WitnessKeys keys, IHttpClientFactory http, TimeProvider clock, ILogger<LedgerWitnessing> logger)
{
    public const string ClientName = "ledger-witness";

    private static readonly Backoff Retries = new(TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(10));

    /// <summary>One pass over the witnesses; returns how many new cosignatures the latest checkpoint got.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        if (keys.Witnesses.Count == 0 || !key.IsConfigured)
        {
            return 0;
        }

        var checkpoint = await db.LedgerCheckpoints.LatestAsync(cancellationToken);
        if (checkpoint is null)
        {
            return 0;
        }

        var note = SignedNote.Parse(checkpoint.Note).Value;
        var states = await db.LedgerWitnesses.ToDictionaryAsync(w => w.Name, cancellationToken);
        var now = clock.GetUtcNow();
        var cosigned = 0;
        foreach (var witness in keys.Witnesses)
        {
            if (witness.HasCosigned(note))
            {
                continue;
            }

            if (!states.TryGetValue(witness.Name, out var state))
            {
                state = new LedgerWitnessRecord { Name = witness.Name };
                db.LedgerWitnesses.Add(state);
            }

            if (state.NextAttemptAt > now)
            {
                continue;
            }

            var merged = await SubmitAsync(witness, state, note, checkpoint.Size, cancellationToken);
            if (merged.IsSuccess)
            {
                note = merged.Value;
                (state.Size, state.CosignedAt, state.Failures, state.NextAttemptAt, state.LastError) = (checkpoint.Size, now, 0, null, null);
                cosigned++;
                continue;
            }

            state.Failures++;
            state.NextAttemptAt = now + RetryAfter(state.Failures);
            state.LastError = merged.Error!.Length <= LedgerWitnessRecord.MaxErrorLength ? merged.Error : merged.Error[..(LedgerWitnessRecord.MaxErrorLength - 1)] + "…";
            if (logger.IsEnabled(LogLevel.Warning))
            {
                logger.LogWarning("Witness {Witness} did not cosign checkpoint {Size}: {Error}", witness.Name, checkpoint.Size, merged.Error);
            }
        }

        if (cosigned > 0)
        {
            checkpoint.Note = note.Format();
            checkpoint.Cosignatures = keys.CountCosignatures(note);
        }

        await db.SaveChangesAsync(cancellationToken);
        return cosigned;
    }

    /// <summary>Each configured witness of this log: whether it cosigned <paramref name="checkpoint"/>, and how asking it went.</summary>
    public async Task<IReadOnlyList<WitnessStatus>> StatusAsync(LedgerCheckpointRecord? checkpoint, CancellationToken cancellationToken = default)
    {
        if (keys.Witnesses.Count == 0)
        {
            return [];
        }

        var note = checkpoint is null ? null : SignedNote.Parse(checkpoint.Note).Value;
        var states = await db.LedgerWitnesses.AsNoTracking().ToDictionaryAsync(w => w.Name, cancellationToken);
        return [.. keys.Witnesses.Select(w =>
        {
            var state = states.GetValueOrDefault(w.Name);
            var cosigned = note is not null && w.HasCosigned(note);
            return new WitnessStatus(w.Name, w.VerifierKey, w.Url.ToString(), cosigned, state?.Size ?? 0, state?.CosignedAt, state?.LastError, state?.NextAttemptAt);
        })];
    }

    /// <summary>How long to wait after the <paramref name="failures"/>-th failure in a row: 30 s, doubling, at most 10 minutes.</summary>
    public static TimeSpan RetryAfter(int failures) => Retries.After(failures);

    /// <summary>Sends the checkpoint; a 409 tells the witness's real size, and the request is made once more from there.</summary>
    private async Task<Result<SignedNote>> SubmitAsync(
        ConfiguredWitness witness, LedgerWitnessRecord state, SignedNote note, long size, CancellationToken cancellationToken)
    {
        var tree = new LogTree(new DbHashStore(db));
        var client = http.CreateClient(ClientName);
        for (var attempt = 0; attempt < 2; attempt++)
        {
            if (state.Size > size)
            {
                return Result<SignedNote>.Fail(
                    $"The witness cosigned a tree of {state.Size} entries under this origin, larger than this log's {size}: another log uses this origin, or this log lost entries.");
            }

            var request = await AddCheckpointRequest.ForCheckpointAsync(tree, state.Size, note, cancellationToken);
            HttpStatusCode status;
            string body;
            try
            {
                using var content = new StringContent(request.Format(), Encoding.UTF8, "text/plain");
                using var response = await client.PostAsync(witness.Url, content, cancellationToken);
                status = response.StatusCode;
                body = await response.Content.ReadAsStringAsync(cancellationToken);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                return Result<SignedNote>.Fail($"The witness at {witness.Url} could not be reached: {e.Message}");
            }

            if (status == HttpStatusCode.OK)
            {
                return Cosignatures.Merge(note, body, new NoteVerifierSet(witness.Verifier));
            }

            if (status != HttpStatusCode.Conflict || TreeSizeBody.Parse(body) is not { IsSuccess: true } known)
            {
                return Result<SignedNote>.Fail($"The witness answered {(int)status}: {(body.Length <= 300 ? body : body[..300] + "…")}");
            }

            state.Size = known.Value;
        }

        return Result<SignedNote>.Fail("The witness answered 409 twice: its size keeps moving.");
    }
}

/// <summary>A witness of this log as the public sees it: <paramref name="CosignedLatest"/> says whether
/// the latest checkpoint carries its cosignature; <paramref name="Size"/> is the largest tree it cosigned.</summary>
public sealed record WitnessStatus(
    string Name, string VerifierKey, string Url, bool CosignedLatest, long Size, DateTimeOffset? CosignedAt, string? LastError, DateTimeOffset? NextAttemptAt);
