using FinPilot.Domain.Alerts;
using FinPilot.Domain.Supervision;
using FinPilot.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Alerts;

/// <summary>
/// The metric rules, evaluated on the samples just received (never by rescanning): thresholds, the
/// customer and amount caps, activity outside the approved window, and the change rate against the
/// previous period's sample only (one indexed lookup per metric of the batch). A sample of a
/// stream with an open stale-stream alert resolves it.
/// </summary>
public sealed class MetricRuleEvaluator(FinPilotDbContext db, RuleInputsReader inputs, AlertRaiser raiser)
{
    public async Task<int> EvaluateAsync(Guid projectId, IReadOnlyList<MetricSample> samples, CancellationToken cancellationToken)
    {
        if (samples.Count == 0 || await inputs.ForProjectAsync(projectId, cancellationToken) is not { Plan.InForce: true } found)
        {
            return 0;
        }

        var terms = found.Plan.Terms;
        var settings = found.Settings;

        // One alert per rule however many samples of the batch breach it: the latest period's tells most.
        var breaches = new Dictionary<(RiskRuleKind, string), Breach>();
        void Add(Breach? breach)
        {
            if (breach is not null && settings.Enables(breach.Kind))
            {
                breaches[(breach.Kind, breach.RuleKey)] = breach;
            }
        }

        var ordered = samples.Where(s => s.ProjectId == projectId).OrderBy(s => s.PeriodEnd).ThenBy(s => s.OccurredAt).ToList();
        foreach (var sample in ordered)
        {
            if (terms.Metric(sample.MetricCode) is { } metric)
            {
                Add(RiskRules.Threshold(metric, sample));
            }

            Add(RiskRules.CustomerCap(terms.Parameters, sample));
            Add(RiskRules.AmountPerCustomerCap(terms.Parameters, sample));
            Add(RiskRules.OutsideWindow(terms.Parameters, sample));
        }

        if (settings.Enables(RiskRuleKind.ChangeRate))
        {
            foreach (var series in ordered.GroupBy(s => s.MetricCode))
            {
                if (terms.Metric(series.Key) is not { Direction: MetricDirection.HigherIsWorse } metric)
                {
                    continue;
                }

                var first = series.OrderBy(s => s.PeriodStart).First();
                var previous = await db.MetricSamples.AsNoTracking()
                    .Where(s => s.ProjectId == projectId && s.MetricCode == series.Key && s.PeriodEnd < first.PeriodStart)
                    .OrderByDescending(s => s.PeriodEnd).FirstOrDefaultAsync(cancellationToken);
                foreach (var current in series.OrderBy(s => s.PeriodStart))
                {
                    Add(RiskRules.ChangeRate(metric, previous, current, settings.ChangeRatePercent));
                    if (previous is null || current.PeriodStart > previous.PeriodEnd)
                    {
                        previous = current;
                    }
                }
            }
        }

        var raised = 0;
        foreach (var breach in breaches.Values)
        {
            if (await raiser.RaiseAsync(found.Target, breach, cancellationToken) is not null)
            {
                raised++;
            }
        }

        var codes = ordered.Select(s => s.MetricCode).Distinct().ToList();
        var stale = await db.Alerts.AsNoTracking()
            .Where(a => a.ProjectId == projectId && a.Kind == RiskRuleKind.StaleStream && Alert.OpenStatuses.Contains(a.Status) && codes.Contains(a.RuleKey))
            .Select(a => a.RuleKey).ToListAsync(cancellationToken);
        foreach (var code in stale)
        {
            await raiser.ResolveAsync(projectId, RiskRuleKind.StaleStream, code, SystemNotes.SampleReceived, cancellationToken);
        }

        return raised;
    }
}
