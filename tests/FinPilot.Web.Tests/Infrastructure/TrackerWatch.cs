using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Tests.Infrastructure;

/// <summary>
/// Watches the saves of one context, as a job's pass makes them: at each save, how many tracked
/// entities an earlier save of the pass already wrote. A pass that saves per item in one context and
/// keeps what it saved makes every later save (and every walk of the tracker) longer: quadratic in
/// the number of items. A pass that forgets what it saved keeps <see cref="Carried"/> at zero.
/// </summary>
public sealed class TrackerWatch : IDisposable
{
    private readonly DbContext _db;
    private readonly HashSet<object> _written = new(ReferenceEqualityComparer.Instance);

    public TrackerWatch(DbContext db)
    {
        _db = db;
        _db.SavingChanges += OnSaving;
    }

    /// <summary>How many saves the context made.</summary>
    public int Saves { get; private set; }

    /// <summary>The most entities one save still tracked that an earlier save had written.</summary>
    public int Carried { get; private set; }

    public void Dispose() => _db.SavingChanges -= OnSaving;

    private void OnSaving(object? sender, SavingChangesEventArgs e)
    {
        Saves++;
        var entries = _db.ChangeTracker.Entries().ToList();
        Carried = Math.Max(Carried, entries.Count(x => _written.Contains(x.Entity)));
        foreach (var entry in entries.Where(x => x.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            _written.Add(entry.Entity);
        }
    }
}
