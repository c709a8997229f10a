using System.Globalization;
using FinPilot.Domain.Exit;
using FinPilot.Domain.Organisations;
using FinPilot.Domain.Projects;
using FinPilot.Domain.Statistics;
using FinPilot.Web.Components.Shared;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Applications;
using FinPilot.Web.Features.Calls.Pages;
using FinPilot.Web.Features.Disclosure;
using FinPilot.Web.Features.Disclosure.Pages;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Statistics;

/// <summary>What a person reads for an indicator and for a figure's key, in the current UI language: never a code.</summary>
public static class IndicatorTexts
{
    public static string Name(Indicator indicator) => Text(indicator.ResourceKey + "_Name");

    public static string Definition(Indicator indicator) => Text(indicator.ResourceKey + "_Definition");

    public static string Formula(Indicator indicator) => Text(indicator.ResourceKey + "_Formula");

    public static string Of(IndicatorBlock block) => Text("Block_" + block);

    public static string Of(IndicatorUnit unit) => Text("Unit_" + unit);

    public static string Of(PublicStage stage) => Text("Stage_" + stage);

    public static string Of(FunnelStep step) => Text("Funnel_" + step);

    public static string Revision(IndicatorRevision revision) => PilotNames.Format(
        StatisticsStrings.Catalogue_RevisionLine, revision.Number, revision.Effective.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Text(revision.NoteKey));

    /// <summary>A figure's value as shown: whole numbers without decimals.</summary>
    public static string Value(decimal value) => value.ToString(value == decimal.Truncate(value) ? "0" : "0.0", CultureInfo.InvariantCulture);

    public static string Text(string key) => StatisticsStrings.ResourceManager.GetString(key, CultureInfo.CurrentUICulture) ?? key;
}

/// <summary>Names the keys of figures (regions, calls, categories, technologies, stages) with a few small reads.</summary>
public sealed class StatisticsLabels(FinPilotDbContext db)
{
    public async Task<Func<Indicator, string, string>> ForAsync(IEnumerable<Figure> figures, CancellationToken ct = default)
    {
        var regionRows = await db.Regions.AsNoTracking().Select(r => new { r.Id, r.Code, r.NameZh, r.NameEn }).ToListAsync(ct);
        var regions = regionRows.ToDictionary(r => r.Code, r => new BilingualName(r.Code, r.NameZh, r.NameEn));
        var regionById = regionRows.ToDictionary(r => r.Id, r => regions[r.Code]);
        var callIds = figures.Where(f => f.Indicator == Indicators.PilotsByBatch).Select(f => Guid.TryParse(f.Key, out var id) ? id : Guid.Empty).ToList();
        var calls = await db.Calls.AsNoTracking().Where(c => callIds.Contains(c.Id)).Select(c => new { c.Id, c.RegionId, c.BatchNumber, c.Title }).ToListAsync(ct);
        var batches = calls.ToDictionary(
            c => c.Id.ToString(),
            c => PilotNames.Batch(regionById.GetValueOrDefault(c.RegionId) ?? new BilingualName(string.Empty, string.Empty, string.Empty), new RegisterBatch(c.Id, c.BatchNumber, c.Title)));
        var reference = await db.ReferenceItems.AsNoTracking().Where(r => r.Kind == ReferenceKind.Technology || r.Kind == ReferenceKind.Scenario)
            .Select(r => new { r.Kind, r.Code, r.NameZh, r.NameEn }).ToListAsync(ct);
        var technologyNames = ReferenceNames(reference.Where(r => r.Kind == ReferenceKind.Technology).Select(r => (r.Code, r.NameZh, r.NameEn)));
        var scenarioNames = ReferenceNames(reference.Where(r => r.Kind == ReferenceKind.Scenario).Select(r => (r.Code, r.NameZh, r.NameEn)));

        return (indicator, key) =>
            key == StatisticsFormulas.TotalKey ? StatisticsStrings.Key_Total
            : indicator.Dimension switch
            {
                StatisticsDimension.Region => regions.TryGetValue(key, out var region) ? region.Name : key,
                StatisticsDimension.Batch => batches.GetValueOrDefault(key) ?? key,
                StatisticsDimension.Category => Enum.TryParse<ProjectCategory>(key, out var category) ? PilotNames.Of(category) : key,
                StatisticsDimension.Technology => technologyNames.GetValueOrDefault(key) ?? key,
                StatisticsDimension.Scenario => scenarioNames.GetValueOrDefault(key) ?? key,
                StatisticsDimension.InstitutionType => Enum.TryParse<OrganisationType>(key, out var type) ? Names.Of(type) : key,
                StatisticsDimension.IndexComponent => ComponentLabel(key, code => regions.TryGetValue(code, out var region) ? region.Name : code),
                StatisticsDimension.Stage => Enum.TryParse<PublicStage>(key, out var stage) ? IndicatorTexts.Of(stage) : key,
                StatisticsDimension.FunnelStep => Enum.TryParse<FunnelStep>(key, out var step) ? IndicatorTexts.Of(step) : key,
                StatisticsDimension.Tier => Enum.TryParse<ExitTier>(key, out var tier) ? Exit.ExitTexts.Of(tier, CultureInfo.CurrentUICulture) : key,
                _ => key,
            };
    }

    /// <summary>"BJ:Activity" → "北京 · 活跃度".</summary>
    private static string ComponentLabel(string key, Func<string, string> region)
    {
        var parts = key.Split(':', 2);
        return parts.Length == 2 && Enum.TryParse<IndexComponent>(parts[1], out var component)
            ? $"{region(parts[0])} · {ComponentName(component)}"
            : key;
    }

    private static string ComponentName(IndexComponent component) => IndicatorTexts.Text("IndexComponent_" + component);

    private static Dictionary<string, string> ReferenceNames(IEnumerable<(string Code, string NameZh, string NameEn)> items) =>
        items.GroupBy(t => t.Code.ToLowerInvariant()).ToDictionary(g => g.Key, g => new BilingualName(g.Key, g.First().NameZh, g.First().NameEn).Name);
}
