using FinPilot.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Jobs;

/// <summary>Takes and renews job leases with single atomic statements, so two nodes never both win.</summary>
public sealed class JobLeases(FinPilotDbContext db, TimeProvider clock)
{
    /// <summary>This process's identity as a lease holder.</summary>
    public static readonly string Me = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    public async Task<bool> TryAcquireAsync(string name, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var until = now + duration;
        var taken = await db.JobLeases
            .Where(l => l.Name == name && (l.Holder == Me || l.ExpiresAt < now))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, Me).SetProperty(l => l.ExpiresAt, until), cancellationToken);
        if (taken == 1)
        {
            return true;
        }

        if (await db.JobLeases.AnyAsync(l => l.Name == name, cancellationToken))
        {
            return false;
        }

        try
        {
            db.JobLeases.Add(new JobLease { Name = name, Holder = Me, ExpiresAt = until });
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another node inserted the lease between our look and our insert: it won.
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
