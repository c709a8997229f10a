namespace FinPilot.Domain.Alerts;

/// <summary>
/// What a rule saw when it raised an alert, kept with the alert as it was (JSON): the observed
/// value and the limit it crossed, the period, the previous value of a change rate, the dates of
/// a stale stream or an end date, an obligation's or incident's particulars, a probe's error.
/// Only the members a kind uses are set; pages put them into words.
/// </summary>
public sealed record AlertEvidence
{
    public const int MaxDetailLength = 500;

    /// <summary>The metric concerned, by code (shown by its name from the plan).</summary>
    public string? MetricCode { get; init; }

    public double? Observed { get; init; }

    /// <summary>The limit or cap crossed, or the percentage of a change rate.</summary>
    public double? Limit { get; init; }

    /// <summary>The previous period's value of a change rate.</summary>
    public double? Previous { get; init; }

    public DateOnly? PeriodStart { get; init; }

    public DateOnly? PeriodEnd { get; init; }

    /// <summary>A day the rule compared with: the approved start or end, the last period reported, the day a sample was expected by.</summary>
    public DateOnly? Date { get; init; }

    /// <summary>When it happened: a sample's time, an obligation's due time, an incident's detection, a probe's last failure.</summary>
    public DateTimeOffset? At { get; init; }

    /// <summary>A count: an incident's grade (1–4), a probe's failures in a row, grace days.</summary>
    public int? Count { get; init; }

    /// <summary>A stable name (an obligation's kind) or a short technical reason (a probe's error).</summary>
    public string? Detail { get; init; }

    /// <summary>A second key: an obligation's subject, an endpoint's URL.</summary>
    public string? Subject { get; init; }

    /// <summary>The evidence with its free texts cut to size.</summary>
    public AlertEvidence Clipped() => this with { Detail = Clip(Detail), Subject = Clip(Subject) };

    private static string? Clip(string? value) => value is { Length: > MaxDetailLength } ? value[..MaxDetailLength] : value;
}
