using FinPilot.Ledger.Merkle;
using FinPilot.Ledger.Witness;
using FinPilot.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Ledger.Witnessing;

/// <summary>
/// The witness's memory in the database. Advancing is a compare-and-set on the stored size: an
/// insert for a log seen the first time (a racing insert loses on the key), an update guarded by
/// the old size otherwise, so two racing requests can never roll the witness back.
/// </summary>
public sealed class DbWitnessStateStore(FinPilotDbContext db, TimeProvider clock) : IWitnessStateStore
{
    public async ValueTask<WitnessedCheckpoint?> GetAsync(string origin, CancellationToken cancellationToken = default)
    {
        var row = await db.WitnessedLogs.AsNoTracking().SingleOrDefaultAsync(l => l.Origin == origin, cancellationToken);
        return row is null ? null : new WitnessedCheckpoint(row.Size, new MerkleHash(row.RootHash), row.CosignedNote);
    }

    public async ValueTask<bool> TryAdvanceAsync(
        string origin, long expectedSize, WitnessedCheckpoint next, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var root = next.RootHash.Span.ToArray();
        var moved = await db.WitnessedLogs
            .Where(l => l.Origin == origin && l.Size == expectedSize)
            .ExecuteUpdateAsync(
                set => set.SetProperty(l => l.Size, next.Size)
                    .SetProperty(l => l.RootHash, root)
                    .SetProperty(l => l.CosignedNote, next.CosignedNote)
                    .SetProperty(l => l.UpdatedAt, now),
                cancellationToken);

        // Size 0 is also "nothing stored yet" (an empty tree may have been cosigned, or not).
        if (moved == 1 || expectedSize > 0)
        {
            return moved == 1;
        }

        var row = new WitnessedLogRecord { Origin = origin, Size = next.Size, RootHash = root, CosignedNote = next.CosignedNote, UpdatedAt = now };
        db.WitnessedLogs.Add(row);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            db.Entry(row).State = EntityState.Detached;
            if (await db.WitnessedLogs.AsNoTracking().AnyAsync(l => l.Origin == origin, cancellationToken))
            {
                // Another request stored this log first; its answer stands.
                return false;
            }

            throw;
        }
        finally
        {
            db.Entry(row).State = EntityState.Detached;
        }
    }
}
