using FinPilot.Domain.Identity;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Identity;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Workbench;

/// <summary>
/// 工作台: each role's to-do list, built from the queues of the modules — the applicant's drafts and
/// questions, the working group's screening queue, notices to draft, objections, alerts and
/// obligations, the secretariat's rounds, an expert's sheets, the coordination group's agenda, the
/// integrity officer's flags. Every queue is counted and cut in SQL and scoped like the module's own
/// list (region, organisation, assignment), so a count never names what its reader may not open.
/// </summary>
public sealed class WorkbenchQueries(
    FinPilotDbContext db, CurrentUser current, TimeProvider clock, IServiceProvider services)
{
    /// <summary>How many items each section shows; its count and its page give the rest.</summary>
    public const int DefaultTake = 5;

    public async Task<IReadOnlyList<WorkbenchSection>> ReadAsync(int take = DefaultTake, CancellationToken ct = default)
    {
        if (!current.IsAuthenticated)
        {
            return [];
        }

        var reader = await ReaderAsync(ct);
        var sections = new List<WorkbenchSection>();
        foreach (var source in reader.Sources())
        {
            if (await source(take, ct) is { } section)
            {
                sections.Add(section);
            }
        }

        return sections;
    }

    /// <summary>The count of each section, by its key (the navigation's item key).</summary>
    public async Task<IReadOnlyDictionary<string, int>> CountsAsync(CancellationToken ct = default) =>
        (await ReadAsync(take: 0, ct)).GroupBy(s => s.Key).ToDictionary(g => g.Key, g => g.Sum(s => s.Count), StringComparer.Ordinal);

    private async Task<WorkbenchReader> ReaderAsync(CancellationToken ct)
    {
        var grants = await current.GrantsAsync(ct);
        var regionIds = await db.Regions.AsNoTracking().Select(r => r.Id).ToListAsync(ct);
        var scope = new WorkbenchScope(
            current.Id!,
            grants,
            [.. regionIds.Where(id => grants.RunsRegion(id))],
            [.. grants.Where(g => g.Role == Role.Applicant && g.OrganisationId is not null).Select(g => g.OrganisationId!.Value).Distinct()]);
        return new WorkbenchReader(db, scope, clock.GetUtcNow(), services);
    }
}

/// <summary>Whose workbench it is: the regions the user runs as a working group, the organisations it applies for.</summary>
public sealed record WorkbenchScope(string UserId, IReadOnlyList<RoleGrant> Grants, IReadOnlyList<int> Regions, IReadOnlyList<Guid> Organisations)
{
    public bool Is(Role role) => Grants.Any(g => g.Role == role);
}
