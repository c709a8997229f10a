using System.Globalization;
using FinPilot.Domain.Calendar;
using FinPilot.Domain.Supervision;

namespace FinPilot.Domain.Alerts;

/// <summary>What a rule found: the alert it wants (kind, key, episode, severity, evidence).</summary>
public sealed record Breach(RiskRuleKind Kind, string RuleKey, AlertSeverity Severity, AlertEvidence Evidence, string? Episode = null);

/// <summary>
/// The risk rules as pure functions (风险规则): given a metric's definition, the approved test
/// parameters and a sample (or two), or a day, each says whether it is breached and with what
/// evidence. No I/O: the web module feeds them what has just arrived, and the clock what is due.
/// </summary>
public static class RiskRules
{
    public static AlertSeverity SeverityOf(RiskRuleKind kind) => kind switch
    {
        RiskRuleKind.CustomerCapBreach or RiskRuleKind.AmountPerCustomerCapBreach or RiskRuleKind.ActivityOutsideWindow
            or RiskRuleKind.SevereIncident or RiskRuleKind.PastEndDate => AlertSeverity.Risk,
        _ => AlertSeverity.Warning,
    };

    /// <summary>
    /// Whether the applicant's organisation is told as well as the working group: breaches of the
    /// approval's terms, a stream it stopped sending, and its pilot running past its end date concern
    /// it directly; the rest is the working group's to look into first.
    /// </summary>
    public static bool ConcernsApplicant(RiskRuleKind kind) => kind is RiskRuleKind.CustomerCapBreach or RiskRuleKind.AmountPerCustomerCapBreach
        or RiskRuleKind.ActivityOutsideWindow or RiskRuleKind.StaleStream or RiskRuleKind.PastEndDate;

    /// <summary>
    /// Whether raising the alert sends messages. An overdue obligation's alert does not: the
    /// obligation clock's overdue notice tells the applicant and the working group of it at the same
    /// run, and a second message about the same lateness would be noise.
    /// </summary>
    public static bool AnnouncesOnRaise(RiskRuleKind kind) => kind != RiskRuleKind.OverdueObligation;

    /// <summary>A value outside the limits of its metric's definition.</summary>
    public static Breach? Threshold(MetricDefinition metric, MetricSample sample)
    {
        ArgumentNullException.ThrowIfNull(metric);
        ArgumentNullException.ThrowIfNull(sample);
        if (!metric.IsOutOfLimits(sample.Value))
        {
            return null;
        }

        var limit = sample.Value < metric.LowerLimit ? metric.LowerLimit : metric.UpperLimit;
        return new Breach(RiskRuleKind.Threshold, metric.Code, SeverityOf(RiskRuleKind.Threshold), Evidence(sample, limit));
    }

    /// <summary>Customers above the approved cap (only the customers metric is read).</summary>
    public static Breach? CustomerCap(TestParameters parameters, MetricSample sample)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(sample);
        return sample.MetricCode == MetricCodes.Customers && parameters.CustomerCap is { } cap && sample.Value > cap
            ? new Breach(RiskRuleKind.CustomerCapBreach, sample.MetricCode, SeverityOf(RiskRuleKind.CustomerCapBreach), Evidence(sample, cap))
            : null;
    }

    /// <summary>One customer's largest amount above the approved cap (only that metric is read).</summary>
    public static Breach? AmountPerCustomerCap(TestParameters parameters, MetricSample sample)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(sample);
        return sample.MetricCode == MetricCodes.MaxAmountPerCustomer && parameters.AmountPerCustomerCap is { } cap && (decimal)sample.Value > cap
            ? new Breach(RiskRuleKind.AmountPerCustomerCapBreach, sample.MetricCode, SeverityOf(RiskRuleKind.AmountPerCustomerCapBreach), Evidence(sample, (double)cap))
            : null;
    }

    /// <summary>
    /// Activity outside the approved window: a sample whose period, or the time it happened (in
    /// Beijing), falls before the approved start or after the approved end date.
    /// </summary>
    public static Breach? OutsideWindow(TestParameters parameters, MetricSample sample)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(sample);
        var day = ChinaTime.DateOf(sample.OccurredAt);
        var before = sample.PeriodStart < parameters.StartsOn || day < parameters.StartsOn;
        var after = sample.PeriodEnd > parameters.EndsOn || day > parameters.EndsOn;
        if (!before && !after)
        {
            return null;
        }

        return new Breach(RiskRuleKind.ActivityOutsideWindow, sample.MetricCode, SeverityOf(RiskRuleKind.ActivityOutsideWindow),
            Evidence(sample, null) with { Date = after ? parameters.EndsOn : parameters.StartsOn, Detail = after ? "after" : "before" });
    }

    /// <summary>
    /// A metric that gets worse by more than <paramref name="percent"/> from the previous period:
    /// only metrics for which higher is worse (complaints), and only from a previous value above
    /// zero (a rise from nothing has no percentage).
    /// </summary>
    public static Breach? ChangeRate(MetricDefinition metric, MetricSample? previous, MetricSample current, double percent)
    {
        ArgumentNullException.ThrowIfNull(metric);
        ArgumentNullException.ThrowIfNull(current);
        if (metric.Direction != MetricDirection.HigherIsWorse || previous is null || previous.Value <= 0 || previous.PeriodEnd >= current.PeriodStart)
        {
            return null;
        }

        var change = (current.Value - previous.Value) / previous.Value * 100;
        return change > percent
            ? new Breach(RiskRuleKind.ChangeRate, metric.Code, SeverityOf(RiskRuleKind.ChangeRate),
                Evidence(current, percent) with { Previous = previous.Value, Date = previous.PeriodEnd })
            : null;
    }

    /// <summary>
    /// The day by which the next sample of a metric is due: one period (its frequency) after the
    /// last period reported, or after the day before the pilot started when none was.
    /// </summary>
    public static DateOnly NextSampleDue(ReportFrequency frequency, DateOnly? lastPeriodEnd, DateOnly startsOn)
    {
        var from = lastPeriodEnd ?? startsOn.AddDays(-1);
        return frequency == ReportFrequency.Quarterly ? EndOfMonth(from.AddMonths(3)) : EndOfMonth(from.AddMonths(1));
    }

    /// <summary>
    /// A stream with no sample within its frequency and <paramref name="graceDays"/>: stale once
    /// today is past the next sample's due day plus the grace. Not while the pilot has not started,
    /// nor for periods after its approved end. The episode is the last period reported, so a stale
    /// stream triaged once is raised again only after it has sent something and then stopped again.
    /// </summary>
    public static Breach? Stale(MetricDefinition metric, TestParameters parameters, DateOnly? lastPeriodEnd, DateOnly today, int graceDays)
    {
        ArgumentNullException.ThrowIfNull(metric);
        ArgumentNullException.ThrowIfNull(parameters);
        if (today < parameters.StartsOn)
        {
            return null;
        }

        var due = NextSampleDue(metric.Frequency, lastPeriodEnd, parameters.StartsOn);
        if (lastPeriodEnd is { } last && last >= parameters.EndsOn)
        {
            return null;
        }

        if (today <= due.AddDays(graceDays))
        {
            return null;
        }

        var episode = lastPeriodEnd?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "none";
        return new Breach(RiskRuleKind.StaleStream, metric.Code, SeverityOf(RiskRuleKind.StaleStream),
            new AlertEvidence { MetricCode = metric.Code, PeriodEnd = lastPeriodEnd, Date = due, Count = graceDays }, episode);
    }

    /// <summary>A pilot under supervision after its approved end date (Beijing days). Key and episode: the end date.</summary>
    public static Breach? PastEndDate(TestParameters parameters, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (today <= parameters.EndsOn)
        {
            return null;
        }

        var key = parameters.EndsOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new Breach(RiskRuleKind.PastEndDate, key, SeverityOf(RiskRuleKind.PastEndDate),
            new AlertEvidence { Date = parameters.EndsOn, Count = today.DayNumber - parameters.EndsOn.DayNumber }, key);
    }

    private static AlertEvidence Evidence(MetricSample sample, double? limit) => new()
    {
        MetricCode = sample.MetricCode,
        Observed = sample.Value,
        Limit = limit,
        PeriodStart = sample.PeriodStart,
        PeriodEnd = sample.PeriodEnd,
        At = sample.OccurredAt,
    };

    private static DateOnly EndOfMonth(DateOnly day) => new(day.Year, day.Month, DateTime.DaysInMonth(day.Year, day.Month));
}
