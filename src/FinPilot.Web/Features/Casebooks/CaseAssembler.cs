using System.Globalization;
using FinPilot.Domain.Casebooks;
using FinPilot.Domain.Disclosure;
using FinPilot.Domain.Exit;
using FinPilot.Domain.Supervision;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Applications;
using FinPilot.Web.Features.Disclosure;
using FinPilot.Web.Features.Exit;
using FinPilot.Web.Features.Ledger;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Casebooks;

/// <summary>
/// Assembles a casebook's cases from the record: the register's statement and public timeline
/// (<see cref="PilotRegister"/>), the exit and tier (<see cref="ExitQueries.SummaryAsync"/>), the
/// metric series and the working group's notes. A field the case's policy withholds is never read
/// into the model, so no page or file made from it can show it. Facts that come from a public
/// record carry that record's sequence, and its ledger index once logged.
/// </summary>
public sealed class CaseAssembler(FinPilotDbContext db, PilotRegister register, ExitQueries exits, LedgerReader ledger)
{
    private static readonly CultureInfo Zh = CultureInfo.GetCultureInfo("zh-CN");
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en");

    /// <summary>The public events that tell the supervision story.</summary>
    public static readonly IReadOnlySet<PublicEventKind> SupervisionKinds = new HashSet<PublicEventKind>
    {
        PublicEventKind.CorrectionOrdered, PublicEventKind.CorrectionClosed, PublicEventKind.PlanChanged, PublicEventKind.Suspended, PublicEventKind.Resumed,
    };

    /// <summary>The whole casebook as the public would read it; <paramref name="status"/> and the hashes come from the aggregate.</summary>
    public async Task<CasebookModel> AssembleAsync(Casebook casebook, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(casebook);
        var cases = new List<CaseModel>();
        foreach (var selected in casebook.Cases)
        {
            cases.Add(await AssembleCaseAsync(selected, ct));
        }

        var indexes = await ledger.IndexesOfAsync(cases.SelectMany(c => c.Sequences()), ct);
        BilingualText? region = null;
        if (casebook.RegionId is { } regionId)
        {
            var r = await db.Regions.AsNoTracking().Where(x => x.Id == regionId).Select(x => new { x.NameZh, x.NameEn }).SingleAsync(ct);
            region = new BilingualText(r.NameZh, r.NameEn);
        }

        return new CasebookModel
        {
            Id = casebook.Id,
            Scope = casebook.Scope,
            Region = region,
            Title = new BilingualText(casebook.TitleZh, casebook.TitleEn),
            Period = casebook.Period,
            Edition = casebook.Edition,
            Status = casebook.Status,
            PublishedAt = casebook.PublishedAt,
            PdfSha256 = casebook.PdfSha256,
            DocxSha256 = casebook.DocxSha256,
            Cases = [.. cases.Select(c => c.WithIndexes(indexes))],
        };
    }

    /// <summary>A model read back from its stored form gets the ledger indexes known now (records logged since publication).</summary>
    public async Task<CasebookModel> CiteAsync(CasebookModel model, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        var indexes = await ledger.IndexesOfAsync(model.Cases.SelectMany(c => c.Sequences()), ct);
        return model with { Cases = [.. model.Cases.Select(c => c.WithIndexes(indexes))] };
    }

    private async Task<CaseModel> AssembleCaseAsync(CasebookCase selected, CancellationToken ct)
    {
        var pilot = await register.GetAsync(selected.ProjectId, ct);
        var exit = await exits.SummaryAsync(selected.ProjectId, ct);
        var timeline = pilot?.Timeline ?? [];
        Citation? Latest(params PublicEventKind[] kinds) =>
            timeline.Where(e => kinds.Contains(e.Kind) && e.RecordSequence is not null).OrderByDescending(e => e.At).Select(e => new Citation(e.RecordSequence!.Value)).FirstOrDefault();

        var notice = Latest(PublicEventKind.NoticePublished, PublicEventKind.Admitted);
        var statement = pilot?.Pilot.Statement;
        var model = new CaseModel
        {
            ProjectId = selected.ProjectId,
            Name = statement?.Name ?? exit?.ProjectTitle ?? string.Empty,
            NameSource = notice,
            Published = selected.Published,
            LessonsZh = selected.LessonsZh,
            LessonsEn = selected.LessonsEn,
            PracticesZh = selected.PracticesZh,
            PracticesEn = selected.PracticesEn,
        };

        if (selected.Publishes(CaseField.Profile) && pilot is not null && statement is not null)
        {
            model = model with
            {
                Profile = new CaseProfile
                {
                    Lead = new BilingualText(statement.LeadName, pilot.Pilot.LeadNameEn),
                    Partners = statement.PartnerNames ?? [],
                    Category = new BilingualText(CategoryName(statement.Category, Zh), CategoryName(statement.Category, En)),
                    Region = new BilingualText(pilot.Pilot.Region.NameZh, pilot.Pilot.Region.NameEn),
                    Batch = pilot.Pilot.Batch.Number,
                    DurationMonths = statement.DurationMonths,
                    CustomerLimits = statement.CustomerLimits,
                    Source = notice,
                },
            };
        }

        if (selected.Publishes(CaseField.ScenarioTechnology) && pilot is not null)
        {
            model = model with
            {
                Scenarios = [.. pilot.Pilot.Scenarios.Select(s => new BilingualText(s.NameZh, s.NameEn))],
                Technologies = [.. pilot.Pilot.Technologies.Select(s => new BilingualText(s.NameZh, s.NameEn))],
                ScenarioSource = notice,
            };
        }

        var assessment = exit?.SelfAssessment;
        if (selected.Publishes(CaseField.Innovation))
        {
            model = model with { WhatIsTested = statement?.WhatIsTested, InnovationValue = Clean(assessment?.InnovationValue) };
        }

        if (selected.Publishes(CaseField.RegulatoryInsight))
        {
            model = model with { RegulatoryInsight = Clean(assessment?.RegulatoryInsight) };
        }

        if (selected.Publishes(CaseField.RiskControls))
        {
            model = model with { RiskControls = Clean(assessment?.RiskControl) };
        }

        if (selected.Publishes(CaseField.InvestorProtection))
        {
            model = model with { InvestorProtection = Clean(assessment?.InvestorProtection) };
        }

        if (selected.Publishes(CaseField.ExitAndTier) && exit is not null)
        {
            model = model with
            {
                Exit = new CaseExit
                {
                    Mode = new BilingualText(ExitTexts.Of(exit.Mode, ExitTexts.Chinese), ExitTexts.Of(exit.Mode, ExitTexts.English)),
                    Tier = exit.Tier is { } tier ? new BilingualText(ExitTexts.Of(tier, ExitTexts.Chinese), ExitTexts.Of(tier, ExitTexts.English)) : new BilingualText(string.Empty, null),
                    ExitedAt = exit.ExitedAt,
                    ExitSource = Latest(PublicEventKind.Exit),
                    TierSource = Latest(PublicEventKind.TierAssigned),
                },
            };
        }

        if (selected.Publishes(CaseField.SupervisionEvents))
        {
            model = model with
            {
                SupervisionEvents = [.. timeline.Where(e => SupervisionKinds.Contains(e.Kind)).OrderBy(e => e.At).ThenBy(e => e.Id)
                    .Select(e => new CaseEvent(e.At, new BilingualText(e.TitleZh, e.TitleEn), e.RecordSequence is { } s ? new Citation(s) : null))],
            };
        }

        if (selected.Publishes(CaseField.ExpertScores))
        {
            model = model with { ExpertScore = exit?.ReviewSummary?.Overall };
        }

        if (selected.Publishes(CaseField.MetricValues) || selected.Publishes(CaseField.CustomerNumbers) || selected.Publishes(CaseField.ComplaintCounts))
        {
            var metrics = await MetricsAsync(selected.ProjectId, ct);
            model = model with
            {
                Metrics = selected.Publishes(CaseField.MetricValues)
                    ? [.. metrics.Where(m => m.Code is not (MetricCodes.Customers or MetricCodes.Complaints or MetricCodes.ComplaintsResolved))]
                    : null,
                Customers = selected.Publishes(CaseField.CustomerNumbers) ? metrics.FirstOrDefault(m => m.Code == MetricCodes.Customers) : null,
                Complaints = selected.Publishes(CaseField.ComplaintCounts)
                    ? [.. metrics.Where(m => m.Code is MetricCodes.Complaints or MetricCodes.ComplaintsResolved)]
                    : null,
            };
        }

        if (selected.Publishes(CaseField.InternalNotes))
        {
            // The exit module's summary leaves the working group's notes out; read just them.
            var notes = await db.ExitCases.AsNoTracking().Where(c => c.ProjectId == selected.ProjectId)
                .Select(c => new { c.AuditNote, c.ForwardNote }).SingleOrDefaultAsync(ct);
            model = model with { InternalNotes = [.. new[] { notes?.AuditNote, notes?.ForwardNote }.Select(Clean).OfType<string>()] };
        }

        return model;
    }

    private async Task<IReadOnlyList<CaseMetric>> MetricsAsync(Guid projectId, CancellationToken ct)
    {
        var samples = await db.MetricSamples.AsNoTracking().Where(s => s.ProjectId == projectId)
            .Select(s => new { s.MetricCode, s.PeriodEnd, s.Value }).ToListAsync(ct);
        var plan = await db.SupervisionPlans.AsNoTracking().SingleOrDefaultAsync(p => p.ProjectId == projectId, ct);
        var definitions = (plan?.Terms.Metrics ?? []).ToDictionary(m => m.Code, StringComparer.Ordinal);
        return [.. samples.GroupBy(s => s.MetricCode).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var ordered = g.OrderBy(s => s.PeriodEnd).ToList();
            var series = ordered.Select(s => (decimal)s.Value).ToList();
            var definition = definitions.GetValueOrDefault(g.Key);
            var name = definition is null ? new BilingualText(g.Key, null) : new BilingualText(definition.NameIn(false), definition.NameIn(true));
            return new CaseMetric(g.Key, name, definition?.Unit ?? string.Empty, series[^1], series.Min(), series.Max(), series)
            {
                Periods = [.. ordered.Select(s => s.PeriodEnd.ToString("yyyy-MM", CultureInfo.InvariantCulture))],
            };
        })];
    }

    private static string CategoryName(Domain.Projects.ProjectCategory category, CultureInfo culture) =>
        ApplicationsStrings.ResourceManager.GetString("Category_" + category, culture) ?? string.Empty;

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
