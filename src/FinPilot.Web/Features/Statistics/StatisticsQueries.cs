using FinPilot.Domain.Calls;
using FinPilot.Domain.Disclosure;
using FinPilot.Domain.Organisations;
using FinPilot.Domain.Statistics;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Disclosure;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Statistics;

/// <summary>
/// Computes the figures of <see cref="Indicators"/> from public records only — the register of
/// pilots (<see cref="RegisterPilot"/>), its public events and published calls — with GROUP BY in
/// SQL, never by loading the register. <see cref="StatisticsFormulas"/> is the reference the tests
/// hold these queries to (over <see cref="FactsAsync"/>, the same records read whole).
/// </summary>
public sealed class StatisticsQueries(FinPilotDbContext db, TimeProvider clock)
{
    /// <summary>Every figure as at <paramref name="at"/> (now by default; it decides which calls are open).</summary>
    public Task<IReadOnlyList<Figure>> ComputeAsync(DateTimeOffset? at = null, CancellationToken ct = default) =>
        ComputeAsync(at ?? clock.GetUtcNow(), ledgerSize: null, ct);

    /// <summary>
    /// Every figure as at a ledger checkpoint of <paramref name="ledgerSize"/> entries: only the public
    /// events whose record is among the log's first <paramref name="ledgerSize"/> entries count, so a
    /// reader holding the log up to that checkpoint computes the same figures.
    /// </summary>
    public Task<IReadOnlyList<Figure>> ComputeAtCheckpointAsync(DateTimeOffset at, long ledgerSize, CancellationToken ct = default) =>
        ComputeAsync(at, ledgerSize, ct);

    private async Task<IReadOnlyList<Figure>> ComputeAsync(DateTimeOffset now, long? ledgerSize, CancellationToken ct)
    {
        var events = Events(ledgerSize);
        var regions = await db.Regions.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Code, ct);
        var admitted = Admitted(events);
        var figures = new List<Figure>();

        figures.AddRange((await admitted.GroupBy(p => p.RegionId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .Select(g => new Figure(Indicators.PilotsByRegion, regions[g.Key], g.Count)));
        figures.AddRange((await admitted.GroupBy(p => p.CallId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .Select(g => new Figure(Indicators.PilotsByBatch, g.Key.ToString(), g.Count)));
        figures.AddRange((await db.Calls.AsNoTracking().Where(c => c.Status == CallStatus.Published && c.OpensAt <= now && c.ClosesAt > now)
                .GroupBy(c => c.RegionId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .Select(g => new Figure(Indicators.CallsOpenByRegion, regions[g.Key], g.Count)));
        figures.AddRange(await MedianDaysAsync(events, regions, ct));
        figures.AddRange((await admitted.GroupBy(p => p.Category).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .Select(g => new Figure(Indicators.PilotsByCategory, g.Key.ToString(), g.Count)));
        figures.AddRange((await TagCountsAsync(admitted, RegisterTagKind.Technology, ct)).Select(g => new Figure(Indicators.PilotsByTechnology, g.Code, g.Count)));
        figures.AddRange(await StagesAsync(events, ct));
        figures.AddRange(await FunnelAsync(events, ct));
        figures.AddRange((await db.ExitCases.AsNoTracking()
                .Where(c => c.Tier != null && db.RegisterPilots.Any(p => p.ProjectId == c.ProjectId)
                    && events.Any(e => e.ProjectId == c.ProjectId && e.Kind == PublicEventKind.TierAssigned))
                .GroupBy(c => c.Tier).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .Select(g => new Figure(Indicators.ExitedByTier, g.Key.ToString()!, g.Count)));
        figures.Add(new Figure(Indicators.LeadInstitutions, StatisticsFormulas.TotalKey, await admitted.Select(p => p.LeadOrganisationId).Distinct().CountAsync(ct)));
        figures.AddRange((await TagCountsAsync(admitted, RegisterTagKind.Scenario, ct)).Select(g => new Figure(Indicators.PilotsByScenario, g.Code, g.Count)));
        figures.AddRange((await TagCountsAsync(admitted, RegisterTagKind.LeadType, ct))
            .Select(g => new Figure(Indicators.PilotsByLeadType, Enum.TryParse<OrganisationType>(g.Code, ignoreCase: true, out var type) ? type.ToString() : g.Code, g.Count)));
        figures.AddRange(PilotIndex.Compute(await IndexInputsAsync(events, admitted, regions, now, ct)));
        return StatisticsFormulas.Canonical(figures);
    }

    private async Task<IReadOnlyList<(string Code, int Count)>> TagCountsAsync(IQueryable<RegisterPilot> admitted, RegisterTagKind kind, CancellationToken ct) =>
        [.. (await db.RegisterPilotTags.AsNoTracking()
                .Where(t => t.Kind == kind && admitted.Any(p => p.Id == t.PilotId))
                .GroupBy(t => t.Code).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .Select(g => (g.Key, g.Count))];

    /// <summary>What the pilot index reads per region, each part counted with GROUP BY in SQL.</summary>
    private async Task<IReadOnlyList<PilotIndexInput>> IndexInputsAsync(
        IQueryable<PublicEventRecord> events, IQueryable<RegisterPilot> admitted, Dictionary<int, string> regions, DateTimeOffset now, CancellationToken ct)
    {
        var from = now - PilotIndex.Period;
        var counts = await admitted.GroupBy(p => p.RegionId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var recent = await admitted.Where(p => events.Any(e => e.ProjectId == p.ProjectId && e.Kind == PublicEventKind.Admitted && e.At > from))
            .GroupBy(p => p.RegionId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var troubled = await admitted.Where(p =>
                events.Any(e => e.ProjectId == p.ProjectId && (e.Kind == PublicEventKind.Suspended || e.Kind == PublicEventKind.Termination))
                || events.Count(e => e.ProjectId == p.ProjectId && e.Kind == PublicEventKind.CorrectionOrdered)
                    > events.Count(e => e.ProjectId == p.ProjectId && e.Kind == PublicEventKind.CorrectionClosed))
            .GroupBy(p => p.RegionId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var technologies = (await (from t in db.RegisterPilotTags.AsNoTracking()
                                   join p in admitted on t.PilotId equals p.Id
                                   where t.Kind == RegisterTagKind.Technology
                                   select new { p.RegionId, t.Code }).Distinct().ToListAsync(ct))
            .ToLookup(t => t.RegionId, t => t.Code);
        var tiers = (await (from c in db.ExitCases.AsNoTracking()
                            join p in db.RegisterPilots.AsNoTracking() on c.ProjectId equals p.ProjectId
                            where c.Tier != null && events.Any(e => e.ProjectId == c.ProjectId && e.Kind == PublicEventKind.TierAssigned)
                            group c by new { p.RegionId, c.Tier } into g
                            select new { g.Key.RegionId, g.Key.Tier, Count = g.Count() }).ToListAsync(ct))
            .ToLookup(t => t.RegionId, t => t);
        return [.. counts.Select(c => new PilotIndexInput(
            regions[c.Key], c.Value, recent.GetValueOrDefault(c.Key), [.. technologies[c.Key]], troubled.GetValueOrDefault(c.Key),
            [.. tiers[c.Key].SelectMany(t => Enumerable.Repeat(t.Tier.ToString()!, t.Count))]))];
    }

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

    /// <summary>The register's entries admitted at least once (入箱): the pilots.</summary>
    private IQueryable<RegisterPilot> Admitted(IQueryable<PublicEventRecord> events) =>
        db.RegisterPilots.AsNoTracking().Where(p => events.Any(e => e.ProjectId == p.ProjectId && e.Kind == PublicEventKind.Admitted));

    private async Task<IEnumerable<Figure>> MedianDaysAsync(IQueryable<PublicEventRecord> events, Dictionary<int, string> regions, CancellationToken ct)
    {
        // The first admission per project, grouped in SQL and joined to its register row and call there (no
        // list of ids sent back: at 10,000 pilots that IN list was most of the page's time); the median itself needs the values.
        var firsts = events
            .Where(e => e.Kind == PublicEventKind.Admitted)
            .GroupBy(e => e.ProjectId).Select(g => new { ProjectId = g.Key, At = g.Min(e => e.At) });
        var rows = await (
            from f in firsts
            join p in db.RegisterPilots.AsNoTracking() on f.ProjectId equals p.ProjectId
            join c in db.Calls.AsNoTracking() on p.CallId equals c.Id
            select new { p.ProjectId, p.RegionId, p.CallId, c.ClosesAt, f.At }).ToListAsync(ct);
        return StatisticsFormulas.MedianDays(rows.Select(p => new PublicPilotFact(
            p.ProjectId, regions[p.RegionId], p.CallId, p.ClosesAt, default, [], string.Empty, [new PublicEventFact(PublicEventKind.Admitted, p.At)])));
    }

    /// <summary>
    /// Each register entry's latest lifecycle event, counted per stage: for each lifecycle kind, the
    /// entries whose event of that kind has no later lifecycle event (nor, at the same instant, one
    /// of higher precedence).
    /// </summary>
    private async Task<IEnumerable<Figure>> StagesAsync(IQueryable<PublicEventRecord> events, CancellationToken ct)
    {
        var lifecycle = PublicStages.Lifecycle.ToList();
        var counts = new Dictionary<PublicStage, int>();
        foreach (var kind in lifecycle)
        {
            var higher = lifecycle.Skip(PublicStages.Precedence(kind) + 1).ToList();
            var count = await events
                .Where(e => e.Kind == kind && db.RegisterPilots.Any(p => p.ProjectId == e.ProjectId))
                .Where(e => !events.Any(l => l.ProjectId == e.ProjectId && lifecycle.Contains(l.Kind)
                    && (l.At > e.At || (l.At == e.At && higher.Contains(l.Kind)))))
                .Select(e => e.ProjectId).Distinct().CountAsync(ct);
            if (count > 0)
            {
                var stage = PublicStages.Of(kind);
                counts[stage] = counts.GetValueOrDefault(stage) + count;
            }
        }

        return counts.Select(c => new Figure(Indicators.RegisterByStage, c.Key.ToString(), c.Value));
    }

    private async Task<IEnumerable<Figure>> FunnelAsync(IQueryable<PublicEventRecord> events, CancellationToken ct)
    {
        var register = db.RegisterPilots.AsNoTracking();
        var noticed = await register.CountAsync(p => events.Any(e => e.ProjectId == p.ProjectId && e.Kind == PublicEventKind.NoticePublished), ct);
        var admitted = await Admitted(events).CountAsync(ct);
        var exited = await register.CountAsync(
            p => events.Any(e => e.ProjectId == p.ProjectId && (e.Kind == PublicEventKind.Exit || e.Kind == PublicEventKind.Termination)), ct);
        return [
            new(Indicators.PublicFunnel, FunnelStep.Noticed.ToString(), noticed),
            new(Indicators.PublicFunnel, FunnelStep.Admitted.ToString(), admitted),
            new(Indicators.PublicFunnel, FunnelStep.Exited.ToString(), exited),
        ];
    }
}
