using System.Text.Json;
using FinPilot.Domain.Disclosure;
using FinPilot.Ledger;
using FinPilot.Ledger.Checkpoints;
using FinPilot.Ledger.Notes;
using FinPilot.Ledger.Proofs;

namespace FinPilot.Cli;

/// <summary>A downloaded <c>.tlog-proof</c> checked offline: the entry is in the signed tree.</summary>
internal sealed record CheckedProof(long Index, SignedCheckpoint Checkpoint, LedgerEntry Entry);

/// <summary>
/// The offline check behind <c>ledger check-proof</c>: a FinPilot proof carries its ledger entry on
/// the <c>extra</c> line, so the proof file and the log's key are all a reader needs.
/// </summary>
internal static class LedgerProofCheck
{
    /// <summary>Verifies inclusion of <paramref name="entry"/> (the proof's extra data, or bytes the
    /// user gave) under the proof's checkpoint and reads it as a <see cref="LedgerEntry"/>.</summary>
    public static Result<CheckedProof> Check(TlogProof proof, byte[] entry, string origin, NoteVerifierSet trusted)
    {
        var verified = proof.Verify(entry, origin, trusted);
        if (!verified.IsSuccess)
        {
            return Result<CheckedProof>.Fail(verified.Error!);
        }

        // Inclusion is proven for these bytes whatever they are; but only a ledger entry says what was logged.
        return LedgerEntry.TryParse(entry) is { } parsed
            ? new CheckedProof(proof.Index, verified.Value, parsed)
            : Result<CheckedProof>.Fail($"Entry {proof.Index} is in the log, but it is not a FinPilot ledger entry.");
    }

    /// <summary>Checks a record's payload (its JSON, in any spacing) against the logged content hash.</summary>
    public static Result<string> MatchRecord(LedgerEntry entry, string recordJson)
    {
        string hash;
        try
        {
            hash = LedgerEntry.ContentHashOf(recordJson);
        }
        catch (JsonException e)
        {
            return Result<string>.Fail($"The record is not JSON: {e.Message}");
        }

        return hash == entry.ContentSha256
            ? hash
            : Result<string>.Fail($"The record does not match: its content SHA-256 is {hash}, the logged entry says {entry.ContentSha256}.");
    }
}
