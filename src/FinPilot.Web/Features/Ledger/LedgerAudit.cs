using FinPilot.Ledger.Checkpoints;
using FinPilot.Ledger.Merkle;
using FinPilot.Ledger.Storage;
using FinPilot.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Ledger;

/// <summary>
/// Compares the database with the log (<c>finpilot ledger audit</c>): every public record must
/// still produce the entry that was logged for it, every logged entry must still hash to its
/// stored leaf, and the leaves must still make the signed checkpoint's root. Anything else is
/// tampering (or damage), reported record by record.
/// </summary>
public sealed class LedgerAudit(FinPilotDbContext db, LedgerKey key)
{
    private const int Page = 1000;

    public async Task<LedgerAuditReport> RunAsync(CancellationToken cancellationToken = default)
    {
        var findings = new List<LedgerAuditFinding>();
        var store = new DbHashStore(db);
        var size = await store.GetTreeSizeAsync(cancellationToken);
        var regions = await db.Regions.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Code, cancellationToken);

        // The leaves as the entries hash now, rebuilt into a tree of their own to compare roots.
        var rebuilt = new LogTree(new InMemoryHashStore());
        long expected = 0;
        while (expected < size)
        {
            var from = expected;
            var rows = await db.LedgerEntries.AsNoTracking()
                .Where(e => e.Index >= from)
                .OrderBy(e => e.Index)
                .Take(Page)
                .GroupJoin(db.PublicRecords.AsNoTracking(), e => e.RecordSequence, r => r.Sequence, (e, r) => new { Entry = e, Records = r })
                .SelectMany(x => x.Records.DefaultIfEmpty(), (x, r) => new { x.Entry, Record = r })
                .ToListAsync(cancellationToken);
            if (rows.Count == 0)
            {
                findings.Add(new LedgerAuditFinding(expected, null, $"entries {expected} to {size - 1} are missing from the database"));
                break;
            }

            var stored = new MerkleHash[rows.Count];
            await store.ReadStoredHashesAsync(rows.Select(r => StoredHashIndex.Of(0, r.Entry.Index)).ToArray(), stored, cancellationToken);
            var leaves = new MerkleHash[rows.Count];
            for (var i = 0; i < rows.Count; i++)
            {
                var (entry, record) = (rows[i].Entry, rows[i].Record);
                if (entry.Index != expected + i)
                {
                    findings.Add(new LedgerAuditFinding(expected + i, null, $"entry {expected + i} is missing from the database"));
                    expected = entry.Index - i;
                }

                leaves[i] = MerkleHash.Leaf(entry.Entry);
                if (leaves[i] != stored[i])
                {
                    findings.Add(new LedgerAuditFinding(entry.Index, entry.RecordSequence, "the stored entry no longer hashes to its logged leaf hash"));
                }

                if (record is null)
                {
                    findings.Add(new LedgerAuditFinding(entry.Index, entry.RecordSequence, "the public record was deleted"));
                }
                else if (!LedgerAppender.EntryOf(record, regions).ToBytes().AsSpan().SequenceEqual(entry.Entry))
                {
                    findings.Add(new LedgerAuditFinding(entry.Index, entry.RecordSequence, "the public record no longer matches its logged entry (content hash or fields differ)"));
                }
            }

            await rebuilt.AppendAsync(leaves, cancellationToken);
            expected = rows[^1].Entry.Index + 1;
        }

        var checkpoint = await db.LedgerCheckpoints.AsNoTracking().LatestAsync(cancellationToken);
        if (checkpoint is not null)
        {
            if (key.IsConfigured && !FinPilot.Ledger.Checkpoints.Checkpoint.Open(checkpoint.Note, key.Origin, key.Verifiers).IsSuccess)
            {
                findings.Add(new LedgerAuditFinding(null, null, $"checkpoint {checkpoint.Size} does not carry a valid signature of {key.Origin}"));
            }

            var rebuiltSize = await rebuilt.GetTreeSizeAsync(cancellationToken);
            if (checkpoint.Size <= rebuiltSize && await rebuilt.RootAsync(checkpoint.Size, cancellationToken) != new MerkleHash(checkpoint.RootHash))
            {
                findings.Add(new LedgerAuditFinding(null, null, $"the logged entries no longer make the root of signed checkpoint {checkpoint.Size}"));
            }
        }

        // Records are logged in sequence order: one left behind below the last logged record would never be logged.
        var mark = await db.LedgerEntries.MaxAsync(e => (long?)e.RecordSequence, cancellationToken) ?? 0;
        var skipped = await db.PublicRecords
            .Where(r => r.Sequence < mark && !db.LedgerEntries.Any(e => e.RecordSequence == r.Sequence))
            .OrderBy(r => r.Sequence).Select(r => r.Sequence).Take(100).ToListAsync(cancellationToken);
        findings.AddRange(skipped.Select(s => new LedgerAuditFinding(null, s, "the public record was never logged, though later records were (skipped)")));
        var pending = await db.PublicRecords.CountAsync(r => r.Sequence > mark, cancellationToken);
        return new LedgerAuditReport(size, checkpoint?.Size ?? 0, expected, pending, findings);
    }
}

/// <summary>What the audit found wrong, with the ledger index and record sequence where it knows them.</summary>
public sealed record LedgerAuditFinding(long? Index, long? RecordSequence, string Problem);

public sealed record LedgerAuditReport(long TreeSize, long CheckpointSize, long EntriesChecked, int Pending, IReadOnlyList<LedgerAuditFinding> Findings)
{
    public bool Clean => Findings.Count == 0;
}
