using FinPilot.Domain.Common;
using FinPilot.Domain.Supervision;

namespace FinPilot.Domain.Metrics;

/// <summary>What a submitted event says, once read from its CloudEvents envelope and data.</summary>
/// <param name="Time">The CloudEvents <c>time</c>: when what is measured happened.</param>
public sealed record MetricReading(string Type, string? DataSchema, DateTimeOffset? Time, string Metric, double Value, string? Unit, DateOnly PeriodStart, DateOnly PeriodEnd);

/// <summary>
/// Whether one submitted reading fits the pilot's supervision plan in force: a metric of the plan, a
/// value of the metric's kind and unit, a period inside the approved test window that has begun,
/// a time not in the future. Each event is judged alone, so one bad event never refuses another.
/// </summary>
public static class MetricEventRules
{
    /// <summary>The CloudEvents <c>type</c> of a metric sample.</summary>
    public const string EventType = "cn.finpilot.supervision.metric.v1";

    /// <summary>
    /// The <c>dataschema</c> naming the data's JSON Schema. CloudEvents wants an absolute URI; the
    /// platform serves the schema at <see cref="SchemaPath"/>, and a URL to that path on the
    /// platform's host names it as well.
    /// </summary>
    public const string DataSchema = "urn:finpilot:supervision:metric:v1";

    /// <summary>Where the platform serves the data's JSON Schema.</summary>
    public const string SchemaPath = "/schemas/supervision/metric-v1.json";

    /// <summary>Clocks differ: a time this far ahead of the platform's is still taken as now.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>The first reason to refuse the reading, or null when it is accepted.</summary>
    /// <param name="today">The platform's calendar day (China time) at <paramref name="now"/>.</param>
    public static Error? Check(MetricReading reading, SupervisionTerms terms, DateTimeOffset now, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(reading);
        ArgumentNullException.ThrowIfNull(terms);
        if (!string.Equals(reading.Type, EventType, StringComparison.Ordinal))
        {
            return new Error(MetricsErrors.TypeUnsupported, "type", reading.Type, EventType);
        }

        if (reading.DataSchema is { } schema && !IsOurSchema(schema))
        {
            return new Error(MetricsErrors.SchemaUnsupported, "dataschema", schema, DataSchema);
        }

        if (reading.Time is not { } time)
        {
            return new Error(MetricsErrors.TimeMissing, "time");
        }

        if (time > now + ClockSkew)
        {
            return new Error(MetricsErrors.TimeInFuture, "time", time);
        }

        if (terms.Metric(reading.Metric) is not { } metric)
        {
            return new Error(MetricsErrors.MetricUnknown, "data.metric", reading.Metric);
        }

        if (metric.Kind == MetricKind.Counter && (reading.Value < 0 || reading.Value != Math.Floor(reading.Value)))
        {
            return new Error(MetricsErrors.ValueNotCount, "data.value", metric.Code, reading.Value);
        }

        if (reading.Unit is { } unit && !string.Equals(unit, metric.Unit, StringComparison.Ordinal))
        {
            return new Error(MetricsErrors.UnitMismatch, "data.unit", unit, metric.Unit);
        }

        if (reading.PeriodEnd < reading.PeriodStart)
        {
            return new Error(MetricsErrors.PeriodInvalid, "data.periodEnd");
        }

        var window = terms.Parameters;
        if (!window.Covers(reading.PeriodStart) || !window.Covers(reading.PeriodEnd))
        {
            return new Error(MetricsErrors.PeriodOutsidePilot, "data.periodStart", window.StartsOn, window.EndsOn);
        }

        if (reading.PeriodStart > today)
        {
            return new Error(MetricsErrors.PeriodInFuture, "data.periodStart", reading.PeriodStart);
        }

        return null;
    }

    // The schema may be named by its URN or by the URL where a platform serves it.
    private static bool IsOurSchema(string schema) =>
        schema == DataSchema
        || (Uri.TryCreate(schema, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            && uri.AbsolutePath == SchemaPath && string.IsNullOrEmpty(uri.Query));
}
