using System.Globalization;
using System.Text;
using FinPilot.Domain.Calendar;

namespace FinPilot.Web.Features.Casebooks;

public enum TextBlockKind
{
    Title,
    Subtitle,
    CaseHeading,
    Heading,
    Paragraph,
    Note,

    /// <summary>A small line chart of one metric series (<see cref="TextBlock.Metric"/>); the text is its caption.</summary>
    Chart,
}

/// <summary>One block of a casebook file: a heading, a paragraph, or a chart with its caption.</summary>
public sealed record TextBlock(TextBlockKind Kind, string Text)
{
    /// <summary>The series a <see cref="TextBlockKind.Chart"/> block draws.</summary>
    public CaseMetric? Metric { get; init; }
}

/// <summary>
/// The text of the casebook files, in Chinese (the official language of the record; English titles
/// and editorial text follow where the working group wrote them), block by block from the public
/// model: the PDF and the DOCX lay out the same blocks, so they say the same thing.
/// </summary>
public static class CasebookText
{
    public static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");

    /// <summary>Whether the reader's language is English (Chinese is the default).</summary>
    public static bool English => !CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal);

    public static string Label(string key, CultureInfo? culture = null) =>
        CasebooksStrings.ResourceManager.GetString(key, culture ?? CultureInfo.CurrentUICulture) ?? throw new InvalidOperationException($"No text {key} in CasebooksStrings.");

    public static string Format(string key, CultureInfo culture, params object?[] args) =>
        string.Format(culture, CompositeFormat.Parse(Label(key, culture)), args);

    /// <summary>账本第 N 条, or that the record waits to be logged.</summary>
    public static string Cite(Citation? source, CultureInfo culture) =>
        source is null ? string.Empty
        : source.LedgerIndex is { } index ? Format("Citation", culture, index)
        : Label("Citation_Pending", culture);

    /// <summary>At most this many charts per case (the key metrics, in the model's order: customers, the plan's metrics, complaints).</summary>
    public const int MaxCharts = 8;

    public static IEnumerable<TextBlock> Blocks(CasebookModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var zh = Chinese;
        yield return new TextBlock(TextBlockKind.Title, model.Title.Zh);
        if (!string.IsNullOrWhiteSpace(model.Title.En))
        {
            yield return new TextBlock(TextBlockKind.Subtitle, model.Title.En);
        }

        var scope = model.Region is { } region ? region.Zh : Label("Scope_National", zh);
        yield return new TextBlock(TextBlockKind.Subtitle, Format("File_Subtitle", zh, scope, model.Period, model.Edition,
            model.PublishedAt is { } at ? ChinaTime.DateOf(at).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : Label("Status_Draft", zh)));
        yield return new TextBlock(TextBlockKind.Note, Label("File_Provenance", zh));
        var number = 0;
        foreach (var c in model.Cases)
        {
            number++;
            foreach (var block in CaseBlocks(c, number))
            {
                yield return block;
            }
        }
    }

    private static IEnumerable<TextBlock> CaseBlocks(CaseModel c, int number)
    {
        var zh = Chinese;
        yield return new TextBlock(TextBlockKind.CaseHeading, Format("File_Case", zh, number, c.Name));
        if (c.NameSource is not null)
        {
            yield return new TextBlock(TextBlockKind.Note, Cite(c.NameSource, zh));
        }

        if (c.Profile is { } p)
        {
            yield return new TextBlock(TextBlockKind.Heading, Label("Field_Profile", zh));
            var lines = new List<string>
            {
                $"{Label("Profile_Lead", zh)}：{p.Lead.Zh}",
                $"{Label("Profile_Region", zh)}：{p.Region.Zh}" + (p.Batch is { } b ? "，" + Format("Profile_Batch", zh, b) : string.Empty),
                $"{Label("Profile_Category", zh)}：{p.Category.Zh}",
                $"{Label("Profile_Duration", zh)}：{Format("Profile_Months", zh, p.DurationMonths)}",
                $"{Label("Profile_CustomerLimits", zh)}：{p.CustomerLimits}",
            };
            if (p.Partners.Count > 0)
            {
                lines.Insert(1, $"{Label("Profile_Partners", zh)}：{string.Join("、", p.Partners)}");
            }

            foreach (var line in lines)
            {
                yield return new TextBlock(TextBlockKind.Paragraph, line);
            }

            yield return new TextBlock(TextBlockKind.Note, Cite(p.Source, zh));
        }

        if (c.Scenarios is not null || c.Technologies is not null)
        {
            yield return new TextBlock(TextBlockKind.Heading, Label("Field_ScenarioTechnology", zh));
            yield return new TextBlock(TextBlockKind.Paragraph, $"{Label("Scenarios", zh)}：{string.Join("、", (c.Scenarios ?? []).Select(s => s.Zh))}");
            yield return new TextBlock(TextBlockKind.Paragraph, $"{Label("Technologies", zh)}：{string.Join("、", (c.Technologies ?? []).Select(s => s.Zh))}");
            yield return new TextBlock(TextBlockKind.Note, Cite(c.ScenarioSource, zh));
        }

        if (c.WhatIsTested is not null || c.InnovationValue is not null)
        {
            yield return new TextBlock(TextBlockKind.Heading, Label("Field_Innovation", zh));
            if (c.WhatIsTested is not null)
            {
                yield return new TextBlock(TextBlockKind.Paragraph, $"{Label("WhatIsTested", zh)}：{c.WhatIsTested}");
                yield return new TextBlock(TextBlockKind.Note, Cite(c.NameSource, zh));
            }

            if (c.InnovationValue is not null)
            {
                yield return new TextBlock(TextBlockKind.Paragraph, c.InnovationValue);
            }
        }

        foreach (var (key, text) in new[] { ("Field_RegulatoryInsight", c.RegulatoryInsight), ("Field_RiskControls", c.RiskControls), ("Field_InvestorProtection", c.InvestorProtection) })
        {
            if (text is not null)
            {
                yield return new TextBlock(TextBlockKind.Heading, Label(key, zh));
                yield return new TextBlock(TextBlockKind.Paragraph, text);
            }
        }

        if (c.SupervisionEvents is { } events)
        {
            yield return new TextBlock(TextBlockKind.Heading, Label("Field_SupervisionEvents", zh));
            if (events.Count == 0)
            {
                yield return new TextBlock(TextBlockKind.Paragraph, Label("SupervisionEvents_None", zh));
            }

            foreach (var e in events)
            {
                yield return new TextBlock(TextBlockKind.Paragraph, $"{ChinaTime.DateOf(e.At):yyyy-MM-dd} {e.Title.Zh}（{Cite(e.Source, zh)}）");
            }
        }

        var metrics = (c.Customers is null ? [] : new[] { c.Customers }).Concat(c.Metrics ?? []).Concat(c.Complaints ?? []).ToList();
        if (metrics.Count > 0)
        {
            yield return new TextBlock(TextBlockKind.Heading, Label("Field_MetricValues", zh));
            foreach (var m in metrics)
            {
                yield return new TextBlock(TextBlockKind.Paragraph, Format("Metric_Line", zh, m.Name.Zh, Number(m.Latest), Number(m.Min), Number(m.Max), m.Unit));
            }

            // The charts only where the policy publishes the metric values: the series are in the public model only then.
            if (c.Metrics is not null)
            {
                foreach (var m in metrics.Where(m => m.Series.Count >= 2).Take(MaxCharts))
                {
                    yield return new TextBlock(TextBlockKind.Chart, Format("Chart_Caption", zh, string.IsNullOrWhiteSpace(m.Unit) ? m.Name.Zh : $"{m.Name.Zh}（{m.Unit}）")) { Metric = m };
                }
            }
        }

        if (c.ExpertScore is { } score)
        {
            yield return new TextBlock(TextBlockKind.Heading, Label("Field_ExpertScores", zh));
            yield return new TextBlock(TextBlockKind.Paragraph, Format("ExpertScore", zh, Number(score)));
        }

        if (c.InternalNotes is { Count: > 0 } notes)
        {
            yield return new TextBlock(TextBlockKind.Heading, Label("Field_InternalNotes", zh));
            foreach (var note in notes)
            {
                yield return new TextBlock(TextBlockKind.Paragraph, note);
            }
        }

        if (c.Exit is { } exit)
        {
            yield return new TextBlock(TextBlockKind.Heading, Label("Field_ExitAndTier", zh));
            yield return new TextBlock(TextBlockKind.Paragraph, $"{Label("Exit_Mode", zh)}：{exit.Mode.Zh}（{Cite(exit.ExitSource, zh)}）");
            if (exit.ExitedAt is { } exited)
            {
                yield return new TextBlock(TextBlockKind.Paragraph, $"{Label("Exit_At", zh)}：{ChinaTime.DateOf(exited):yyyy-MM-dd}");
            }

            yield return new TextBlock(TextBlockKind.Paragraph, $"{Label("Exit_Tier", zh)}：{exit.Tier.Zh}（{Cite(exit.TierSource, zh)}）");
        }

        yield return new TextBlock(TextBlockKind.Heading, Label("Editorial_Practices", zh));
        yield return new TextBlock(TextBlockKind.Paragraph, c.PracticesZh);
        if (!string.IsNullOrWhiteSpace(c.PracticesEn))
        {
            yield return new TextBlock(TextBlockKind.Paragraph, c.PracticesEn);
        }

        yield return new TextBlock(TextBlockKind.Heading, Label("Editorial_Lessons", zh));
        yield return new TextBlock(TextBlockKind.Paragraph, c.LessonsZh);
        if (!string.IsNullOrWhiteSpace(c.LessonsEn))
        {
            yield return new TextBlock(TextBlockKind.Paragraph, c.LessonsEn);
        }
    }

    public static string Number(decimal? value) => value?.ToString("0.##", CultureInfo.InvariantCulture) ?? "—";
}
