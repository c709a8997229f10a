using FinPilot.Domain.Common;

namespace FinPilot.Domain.Supervision.Reports;

/// <summary>A value of one of the plan's metrics for the report's period, typed by the institution.</summary>
public sealed record ReportMetricValue(string Code, double Value);

/// <summary>
/// What a periodic report says (定期报告): progress against the test plan, the metric values not
/// submitted by machine, customers served, complaints, incidents, risk events and measures, planned
/// changes and next steps. A value: each save replaces it whole.
/// </summary>
public sealed record ReportContent
{
    public const int MaxTextLength = 10000;

    public string Progress { get; init; } = string.Empty;

    public IReadOnlyList<ReportMetricValue> MetricValues { get; init; } = [];

    public int? CustomersServed { get; init; }

    public int? ComplaintsReceived { get; init; }

    public int? ComplaintsResolved { get; init; }

    public string Incidents { get; init; } = string.Empty;

    /// <summary>Risk events in the period and the measures taken (风险事件及应对措施).</summary>
    public string RiskEvents { get; init; } = string.Empty;

    public string PlannedChanges { get; init; } = string.Empty;

    public string NextSteps { get; init; } = string.Empty;

    /// <summary>Errors of the content against the metrics that may be typed now (the plan's, less those sent by machine).</summary>
    public IEnumerable<Error> Validate(IReadOnlySet<string> reportableMetrics)
    {
        ArgumentNullException.ThrowIfNull(reportableMetrics);
        foreach (var (text, field) in Texts())
        {
            foreach (var error in Text.Optional(text, field, MaxTextLength))
            {
                yield return error;
            }
        }

        if (CustomersServed is < 0 || ComplaintsReceived is < 0 || ComplaintsResolved is < 0)
        {
            yield return new Error(ReportErrors.CountInvalid, nameof(CustomersServed));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < MetricValues.Count; i++)
        {
            var value = MetricValues[i];
            var field = $"{nameof(MetricValues)}[{i}]";
            if (value is null || !reportableMetrics.Contains(value.Code ?? string.Empty) || !seen.Add(value.Code!))
            {
                yield return new Error(ReportErrors.MetricNotReportable, field, value?.Code ?? string.Empty);
            }
            else if (!double.IsFinite(value.Value))
            {
                yield return new Error(ReportErrors.MetricValueInvalid, field, value.Code ?? string.Empty);
            }
        }
    }

    /// <summary>The content with its texts trimmed, as it is kept.</summary>
    public ReportContent Cleaned() => this with
    {
        Progress = Progress?.Trim() ?? string.Empty,
        Incidents = Incidents?.Trim() ?? string.Empty,
        RiskEvents = RiskEvents?.Trim() ?? string.Empty,
        PlannedChanges = PlannedChanges?.Trim() ?? string.Empty,
        NextSteps = NextSteps?.Trim() ?? string.Empty,
        MetricValues = MetricValues ?? [],
    };

    private IEnumerable<(string? Text, string Field)> Texts() =>
    [
        (Progress, nameof(Progress)), (Incidents, nameof(Incidents)), (RiskEvents, nameof(RiskEvents)),
        (PlannedChanges, nameof(PlannedChanges)), (NextSteps, nameof(NextSteps)),
    ];
}

/// <summary>A file attached to a report; the bytes live in the file store under <see cref="Sha256"/>.</summary>
public sealed record ReportFile(Guid Id, string FileName, string ContentType, long Size, string Sha256, DateTimeOffset AddedAt, string AddedBy);

/// <summary>One submission of a report (the first, or one after the working group asked for more).</summary>
public sealed record ReportSubmission(int Number, DateTimeOffset At, string By);

/// <summary>
/// The working group's answer to a submission: accepted (with an optional note) or more requested,
/// with what is asked and the deadline (working days, computed by the caller).
/// </summary>
public sealed record ReportReview(ReportTrigger Outcome, string? Text, DateTimeOffset? Deadline, DateTimeOffset At, string By);
