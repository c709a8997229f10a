using FinPilot.Domain.Calendar;
using FinPilot.Domain.Calls;
using FinPilot.Domain.Disclosure;
using FinPilot.Domain.Organisations;
using FinPilot.Domain.Projects;
using FinPilot.Domain.Statistics;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Disclosure;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Statistics;

/// <summary>
/// Computes the figures of <see cref="Indicators"/> from public records only — the register of
/// pilots (<see cref="RegisterPilot"/>), its public events and published calls — with GROUP BY in
/// SQL, never by loading the register. The live figures group the register's per-pilot facts (kept
/// by its projection with every public event); the figures at a checkpoint derive the same facts from
/// the events logged up to it, and the tests hold the two to each other. <see cref="StatisticsFormulas"/> is the reference the tests
/// hold these queries to (over <see cref="FactsAsync"/>, the same records read whole).
/// </summary>
public sealed class StatisticsQueries(FinPilotDbContext db, TimeProvider clock)
{
    /// <summary>
    /// Every figure as at <paramref name="at"/> (now by default; it decides which calls are open and
    /// the index's period), from the register's per-pilot facts: plain GROUP BYs over its rows.
    /// </summary>
    public Task<IReadOnlyList<Figure>> ComputeAsync(DateTimeOffset? at = null, CancellationToken ct = default) =>
        ComputeAsync(at ?? clock.GetUtcNow(), ledgerSize: null, fromEvents: false, ct);

    /// <summary>
    /// Every figure as at a ledger checkpoint of <paramref name="ledgerSize"/> entries: only the public
    /// events whose record is among the log's first <paramref name="ledgerSize"/> entries count, so a
    /// reader holding the log up to that checkpoint computes the same figures.
    /// </summary>
    public Task<IReadOnlyList<Figure>> ComputeAtCheckpointAsync(DateTimeOffset at, long ledgerSize, CancellationToken ct = default) =>
        ComputeAsync(at, ledgerSize, fromEvents: true, ct);

    /// <summary>Every figure now, derived from all the public events as at a checkpoint (the tests hold the live figures to it).</summary>
    internal Task<IReadOnlyList<Figure>> ComputeFromEventsAsync(DateTimeOffset at, CancellationToken ct = default) =>
        ComputeAsync(at, ledgerSize: null, fromEvents: true, ct);

    private async Task<IReadOnlyList<Figure>> ComputeAsync(DateTimeOffset now, long? ledgerSize, bool fromEvents, CancellationToken ct)
    {
        var regions = await db.Regions.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Code, ct);
        var recentFrom = now - PilotIndex.Period;
        IQueryable<RegisterPilot> admitted;
        List<CubeRow> cube;
        IQueryable<TierRow> tierRows;
        if (fromEvents)
        {
            var events = Events(ledgerSize);
            admitted = Admitted(events);
            cube = await CubeAsync(events, recentFrom, ct);
            tierRows = from c in db.ExitCases.AsNoTracking()
                       join p in db.RegisterPilots.AsNoTracking() on c.ProjectId equals p.ProjectId
                       where c.Tier != null && events.Any(e => e.ProjectId == c.ProjectId && e.Kind == PublicEventKind.TierAssigned)
                       select new TierRow { RegionId = p.RegionId, Tier = c.Tier };
        }
        else
        {
            admitted = db.RegisterPilots.AsNoTracking().Where(p => p.AdmittedAt != null);
            cube = await LiveCubeAsync(recentFrom, ct);
            // Read from the (few) exit cases with a tier, each looked up in the register by its key; an exit
            // case's region is its project's, as the register row's is.
            tierRows = from c in db.ExitCases.AsNoTracking()
                       where c.Tier != null && db.RegisterPilots.Any(p => p.ProjectId == c.ProjectId && p.TierPublished)
                       select new TierRow { RegionId = c.RegionId, Tier = c.Tier };
        }

        var pilots = cube.Where(c => c.AdmittedOn is not null).ToList();
        var tags = await (fromEvents
                ? from t in db.RegisterPilotTags.AsNoTracking()
                  join p in admitted on t.PilotId equals p.Id
                  group t by new { t.Kind, t.Code, p.RegionId } into g
                  select new TagCount { Kind = g.Key.Kind, Code = g.Key.Code, RegionId = g.Key.RegionId, Count = g.Count() }
                : from t in db.RegisterPilotTags.AsNoTracking()
                  where t.Admitted
                  group t by new { t.Kind, t.Code, t.RegionId } into g
                  select new TagCount { Kind = g.Key.Kind, Code = g.Key.Code, RegionId = g.Key.RegionId, Count = g.Count() }).ToListAsync(ct);
        var figures = new List<Figure>();

        figures.AddRange(Sum(Indicators.PilotsByRegion, pilots, c => regions[c.RegionId]));
        figures.AddRange(Sum(Indicators.PilotsByBatch, pilots, c => c.CallId.ToString()));
        figures.AddRange((await db.Calls.AsNoTracking().Where(c => c.Status == CallStatus.Published && c.OpensAt <= now && c.ClosesAt > now)
                .GroupBy(c => c.RegionId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .Select(g => new Figure(Indicators.CallsOpenByRegion, regions[g.Key], g.Count)));
        figures.AddRange(await MedianDaysAsync(pilots, regions, ct));
        figures.AddRange(Sum(Indicators.PilotsByCategory, pilots, c => c.Category.ToString()));
        figures.AddRange(TagCounts(tags.Where(t => t.Kind == RegisterTagKind.Technology).Select(t => (t.Code, t.Count)))
            .Select(g => new Figure(Indicators.PilotsByTechnology, g.Code, g.Count)));
        figures.AddRange(Sum(Indicators.RegisterByStage, cube.Where(c => c.Latest is not null), c => PublicStages.Of(c.Latest!.Value).ToString()));
        figures.Add(new(Indicators.PublicFunnel, FunnelStep.Noticed.ToString(), cube.Where(c => c.Noticed).Sum(c => c.Count)));
        figures.Add(new(Indicators.PublicFunnel, FunnelStep.Admitted.ToString(), pilots.Sum(c => c.Count)));
        figures.Add(new(Indicators.PublicFunnel, FunnelStep.Exited.ToString(), cube.Where(c => c.Exited).Sum(c => c.Count)));
        var tiers = await tierRows.GroupBy(t => new { t.RegionId, t.Tier }).Select(g => new { g.Key.RegionId, g.Key.Tier, Count = g.Count() }).ToListAsync(ct);
        figures.AddRange(tiers.GroupBy(t => t.Tier).Select(g => new Figure(Indicators.ExitedByTier, g.Key.ToString()!, g.Sum(t => t.Count))));
        figures.Add(new Figure(Indicators.LeadInstitutions, StatisticsFormulas.TotalKey, await admitted.Select(p => p.LeadOrganisationId).Distinct().CountAsync(ct)));
        figures.AddRange(TagCounts(tags.Where(t => t.Kind == RegisterTagKind.Scenario).Select(t => (t.Code, t.Count)))
            .Select(g => new Figure(Indicators.PilotsByScenario, g.Code, g.Count)));
        figures.AddRange(TagCounts(tags.Where(t => t.Kind == RegisterTagKind.LeadType).Select(t => (t.Code, t.Count)))
            .Select(g => new Figure(Indicators.PilotsByLeadType, Enum.TryParse<OrganisationType>(g.Code, ignoreCase: true, out var type) ? type.ToString() : g.Code, g.Count)));

        var technologies = tags.Where(t => t.Kind == RegisterTagKind.Technology).ToLookup(t => t.RegionId, t => t.Code);
        var regionTiers = tiers.ToLookup(t => t.RegionId);
        figures.AddRange(PilotIndex.Compute([.. pilots.GroupBy(c => c.RegionId).Select(r => new PilotIndexInput(
            regions[r.Key],
            r.Sum(c => c.Count),
            r.Where(c => c.Recent).Sum(c => c.Count),
            [.. technologies[r.Key].Distinct(StringComparer.Ordinal)],
            r.Where(c => c.Troubled).Sum(c => c.Count),
            [.. regionTiers[r.Key].SelectMany(t => Enumerable.Repeat(t.Tier.ToString()!, t.Count))]))]));
        return StatisticsFormulas.Canonical(figures);
    }

    /// <summary>
    /// The register's entries counted by every combination of what the figures group on, in ONE query:
    /// the public events grouped by project once (first admission, noticed, exited, troubled, admitted
    /// within the index's period), joined to the register row (region, call, category) and to the entry's
    /// latest lifecycle event, then grouped again. Its rows are the combinations that occur — a few per
    /// call and category (admissions come in batches), one per entry at the very worst — never the events.
    /// </summary>
    private async Task<List<CubeRow>> CubeAsync(IQueryable<PublicEventRecord> events, DateTimeOffset recentFrom, CancellationToken ct)
    {
        var lifecycle = PublicStages.Lifecycle.ToList();
        var perProject = events.GroupBy(e => e.ProjectId).Select(g => new
        {
            ProjectId = g.Key,
            FirstAdmitted = g.Min(e => e.Kind == PublicEventKind.Admitted ? (DateTimeOffset?)e.At : null),
            Noticed = g.Max(e => e.Kind == PublicEventKind.NoticePublished ? 1 : 0),
            Exited = g.Max(e => e.Kind == PublicEventKind.Exit || e.Kind == PublicEventKind.Termination ? 1 : 0),
            Recent = g.Max(e => e.Kind == PublicEventKind.Admitted && e.At > recentFrom ? 1 : 0),
            Halted = g.Max(e => e.Kind == PublicEventKind.Suspended || e.Kind == PublicEventKind.Termination ? 1 : 0),
            OpenCorrections = g.Sum(e => e.Kind == PublicEventKind.CorrectionOrdered ? 1 : e.Kind == PublicEventKind.CorrectionClosed ? -1 : 0),
        });
        var rows = from f in perProject
                   join p in db.RegisterPilots.AsNoTracking() on f.ProjectId equals p.ProjectId
                   select new
                   {
                       p.RegionId,
                       p.CallId,
                       p.Category,
                       f.FirstAdmitted,
                       Noticed = f.Noticed == 1,
                       Exited = f.Exited == 1,
                       Recent = f.Recent == 1,
                       Troubled = f.Halted == 1 || f.OpenCorrections > 0,
                       // The latest lifecycle event; of two at the same instant, the one later in PublicStages.Lifecycle.
                       Latest = events.Where(e => e.ProjectId == p.ProjectId && lifecycle.Contains(e.Kind))
                           .OrderByDescending(e => e.At)
                           .ThenByDescending(e =>
                               e.Kind == PublicEventKind.Termination ? 7 : e.Kind == PublicEventKind.Exit ? 6 : e.Kind == PublicEventKind.Suspended ? 5
                               : e.Kind == PublicEventKind.Resumed ? 4 : e.Kind == PublicEventKind.Admitted ? 3 : e.Kind == PublicEventKind.SentBackToDeliberation ? 2
                               : e.Kind == PublicEventKind.NoticeWithdrawn ? 1 : 0)
                           .Select(e => (PublicEventKind?)e.Kind).FirstOrDefault(),
                   };
        var groups = await rows.GroupBy(r => new { r.RegionId, r.CallId, r.Category, r.FirstAdmitted, r.Noticed, r.Exited, r.Recent, r.Troubled, r.Latest })
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return [.. groups.Select(g => new CubeRow(
            g.Key.RegionId, g.Key.CallId, g.Key.Category, g.Key.FirstAdmitted is { } first ? ChinaTime.DateOf(first) : null, g.Key.Noticed, g.Key.Exited, g.Key.Recent,
            g.Key.Troubled, g.Key.Latest, g.Count))];
    }

    /// <summary>
    /// The same cube from the register's per-pilot facts (<see cref="RegisterPilot.AdmittedAt"/> and the
    /// rest, kept by the register's projection): one GROUP BY over the register, read from its facts index.
    /// </summary>
    private async Task<List<CubeRow>> LiveCubeAsync(DateTimeOffset recentFrom, CancellationToken ct)
    {
        var groups = await db.RegisterPilots.AsNoTracking()
            .GroupBy(p => new
            {
                p.RegionId,
                p.CallId,
                p.Category,
                p.AdmittedOn,
                Recent = p.LastAdmittedAt != null && p.LastAdmittedAt > recentFrom,
                p.Noticed,
                Exited = p.ExitedAt != null,
                p.Troubled,
                p.Lifecycle,
            })
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return [.. groups.Select(g => new CubeRow(
            g.Key.RegionId, g.Key.CallId, g.Key.Category, g.Key.AdmittedOn, g.Key.Noticed, g.Key.Exited, g.Key.Recent, g.Key.Troubled, g.Key.Lifecycle, g.Count))];
    }

    /// <summary>The tags of one kind and code among one region's pilots.</summary>
    private sealed class TagCount
    {
        public RegisterTagKind Kind { get; init; }

        public string Code { get; init; } = string.Empty;

        public int RegionId { get; init; }

        public int Count { get; init; }
    }

    /// <summary>An exit case's public tier and the region of its register entry.</summary>
    private sealed class TierRow
    {
        public int RegionId { get; init; }

        public Domain.Exit.ExitTier? Tier { get; init; }
    }

    /// <summary>One combination of the cube and the number of register entries that have it.</summary>
    private sealed record CubeRow(
        int RegionId, Guid CallId, ProjectCategory Category, DateOnly? AdmittedOn, bool Noticed, bool Exited, bool Recent, bool Troubled,
        PublicEventKind? Latest, int Count);

    private static IEnumerable<Figure> Sum(string indicator, IEnumerable<CubeRow> rows, Func<CubeRow, string> key) =>
        rows.GroupBy(key, StringComparer.Ordinal).Select(g => new Figure(indicator, g.Key, g.Sum(c => c.Count)));

    private static IEnumerable<(string Code, int Count)> TagCounts(IEnumerable<(string Code, int Count)> perRegion) =>
        perRegion.GroupBy(t => t.Code, StringComparer.Ordinal).Select(g => (g.Key, g.Sum(t => t.Count)));

    /// <summary>Every register entry and published call as public facts, read whole: for a recompute and the open data, not for pages.</summary>
    public async Task<(IReadOnlyList<PublicPilotFact> Pilots, IReadOnlyList<PublicCallFact> Calls)> FactsAsync(CancellationToken ct = default)
    {
        var regions = await db.Regions.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Code, ct);
        var calls = await db.Calls.AsNoTracking().Where(c => c.Status != CallStatus.Draft)
            .Select(c => new { c.Id, c.RegionId, c.OpensAt, c.ClosesAt, c.Status }).ToListAsync(ct);
        var closes = calls.ToDictionary(c => c.Id, c => c.ClosesAt);
        var rows = await db.RegisterPilots.AsNoTracking().Select(p => new { p.ProjectId, p.RegionId, p.CallId, p.Category, p.Statement, p.LeadOrganisationId }).ToListAsync(ct);
        var events = (await db.PublicEvents.AsNoTracking().Where(e => db.RegisterPilots.Any(p => p.ProjectId == e.ProjectId))
                .Select(e => new { e.ProjectId, e.Kind, e.At }).ToListAsync(ct))
            .ToLookup(e => e.ProjectId, e => new PublicEventFact(e.Kind, e.At));
        // A tier is public once its record is: the formulas count it only beside a TierAssigned event.
        var tiers = await db.ExitCases.AsNoTracking().Where(c => c.Tier != null && db.RegisterPilots.Any(p => p.ProjectId == c.ProjectId))
            .Select(c => new { c.ProjectId, c.Tier }).ToDictionaryAsync(c => c.ProjectId, c => c.Tier.ToString(), ct);
        var pilots = rows.Select(p => new PublicPilotFact(
            p.ProjectId, regions[p.RegionId], p.CallId, closes[p.CallId], p.Category, p.Statement.TechnologyCodes ?? [], p.LeadOrganisationId.ToString(),
            [.. events[p.ProjectId]])
        {
            Tier = tiers.GetValueOrDefault(p.ProjectId),
            Scenarios = p.Statement.ScenarioCodes ?? [],
            LeadType = p.Statement.LeadType?.ToString(),
        }).ToList();
        return (pilots, [.. calls.Select(c => new PublicCallFact(c.Id, regions[c.RegionId], c.OpensAt, c.ClosesAt, c.Status != CallStatus.Published))]);
    }

    /// <summary>The public events, or those logged within the first <paramref name="ledgerSize"/> entries of the ledger.</summary>
    private IQueryable<PublicEventRecord> Events(long? ledgerSize) => ledgerSize is { } size
        ? db.PublicEvents.AsNoTracking().Where(e => db.LedgerEntries.Any(l => l.RecordSequence == e.RecordSequence && l.Index < size))
        : db.PublicEvents.AsNoTracking();

    /// <summary>
    /// The register's entries admitted at least once (入箱): the pilots. An <c>IN</c> over the admissions,
    /// which the database reads once per query, not a lookup per entry.
    /// </summary>
    internal static IQueryable<RegisterPilot> Admitted(FinPilotDbContext db, IQueryable<PublicEventRecord> events)
    {
        var admissions = events.Where(e => e.Kind == PublicEventKind.Admitted).Select(e => e.ProjectId);
        return db.RegisterPilots.AsNoTracking().Where(p => admissions.Contains(p.ProjectId));
    }

    private IQueryable<RegisterPilot> Admitted(IQueryable<PublicEventRecord> events) => Admitted(db, events);

    private async Task<IEnumerable<Figure>> MedianDaysAsync(IReadOnlyCollection<CubeRow> pilots, Dictionary<int, string> regions, CancellationToken ct)
    {
        // The median needs the values: each combination of the cube stands for Count pilots admitted on the same date.
        var ids = pilots.Select(p => p.CallId).Distinct().ToList();
        var closes = await db.Calls.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.ClosesAt, ct);
        return StatisticsFormulas.MedianDays(pilots.SelectMany(p => Enumerable.Repeat(new PublicPilotFact(
            Guid.Empty, regions[p.RegionId], p.CallId, closes[p.CallId], p.Category, [], string.Empty, [new PublicEventFact(PublicEventKind.Admitted, ChinaTime.StartOfDay(p.AdmittedOn!.Value))]), p.Count)));
    }
}
