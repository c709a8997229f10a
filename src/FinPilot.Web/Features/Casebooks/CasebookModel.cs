using FinPilot.Domain.Casebooks;

namespace FinPilot.Web.Features.Casebooks;

/// <summary>
/// Where a fact of a case comes from: the public record (by its sequence, which the ledger logs) and,
/// once logged and signed, its ledger index — shown as 账本第 N 条 with a link to the entry.
/// </summary>
public sealed record Citation(long RecordSequence)
{
    public long? LedgerIndex { get; init; }
}

/// <summary>A coded thing's name in both languages.</summary>
public sealed record BilingualText(string Zh, string? En)
{
    public string In(bool english) => english && !string.IsNullOrWhiteSpace(En) ? En : Zh;
}

/// <summary>One public event of the supervision story (a correction, a plan change, a suspension), with its citation.</summary>
public sealed record CaseEvent(DateTimeOffset At, BilingualText Title, Citation? Source);

/// <summary>A metric of the pilot: its name and unit, the latest, lowest and highest values and the series for a chart.</summary>
public sealed record CaseMetric(string Code, BilingualText Name, string Unit, decimal? Latest, decimal? Min, decimal? Max, IReadOnlyList<decimal> Series)
{
    /// <summary>The period (yyyy-MM of its end) of each value of <see cref="Series"/>; null in casebooks published before periods were kept.</summary>
    public IReadOnlyList<string>? Periods { get; init; }
}

public sealed record CaseProfile
{
    public BilingualText Lead { get; init; } = new(string.Empty, null);

    public IReadOnlyList<string> Partners { get; init; } = [];

    public BilingualText Category { get; init; } = new(string.Empty, null);

    public BilingualText Region { get; init; } = new(string.Empty, null);

    public int? Batch { get; init; }

    public int DurationMonths { get; init; }

    public string CustomerLimits { get; init; } = string.Empty;

    public Citation? Source { get; init; }
}

public sealed record CaseExit
{
    public BilingualText Mode { get; init; } = new(string.Empty, null);

    public BilingualText Tier { get; init; } = new(string.Empty, null);

    public DateTimeOffset? ExitedAt { get; init; }

    public Citation? ExitSource { get; init; }

    public Citation? TierSource { get; init; }
}

/// <summary>
/// One case as the public reads it: only the fields its policy publishes are assembled at all (a
/// withheld field is null or empty here, so it cannot reach a page or a file). The editorial text
/// is the working group's own and always public.
/// </summary>
public sealed record CaseModel
{
    public Guid ProjectId { get; init; }

    public string Name { get; init; } = string.Empty;

    public Citation? NameSource { get; init; }

    public IReadOnlyList<CaseField> Published { get; init; } = [];

    public CaseProfile? Profile { get; init; }

    public IReadOnlyList<BilingualText>? Scenarios { get; init; }

    public IReadOnlyList<BilingualText>? Technologies { get; init; }

    public Citation? ScenarioSource { get; init; }

    /// <summary>测试内容 as published on the notice.</summary>
    public string? WhatIsTested { get; init; }

    /// <summary>创新价值 in the institution's exit self-assessment.</summary>
    public string? InnovationValue { get; init; }

    public string? RegulatoryInsight { get; init; }

    public string? RiskControls { get; init; }

    public string? InvestorProtection { get; init; }

    public CaseExit? Exit { get; init; }

    public IReadOnlyList<CaseEvent>? SupervisionEvents { get; init; }

    /// <summary>The expert opinion's overall average (1–10), when published.</summary>
    public decimal? ExpertScore { get; init; }

    public IReadOnlyList<CaseMetric>? Metrics { get; init; }

    public CaseMetric? Customers { get; init; }

    public IReadOnlyList<CaseMetric>? Complaints { get; init; }

    public IReadOnlyList<string>? InternalNotes { get; init; }

    public string LessonsZh { get; init; } = string.Empty;

    public string? LessonsEn { get; init; }

    public string PracticesZh { get; init; } = string.Empty;

    public string? PracticesEn { get; init; }

    /// <summary>Every record sequence the case cites, for looking up ledger indexes.</summary>
    public IEnumerable<long> Sequences() =>
        new[] { NameSource, Profile?.Source, ScenarioSource, Exit?.ExitSource, Exit?.TierSource }
            .Concat((SupervisionEvents ?? []).Select(e => e.Source))
            .OfType<Citation>().Select(c => c.RecordSequence);

    public CaseModel WithIndexes(IReadOnlyDictionary<long, long> indexes)
    {
        Citation? Cite(Citation? c) => c is null ? null : c with { LedgerIndex = indexes.TryGetValue(c.RecordSequence, out var i) ? i : null };
        return this with
        {
            NameSource = Cite(NameSource),
            Profile = Profile is null ? null : Profile with { Source = Cite(Profile.Source) },
            ScenarioSource = Cite(ScenarioSource),
            Exit = Exit is null ? null : Exit with { ExitSource = Cite(Exit.ExitSource), TierSource = Cite(Exit.TierSource) },
            SupervisionEvents = SupervisionEvents?.Select(e => e with { Source = Cite(e.Source) }).ToList(),
        };
    }
}

/// <summary>The casebook as the public reads it (and as the preview shows a draft): the one model the pages, the PDF and the DOCX are made from.</summary>
public sealed record CasebookModel
{
    public Guid Id { get; init; }

    public CasebookScope Scope { get; init; }

    public BilingualText? Region { get; init; }

    public BilingualText Title { get; init; } = new(string.Empty, null);

    public string Period { get; init; } = string.Empty;

    public int Edition { get; init; }

    public CasebookStatus Status { get; init; }

    public DateTimeOffset? PublishedAt { get; init; }

    public string? PdfSha256 { get; init; }

    public string? DocxSha256 { get; init; }

    public IReadOnlyList<CaseModel> Cases { get; init; } = [];
}
