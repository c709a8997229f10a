namespace FinPilot.Domain.Supervision;

/// <summary>
/// One value of one metric of one pilot for one period, as submitted by the institution's machine
/// (接口采集) or typed into a periodic report. Kept as received; (project, source, event id) is unique,
/// so a resubmission is recognised and not counted twice.
/// </summary>
public sealed class MetricSample
{
    public const int MaxSourceLength = 200;
    public const int MaxEventIdLength = 200;

    private MetricSample()
    {
    }

    public long Id { get; private set; }

    public Guid ProjectId { get; private set; }

    public string MetricCode { get; private set; } = string.Empty;

    public DateOnly PeriodStart { get; private set; }

    public DateOnly PeriodEnd { get; private set; }

    public double Value { get; private set; }

    /// <summary>When what is measured happened (the CloudEvents <c>time</c>).</summary>
    public DateTimeOffset OccurredAt { get; private set; }

    public DateTimeOffset ReceivedAt { get; private set; }

    /// <summary>The CloudEvents <c>source</c>, or "report:{id}" for a value typed into a report.</summary>
    public string Source { get; private set; } = string.Empty;

    /// <summary>The CloudEvents <c>id</c>, unique within its source.</summary>
    public string EventId { get; private set; } = string.Empty;

    /// <summary>The API client that submitted it; null when a person typed it.</summary>
    public Guid? ClientId { get; private set; }

    public static MetricSample Record(
        Guid projectId, string metricCode, DateOnly periodStart, DateOnly periodEnd, double value,
        DateTimeOffset occurredAt, DateTimeOffset receivedAt, string source, string eventId, Guid? clientId) => new()
        {
            ProjectId = projectId,
            MetricCode = metricCode,
            PeriodStart = periodStart,
            PeriodEnd = periodEnd,
            Value = value,
            OccurredAt = occurredAt,
            ReceivedAt = receivedAt,
            Source = source,
            EventId = eventId,
            ClientId = clientId,
        };
}
