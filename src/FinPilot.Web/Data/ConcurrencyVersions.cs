using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace FinPilot.Web.Data;

/// <summary>
/// The one place a record's version moves on save: every changed row that carries a Guid
/// concurrency token gets a new one, so a second writer holding the old value is refused by the
/// database. Aggregates that already moved their own version in the change keep that value.
/// </summary>
public static class ConcurrencyVersions
{
    public static void Bump(ChangeTracker tracker)
    {
        foreach (var entry in tracker.Entries())
        {
            if (entry.State != Microsoft.EntityFrameworkCore.EntityState.Modified)
            {
                continue;
            }

            foreach (var property in entry.Properties)
            {
                if (property.Metadata.IsConcurrencyToken && property.Metadata.ClrType == typeof(Guid)
                    && Equals(property.CurrentValue, property.OriginalValue))
                {
                    property.CurrentValue = Guid.NewGuid();
                }
            }
        }
    }
}
