using FinPilot.Web.Features.Calendar;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Data;

/// <summary>
/// Applies the provider's migrations and loads reference data into empty tables; used at start-up
/// and by <c>finpilot db migrate</c>.
/// </summary>
public static class DatabaseMigrator
{
    public static async Task<IReadOnlyList<string>> MigrateAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        using var migrating = services.GetService<DatabaseReadiness>()?.BeginMigration();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FinPilotDbContext>();
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        await db.Database.MigrateAsync(cancellationToken);
        await Features.Applications.ReferenceData.EnsureAsync(db, cancellationToken);
        // Register rows written before their statistics facts existed (or by an older computation) are rebuilt.
        await Features.Disclosure.RegisterProjection.EnsureFactsAsync(db, cancellationToken);
        await SeedReferenceDataAsync(services, cancellationToken);
        return pending;
    }

    /// <summary>Data every installation needs, demo or not (the working-day calendar); adds only what is missing.</summary>
    public static async Task SeedReferenceDataAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<CalendarSeeder>().SeedOfficialSchedulesAsync(cancellationToken);
    }
}
