using FinPilot.Domain.Common;
using FinPilot.Domain.Metrics;
using FinPilot.Domain.Supervision;

namespace FinPilot.Domain.Tests.Metrics;

public sealed class MetricEventRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 3, 10);

    private static readonly SupervisionTerms Terms = new()
    {
        Metrics =
        [
            new MetricDefinition { Code = "customers", NameZh = "客户数", Unit = "户", Kind = MetricKind.Gauge },
            new MetricDefinition { Code = "transactions", NameZh = "交易笔数", Unit = "笔", Kind = MetricKind.Counter },
        ],
        Parameters = new TestParameters { StartsOn = new DateOnly(2025, 1, 1), EndsOn = new DateOnly(2026, 12, 31) },
    };

    private static readonly MetricReading Good = new(
        MetricEventRules.EventType, MetricEventRules.DataSchema, Now.AddDays(-1), "customers", 1200.5, "户", new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 28));

    public static TheoryData<string, MetricReading, ErrorCode?> Cases => new()
    {
        { "accepted", Good, null },
        { "no schema named", Good with { DataSchema = null }, null },
        { "schema by its URL", Good with { DataSchema = "https://finpilot.example.cn/schemas/supervision/metric-v1.json" }, null },
        { "a period that has begun", Good with { PeriodStart = Today, PeriodEnd = Today.AddDays(20) }, null },
        { "clock skew tolerated", Good with { Time = Now.AddMinutes(4) }, null },
        { "whole counter", Good with { Metric = "transactions", Value = 12, Unit = null }, null },
        { "other type", Good with { Type = "com.example" }, MetricsErrors.TypeUnsupported },
        { "other schema", Good with { DataSchema = "https://example.com/other.json" }, MetricsErrors.SchemaUnsupported },
        { "no time", Good with { Time = null }, MetricsErrors.TimeMissing },
        { "future time", Good with { Time = Now.AddMinutes(6) }, MetricsErrors.TimeInFuture },
        { "unknown metric", Good with { Metric = "profit" }, MetricsErrors.MetricUnknown },
        { "fractional counter", Good with { Metric = "transactions", Value = 1.5, Unit = null }, MetricsErrors.ValueNotCount },
        { "negative counter", Good with { Metric = "transactions", Value = -1, Unit = null }, MetricsErrors.ValueNotCount },
        { "wrong unit", Good with { Unit = "人" }, MetricsErrors.UnitMismatch },
        { "reversed period", Good with { PeriodStart = new DateOnly(2026, 2, 28), PeriodEnd = new DateOnly(2026, 2, 1) }, MetricsErrors.PeriodInvalid },
        { "before the window", Good with { PeriodStart = new DateOnly(2024, 12, 1), PeriodEnd = new DateOnly(2025, 1, 31) }, MetricsErrors.PeriodOutsidePilot },
        { "after the window", Good with { PeriodStart = new DateOnly(2026, 12, 1), PeriodEnd = new DateOnly(2027, 1, 31) }, MetricsErrors.PeriodOutsidePilot },
        { "period not begun", Good with { PeriodStart = Today.AddDays(1), PeriodEnd = Today.AddDays(2) }, MetricsErrors.PeriodInFuture },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_reading_is_judged_against_the_plan_in_force(string why, MetricReading reading, ErrorCode? expected)
    {
        var error = MetricEventRules.Check(reading, Terms, Now, Today);

        Assert.True(expected == error?.Code, $"{why}: expected {expected?.Value ?? "accepted"}, got {error?.Code.Value ?? "accepted"}");
    }
}
