using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Ledger;

/// <summary>The checkpoint queries every part of the ledger shares, written once.</summary>
public static class LedgerQueries
{
    /// <summary>The latest checkpoint: the largest tree, and of two of one size the later signed. Null before the first.</summary>
    public static Task<LedgerCheckpointRecord?> LatestAsync(this IQueryable<LedgerCheckpointRecord> checkpoints, CancellationToken cancellationToken = default) =>
        checkpoints.OrderByDescending(c => c.Size).ThenByDescending(c => c.Id).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The size of the largest signed tree (0 before the first checkpoint): what the public may see of the log.</summary>
    public static async Task<long> SignedSizeAsync(this IQueryable<LedgerCheckpointRecord> checkpoints, CancellationToken cancellationToken = default) =>
        await checkpoints.MaxAsync(c => (long?)c.Size, cancellationToken) ?? 0;
}
