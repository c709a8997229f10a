using Microsoft.Extensions.Caching.Memory;

namespace FinPilot.Web.Features.Workbench;

/// <summary>
/// The counts the navigation shows beside its items, per user, kept for half a minute: the layout
/// renders on every page, and a queue moving a few seconds late in the menu costs nothing.
/// </summary>
public sealed class WorkbenchCounts(WorkbenchQueries queries, Identity.CurrentUser current, IMemoryCache cache)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    public async Task<IReadOnlyDictionary<string, int>> ReadAsync(CancellationToken ct = default)
    {
        if (current.Id is not { } id)
        {
            return new Dictionary<string, int>();
        }

        return await cache.GetOrCreateAsync($"workbench-counts:{id}", entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Lifetime;
            return queries.CountsAsync(ct);
        }) ?? new Dictionary<string, int>();
    }
}
