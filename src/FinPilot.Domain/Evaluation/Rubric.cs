using FinPilot.Domain.Common;

namespace FinPilot.Domain.Evaluation;

/// <summary>What a score from <paramref name="From"/> to <paramref name="To"/> (both included) means on one dimension.</summary>
public sealed record RubricBand(int From, int To, string DescriptionZh, string DescriptionEn);

/// <summary>The bands of one dimension; together they describe every score on the scale exactly once.</summary>
public sealed record DimensionRubric(EvaluationDimension Dimension, IReadOnlyList<RubricBand> Bands);

/// <summary>
/// 评分标准: the scale experts score on and, for each of the four dimensions, what each range of
/// scores means, so that a 7 from one expert means what a 7 from another does.
/// </summary>
/// <remarks>Stored as JSON (System.Text.Json) with the round it applies to, hence plain init properties.</remarks>
public sealed record Rubric
{
    public const int DefaultScaleMin = 1;
    public const int DefaultScaleMax = 10;

    /// <summary>The widest scale a rubric may use: 0..100.</summary>
    public const int LowestScaleMin = 0;
    public const int HighestScaleMax = 100;

    public const int MaxDescriptionLength = 500;

    public int ScaleMin { get; init; } = DefaultScaleMin;

    public int ScaleMax { get; init; } = DefaultScaleMax;

    public IReadOnlyList<DimensionRubric> Dimensions { get; init; } = [];

    /// <summary>The platform's rubric: 1..10 in four bands (1–3, 4–6, 7–8, 9–10) per dimension.</summary>
    public static Rubric Default { get; } = new()
    {
        Dimensions =
        [
            new(EvaluationDimension.InnovationValue,
            [
                new(1, 3, "创新点不明确，或仅为现有业务、技术的简单移植，未解决实际痛点。",
                    "The innovation is unclear or merely transplants existing business or technology; no real pain point is solved."),
                new(4, 6, "有一定创新，但与现有方案差异有限，对提升服务效率或质量的作用尚待验证。",
                    "Some innovation, but little different from existing solutions; its gain in efficiency or service quality is yet to be shown."),
                new(7, 8, "创新明显，能有效解决行业痛点，切实提升服务效率或质量。",
                    "Clear innovation that solves an industry pain point and measurably improves efficiency or service quality."),
                new(9, 10, "制度或技术创新突出，可形成可复制推广的经验。",
                    "Outstanding institutional or technological innovation that yields experience others can replicate and scale."),
            ]),
            new(EvaluationDimension.RegulatoryInsight,
            [
                new(1, 3, "未提出明确的监管问题，试点结果对完善监管规则没有参考价值。",
                    "No clear regulatory question is posed; the pilot's results would not inform the rules."),
                new(4, 6, "提出了监管问题，但测试设计难以得出结论，或结论适用范围较窄。",
                    "A regulatory question is posed, but the test design can hardly answer it, or the answer applies narrowly."),
                new(7, 8, "监管问题清晰，测试指标能够检验，结果可为监管规则或监管科技提供参考。",
                    "A clear regulatory question with metrics that test it; the results can inform rules or supervisory technology."),
                new(9, 10, "直指现行制度的空白或障碍，测试设计严谨，有望为完善规则或创新监管方式提供直接依据。",
                    "Targets a gap or obstacle in current rules with a rigorous test design; likely to ground rule changes or new ways of supervising directly."),
            ]),
            new(EvaluationDimension.RiskControl,
            [
                new(1, 3, "风险识别不全面，缺少有效的防控措施、应急处置方案或退出方案。",
                    "Risks are identified incompletely; effective controls, an emergency plan or an exit plan are missing."),
                new(4, 6, "主要风险已识别并有基本防控措施，但应急处置和退出方案不够具体，或技术、数据安全存在明显短板。",
                    "Main risks identified with basic controls, but the emergency and exit plans lack detail, or technology or data security has clear weaknesses."),
                new(7, 8, "风险识别全面，防控措施、应急处置和退出方案具体可行，风险总体可控。",
                    "Risks identified comprehensively; controls, emergency and exit plans are specific and workable; risk is under control overall."),
                new(9, 10, "风险防控体系完备，设有量化监测指标和预警阈值并经过演练，能够有效防止风险外溢。",
                    "A complete risk-control framework with quantified monitoring metrics and alert thresholds, rehearsed, that keeps risk from spreading."),
            ]),
            new(EvaluationDimension.InvestorProtection,
            [
                new(1, 3, "缺少客户准入、风险揭示或投诉处理安排，投资者权益难以保障。",
                    "Customer admission, risk disclosure or complaint handling is missing; investors' rights cannot be safeguarded."),
                new(4, 6, "有基本的投资者保护安排，但适当性管理、风险揭示或赔偿机制不够具体。",
                    "Basic investor protection, but suitability management, risk disclosure or compensation lacks detail."),
                new(7, 8, "客户选择与规模上限合理，风险揭示充分，投诉处理和赔偿机制明确可行。",
                    "Sensible customer selection and caps, full risk disclosure, clear and workable complaint handling and compensation."),
                new(9, 10, "投资者保护安排完备且有创新，充分保障知情权和选择权，损失能够得到及时足额补偿。",
                    "Complete, even innovative, investor protection that fully respects the rights to know and to choose, and compensates losses promptly and in full."),
            ]),
        ],
    };

    /// <summary>The band that describes <paramref name="score"/> on <paramref name="dimension"/>, if any.</summary>
    public RubricBand? BandFor(EvaluationDimension dimension, int score) =>
        (Dimensions ?? []).FirstOrDefault(d => d?.Dimension == dimension)?.Bands?
            .FirstOrDefault(b => b is not null && b.From <= score && score <= b.To);

    /// <summary>
    /// Errors, empty when the rubric is usable: a scale within 0..100, each dimension once, its
    /// bands inside the scale, from ≤ to, covering every score exactly once, with both descriptions.
    /// Field is <c>Rubric</c> for the scale and the list of dimensions, <c>Rubric[Dimension]</c>
    /// for a dimension's bands, <c>Rubric[Dimension].Bands[i].DescriptionZh</c> (or En) for a text.
    /// </summary>
    public IReadOnlyList<Error> Validate()
    {
        const string field = nameof(Rubric);
        var errors = new List<Error>();
        var scaleValid = ScaleMin >= LowestScaleMin && ScaleMax <= HighestScaleMax && ScaleMin < ScaleMax;
        if (!scaleValid)
        {
            errors.Add(new Error(EvaluationErrors.ScaleInvalid, field, ScaleMin, ScaleMax));
        }

        var seen = new HashSet<EvaluationDimension>();
        foreach (var entry in Dimensions ?? [])
        {
            if (entry is null)
            {
                continue;
            }

            if (!Enum.IsDefined(entry.Dimension))
            {
                errors.Add(new Error(EvaluationErrors.DimensionUnknown, field, (int)entry.Dimension));
            }
            else if (!seen.Add(entry.Dimension))
            {
                errors.Add(new Error(EvaluationErrors.DimensionDuplicate, field, entry.Dimension));
            }
            else
            {
                errors.AddRange(ValidateBands(entry, scaleValid));
            }
        }

        errors.AddRange(EvaluationValues.Dimensions.Where(d => !seen.Contains(d))
            .Select(d => new Error(EvaluationErrors.DimensionMissing, field, d)));
        return errors;
    }

    private List<Error> ValidateBands(DimensionRubric entry, bool scaleValid)
    {
        var field = $"{nameof(Rubric)}[{entry.Dimension}]";
        var errors = new List<Error>();
        var covered = new List<(int From, int To)>();
        var bands = entry.Bands ?? [];
        for (var i = 0; i < bands.Count; i++)
        {
            var band = bands[i];
            if (band is null)
            {
                continue;
            }

            errors.AddRange(Text.Required(band.DescriptionZh, $"{field}.Bands[{i}].{nameof(band.DescriptionZh)}", MaxDescriptionLength));
            errors.AddRange(Text.Required(band.DescriptionEn, $"{field}.Bands[{i}].{nameof(band.DescriptionEn)}", MaxDescriptionLength));
            if (band.From > band.To)
            {
                errors.Add(new Error(EvaluationErrors.BandInvalid, field, band.From, band.To));
            }
            else if (scaleValid)
            {
                if (band.From < ScaleMin || band.To > ScaleMax)
                {
                    errors.Add(new Error(EvaluationErrors.BandOutOfScale, field, band.From, band.To, ScaleMin, ScaleMax));
                }

                // The part inside the scale still counts towards coverage, so a band of 9–11 on
                // 1..10 is reported as out of scale and not also as leaving 9–10 uncovered.
                var (from, to) = (Math.Max(band.From, ScaleMin), Math.Min(band.To, ScaleMax));
                if (from <= to)
                {
                    covered.Add((from, to));
                }
            }
        }

        if (!scaleValid)
        {
            return errors;
        }

        var next = ScaleMin;
        foreach (var (from, to) in covered.OrderBy(c => c.From).ThenBy(c => c.To))
        {
            if (from > next)
            {
                errors.Add(new Error(EvaluationErrors.BandGap, field, next, from - 1));
            }
            else if (from < next)
            {
                errors.Add(new Error(EvaluationErrors.BandOverlap, field, from, Math.Min(to, next - 1)));
            }

            next = Math.Max(next, to + 1);
        }

        if (next <= ScaleMax)
        {
            errors.Add(new Error(EvaluationErrors.BandGap, field, next, ScaleMax));
        }

        return errors;
    }
}
