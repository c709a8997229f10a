using ClosedXML.Excel;
using FinPilot.Domain.Common;
using FinPilot.Domain.Exit;
using FinPilot.Domain.Projects;
using FinPilot.Domain.Scenarios;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Identity;
using FinPilot.Web.Http;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Scenarios;

/// <summary>Which scenarios the funnel counts: a region, one scenario, published within [From, To).</summary>
public sealed record FunnelFilter
{
    public int? RegionId { get; init; }

    public Guid? ScenarioId { get; init; }

    public DateTimeOffset? From { get; init; }

    public DateTimeOffset? To { get; init; }

    public int? Page { get; init; }

    public int? PageSize { get; init; }
}

/// <summary>
/// One stage count of the funnel: published scenarios → solutions offered in answer → expressions of
/// interest → matches (both consented) → joint applications → admitted (the pilot reached running) →
/// exits by tier; between matches and applications, the matches whose solution registered at a
/// roadshow (路演报名), presented at one whose results were released (路演展示), and were coached (培育辅导).
/// </summary>
public sealed record FunnelCounts(
    int Published, int Offers, int Interest, int Matches, int Applied, int Admitted, int Exemplary, int Good, int Qualified, int Failed,
    int Roadshow = 0, int Presented = 0, int Coached = 0);

public sealed record FunnelRow(Guid ScenarioId, string Title, int RegionId, DateTimeOffset? PublishedAt, FunnelCounts Counts);

public sealed record FunnelReport(FunnelCounts Totals, Page<FunnelRow> Scenarios);

/// <summary>
/// The matching funnel (对接漏斗) per scenario, region and period, counted in SQL. The working group
/// reads its own region's; national oversight (coordination group, integrity officers, admins) reads
/// every region's; nobody else reads it.
/// </summary>
public sealed class ScenarioFunnel(FinPilotDbContext db, CurrentUser current)
{
    public const int MaxExportRows = 5000;

    private static readonly ProjectStage[] AdmittedStages =
        [ProjectStage.Running, ProjectStage.Rectifying, ProjectStage.Suspended, ProjectStage.Exiting, ProjectStage.Exited];

    /// <summary>A filter from a page's or the API's query: days (yyyy-MM-dd) in Beijing time, "to" inclusive.</summary>
    public static FunnelFilter Filter(int? regionId, string? from, string? to, int? page, int? pageSize = null, Guid? scenarioId = null) => new()
    {
        RegionId = regionId,
        ScenarioId = scenarioId,
        From = Day(from),
        To = Day(to)?.AddDays(1),
        Page = page,
        PageSize = pageSize,
    };

    private static DateTimeOffset? Day(string? value)
    {
        if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day))
        {
            return null;
        }

        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Domain.Calendar.ChinaTime.Zone.GetUtcOffset(local));
    }

    /// <summary>The regions the caller may read the funnel of; null for every region, empty for none.</summary>
    public async Task<IReadOnlyList<int>?> RegionsAsync(CancellationToken ct = default)
    {
        var grants = await current.GrantsAsync(ct);
        if (ScenarioAccess.SeesAll(grants))
        {
            return null;
        }

        return ScenarioViewer.From(current.IsAuthenticated, grants).RegionIds;
    }

    public async Task<Result<FunnelReport>> ReportAsync(FunnelFilter filter, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var scoped = await ScopeAsync(filter, ct);
        if (!scoped.Succeeded)
        {
            return Result<FunnelReport>.Fail([.. scoped.Errors]);
        }

        var scenarios = scoped.Value;
        var ids = scenarios.Select(s => s.Id);
        var matches = db.ScenarioMatches.AsNoTracking().Where(m => ids.Contains(m.ScenarioId));
        var matched = matches.Where(m => m.Status == MatchStatus.Matched);
        var projects = matches.Where(m => m.ProjectId != null).Select(m => m.ProjectId!.Value);
        var exits = db.ExitCases.AsNoTracking().Where(e => projects.Contains(e.ProjectId));
        var totals = new FunnelCounts(
            await scenarios.CountAsync(ct),
            await db.Solutions.AsNoTracking().CountAsync(x => x.ScenarioId != null && x.PublishedAt != null && ids.Contains(x.ScenarioId.Value), ct),
            await matches.CountAsync(ct),
            await matches.CountAsync(m => m.Status == MatchStatus.Matched, ct),
            await projects.CountAsync(ct),
            await db.Projects.AsNoTracking().CountAsync(p => projects.Contains(p.Id) && AdmittedStages.Contains(p.Stage), ct),
            await exits.CountAsync(e => e.Tier == ExitTier.Exemplary, ct),
            await exits.CountAsync(e => e.Tier == ExitTier.Good, ct),
            await exits.CountAsync(e => e.Tier == ExitTier.Qualified, ct),
            await exits.CountAsync(e => e.Tier == ExitTier.Failed, ct),
            await matched.CountAsync(m => db.Roadshows.Any(r => r.Registrations.Any(g => g.SolutionId == m.SolutionId && g.Seat != RoadshowSeat.Withdrawn)), ct),
            await matched.CountAsync(m => db.Roadshows.Any(r => r.ReleasedAt != null && r.Registrations.Any(g => g.SolutionId == m.SolutionId && g.Seat == RoadshowSeat.Confirmed)), ct),
            await matched.CountAsync(m => db.CoachingAssignments.Any(c => c.MatchId == m.Id), ct));

        var (number, size) = Page<FunnelRow>.Normalise(filter.Page, filter.PageSize);
        var rows = await RowsAsync(scenarios.OrderByDescending(s => s.PublishedAt).ThenBy(s => s.Id).Skip((number - 1) * size).Take(size), ct);
        return new FunnelReport(totals, new Page<FunnelRow>(rows, number, size, totals.Published));
    }

    /// <summary>The funnel as a workbook: the totals, then one row per scenario (at most <see cref="MaxExportRows"/>).</summary>
    public async Task<Result<byte[]>> ExportAsync(FunnelFilter filter, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var report = await ReportAsync(filter with { Page = 1, PageSize = 1 }, ct);
        if (!report.Succeeded)
        {
            return Result<byte[]>.Fail([.. report.Errors]);
        }

        var scenarios = (await ScopeAsync(filter, ct)).ValueOrThrow();
        var rows = await RowsAsync(scenarios.OrderByDescending(s => s.PublishedAt).ThenBy(s => s.Id).Take(MaxExportRows), ct);
        var regions = await db.Regions.AsNoTracking().ToDictionaryAsync(r => r.Id, ct);
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet(ScenariosStrings.Funnel_Sheet);
        string[] headers =
        [
            ScenariosStrings.Field_Title, ScenariosStrings.Field_Region, ScenariosStrings.Funnel_PublishedAt, ScenariosStrings.Funnel_Published,
            ScenariosStrings.Funnel_Offers, ScenariosStrings.Funnel_Interest, ScenariosStrings.Funnel_Matches, ScenariosStrings.Funnel_Roadshow,
            ScenariosStrings.Funnel_Presented, ScenariosStrings.Funnel_Coached, ScenariosStrings.Funnel_Applied,
            ScenariosStrings.Funnel_Admitted, ScenariosStrings.Funnel_Exemplary, ScenariosStrings.Funnel_Good, ScenariosStrings.Funnel_Qualified, ScenariosStrings.Funnel_Failed,
        ];
        for (var c = 0; c < headers.Length; c++)
        {
            sheet.Cell(1, c + 1).Value = headers[c];
        }

        sheet.Row(1).Style.Font.Bold = true;
        Write(sheet, 2, ScenariosStrings.Funnel_Total, string.Empty, string.Empty, report.Value.Totals);
        sheet.Row(2).Style.Font.Bold = true;
        var r = 3;
        foreach (var row in rows)
        {
            var region = regions.TryGetValue(row.RegionId, out var found) ? Components.Shared.Names.Of(found) : string.Empty;
            var at = row.PublishedAt is { } p ? Domain.Calendar.ChinaTime.Format(p) : string.Empty;
            Write(sheet, r++, row.Title, region, at, row.Counts);
        }

        // Widths are set, not measured: measuring text needs System.Drawing, which Linux hosts lack.
        sheet.Column(1).Width = 40;
        for (var c = 2; c <= headers.Length; c++)
        {
            sheet.Column(c).Width = Math.Clamp(headers[c - 1].Length * 2 + 4, 10, 30);
        }
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    private static void Write(IXLWorksheet sheet, int row, string title, string region, string at, FunnelCounts c)
    {
        sheet.Cell(row, 1).Value = title;
        sheet.Cell(row, 2).Value = region;
        sheet.Cell(row, 3).Value = at;
        int[] counts = [c.Published, c.Offers, c.Interest, c.Matches, c.Roadshow, c.Presented, c.Coached, c.Applied, c.Admitted, c.Exemplary, c.Good, c.Qualified, c.Failed];
        for (var i = 0; i < counts.Length; i++)
        {
            sheet.Cell(row, 4 + i).Value = counts[i];
        }
    }

    private async Task<Result<IQueryable<Scenario>>> ScopeAsync(FunnelFilter filter, CancellationToken ct)
    {
        var allowed = await RegionsAsync(ct);
        if (allowed is { Count: 0 } || (allowed is not null && filter.RegionId is { } asked && !allowed.Contains(asked)))
        {
            return Problems.Forbidden;
        }

        var query = db.Scenarios.AsNoTracking().Where(s => s.PublishedAt != null);
        if (allowed is not null)
        {
            var regions = allowed.ToList();
            query = query.Where(s => regions.Contains(s.RegionId));
        }

        if (filter.RegionId is { } region)
        {
            query = query.Where(s => s.RegionId == region);
        }

        if (filter.ScenarioId is { } scenario)
        {
            query = query.Where(s => s.Id == scenario);
        }

        if (filter.From is { } from)
        {
            query = query.Where(s => s.PublishedAt >= from);
        }

        if (filter.To is { } to)
        {
            query = query.Where(s => s.PublishedAt < to);
        }

        return Result<IQueryable<Scenario>>.Ok(query);
    }

    private async Task<IReadOnlyList<FunnelRow>> RowsAsync(IQueryable<Scenario> scenarios, CancellationToken ct)
    {
        var rows = await scenarios.Select(s => new
        {
            s.Id,
            s.Title,
            s.RegionId,
            s.PublishedAt,
            Offers = db.Solutions.Count(x => x.ScenarioId == s.Id && x.PublishedAt != null),
            Interest = db.ScenarioMatches.Count(m => m.ScenarioId == s.Id),
            Matches = db.ScenarioMatches.Count(m => m.ScenarioId == s.Id && m.Status == MatchStatus.Matched),
            Applied = db.ScenarioMatches.Count(m => m.ScenarioId == s.Id && m.ProjectId != null),
            Roadshow = db.ScenarioMatches.Count(m => m.ScenarioId == s.Id && m.Status == MatchStatus.Matched
                && db.Roadshows.Any(r => r.Registrations.Any(g => g.SolutionId == m.SolutionId && g.Seat != RoadshowSeat.Withdrawn))),
            Presented = db.ScenarioMatches.Count(m => m.ScenarioId == s.Id && m.Status == MatchStatus.Matched
                && db.Roadshows.Any(r => r.ReleasedAt != null && r.Registrations.Any(g => g.SolutionId == m.SolutionId && g.Seat == RoadshowSeat.Confirmed))),
            Coached = db.ScenarioMatches.Count(m => m.ScenarioId == s.Id && m.Status == MatchStatus.Matched && db.CoachingAssignments.Any(c => c.MatchId == m.Id)),
            Admitted = db.Projects.Count(p => AdmittedStages.Contains(p.Stage) && db.ScenarioMatches.Any(m => m.ScenarioId == s.Id && m.ProjectId == p.Id)),
            Exemplary = db.ExitCases.Count(e => e.Tier == ExitTier.Exemplary && db.ScenarioMatches.Any(m => m.ScenarioId == s.Id && m.ProjectId == e.ProjectId)),
            Good = db.ExitCases.Count(e => e.Tier == ExitTier.Good && db.ScenarioMatches.Any(m => m.ScenarioId == s.Id && m.ProjectId == e.ProjectId)),
            Qualified = db.ExitCases.Count(e => e.Tier == ExitTier.Qualified && db.ScenarioMatches.Any(m => m.ScenarioId == s.Id && m.ProjectId == e.ProjectId)),
            Failed = db.ExitCases.Count(e => e.Tier == ExitTier.Failed && db.ScenarioMatches.Any(m => m.ScenarioId == s.Id && m.ProjectId == e.ProjectId)),
        }).ToListAsync(ct);
        return [.. rows.Select(x => new FunnelRow(x.Id, x.Title, x.RegionId, x.PublishedAt,
            new FunnelCounts(1, x.Offers, x.Interest, x.Matches, x.Applied, x.Admitted, x.Exemplary, x.Good, x.Qualified, x.Failed, x.Roadshow, x.Presented, x.Coached)))];
    }
}
