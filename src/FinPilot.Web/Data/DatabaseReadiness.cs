using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FinPilot.Web.Data;

/// <summary>
/// Whether this process is applying migrations now (<see cref="DatabaseMigrator"/> says so while it
/// runs); with the database's own list of applied migrations it makes <c>/health/ready</c>.
/// </summary>
public sealed class DatabaseReadiness
{
    private int _migrating;

    public bool Migrating => Volatile.Read(ref _migrating) > 0;

    /// <summary>Marks the process as migrating until the result is disposed.</summary>
    public IDisposable BeginMigration()
    {
        Interlocked.Increment(ref _migrating);
        return new Ended(this);
    }

    private sealed class Ended(DatabaseReadiness readiness) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                Interlocked.Decrement(ref readiness._migrating);
            }
        }
    }
}

/// <summary>
/// Ready only when the schema is the one this build expects: not while this process migrates, and
/// not while any migration of this build is missing from the database (another node or
/// <c>finpilot db migrate</c> still at work, or the binaries newer than the schema).
/// </summary>
internal sealed class MigrationsHealthCheck(DatabaseReadiness readiness, FinPilotDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (readiness.Migrating)
        {
            return HealthCheckResult.Unhealthy("Migrations are being applied.");
        }

        try
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
            return pending == 0 ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy($"{pending} migration(s) not applied yet.");
        }
        catch (DbException exception)
        {
            return HealthCheckResult.Unhealthy("The database did not answer.", exception);
        }
    }
}
