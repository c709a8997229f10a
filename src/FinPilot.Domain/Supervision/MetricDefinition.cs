using System.Text.RegularExpressions;
using FinPilot.Domain.Common;

namespace FinPilot.Domain.Supervision;

/// <summary>Whether a metric's values add up over time (transactions) or are read at a moment (customers, availability).</summary>
public enum MetricKind
{
    Counter = 1,

    Gauge = 2,
}

/// <summary>Which way a metric moves when things get worse: complaints up is bad, availability up is good.</summary>
public enum MetricDirection
{
    HigherIsBetter = 1,

    HigherIsWorse = 2,
}

/// <summary>How often a report or a metric sample is due (报送频率).</summary>
public enum ReportFrequency
{
    Monthly = 1,

    Quarterly = 2,
}

/// <summary>
/// One metric a pilot reports (报送指标): what it is called, in which unit, how often a sample is
/// due, and the optional limits outside which it raises an alert. The code is what machines send.
/// </summary>
public sealed partial record MetricDefinition
{
    public const int MaxCodeLength = 64;
    public const int MaxNameLength = 100;
    public const int MaxUnitLength = 20;

    public string Code { get; init; } = string.Empty;

    public string NameZh { get; init; } = string.Empty;

    public string NameEn { get; init; } = string.Empty;

    /// <summary>The unit a value is given in, e.g. "户", "CNY", "%", "笔".</summary>
    public string Unit { get; init; } = string.Empty;

    public MetricKind Kind { get; init; } = MetricKind.Gauge;

    public ReportFrequency Frequency { get; init; } = ReportFrequency.Monthly;

    public MetricDirection Direction { get; init; } = MetricDirection.HigherIsBetter;

    /// <summary>An alert is raised when a value falls below this; null when there is no lower limit.</summary>
    public double? LowerLimit { get; init; }

    /// <summary>An alert is raised when a value rises above this; null when there is no upper limit.</summary>
    public double? UpperLimit { get; init; }

    /// <summary>
    /// Taken out of the plan after samples were received: no longer reported, validated or watched,
    /// but kept (with its samples) so its history can still be read and named.
    /// </summary>
    public bool Retired { get; init; }

    public string NameIn(bool english) => english && NameEn.Length > 0 ? NameEn : NameZh;

    public IEnumerable<Error> Validate(string field)
    {
        if (string.IsNullOrWhiteSpace(Code) || Code.Length > MaxCodeLength || !CodePattern().IsMatch(Code))
        {
            yield return new Error(SupervisionErrors.MetricCodeInvalid, field, Code ?? string.Empty);
        }

        foreach (var error in Text.Required(NameZh, field, MaxNameLength).Concat(Text.Optional(NameEn, field, MaxNameLength))
            .Concat(Text.Required(Unit, field, MaxUnitLength)))
        {
            yield return error;
        }

        if (!Enum.IsDefined(Kind) || !Enum.IsDefined(Frequency) || !Enum.IsDefined(Direction))
        {
            yield return new Error(SupervisionErrors.MetricInvalid, field, Code ?? string.Empty);
        }

        if (LowerLimit is { } lower && UpperLimit is { } upper && lower > upper)
        {
            yield return new Error(SupervisionErrors.MetricLimitsReversed, field, Code ?? string.Empty);
        }
    }

    /// <summary>Whether a value is outside the metric's limits (never when it has none).</summary>
    public bool IsOutOfLimits(double value) => value < LowerLimit || value > UpperLimit;

    [GeneratedRegex("^[a-z][a-z0-9_.]*$")]
    private static partial Regex CodePattern();
}
