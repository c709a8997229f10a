using FinPilot.Domain.Alerts;
using FinPilot.Domain.Obligations;
using FinPilot.Domain.Supervision;
using FinPilot.Web.Features.Incidents;
using FinPilot.Web.Features.Obligations;
using FinPilot.Web.Features.Probing;
using FinPilot.Web.Features.Supervision;

namespace FinPilot.Web.Features.Alerts;

/// <summary>
/// The risk rules as the other modules tell them what happened: samples accepted, an obligation
/// overdue, an incident reported, a probe failing or answering again. Each call runs in a scope of
/// its own, so an alert is saved apart from the caller's change (and a refused raise cannot spoil
/// the caller's unit of work); failures are logged, never thrown back (the contracts ask it).
/// </summary>
public sealed class AlertListeners(IServiceScopeFactory scopes, ILogger<AlertListeners> logger)
    : IMetricSampleListener, IObligationOverdueListener, IIncidentListener, IProbeListener
{
    public Task SamplesAcceptedAsync(Guid projectId, IReadOnlyList<MetricSample> samples, CancellationToken cancellationToken) =>
        InScopeAsync("samples", projectId, rethrow: false, services => services.GetRequiredService<MetricRuleEvaluator>().EvaluateAsync(projectId, samples, cancellationToken));

    // The working group's own duties (confirming a plan) are not a risk of the pilot: they raise no alert.
    public Task ObligationOverdueAsync(OverdueObligation obligation, CancellationToken cancellationToken) =>
        Enum.TryParse<ObligationKind>(obligation.Kind, out var kind) && ObligationRules.DutyOf(kind) == ObligationDuty.WorkingGroup
        ? Task.CompletedTask
        : RaiseAsync("obligation", obligation.ProjectId, new Breach(
            RiskRuleKind.OverdueObligation, obligation.ObligationId.ToString(), RiskRules.SeverityOf(RiskRuleKind.OverdueObligation),
            new AlertEvidence { Detail = obligation.Kind, Subject = obligation.Subject, At = obligation.DueAt },
            Episode: obligation.ObligationId.ToString()), cancellationToken, rethrow: true);

    public Task IncidentReportedAsync(ReportedIncident incident, CancellationToken cancellationToken) =>
        !incident.Severe
            ? Task.CompletedTask
            : RaiseAsync("incident", incident.ProjectId, new Breach(
                RiskRuleKind.SevereIncident, incident.IncidentId.ToString(), RiskRules.SeverityOf(RiskRuleKind.SevereIncident),
                new AlertEvidence { Count = incident.Severity, At = incident.DetectedAt },
                Episode: incident.IncidentId.ToString()), cancellationToken);

    public Task ProbeFailingAsync(ProbeStanding standing, CancellationToken cancellationToken) =>
        RaiseAsync("probe", standing.ProjectId, new Breach(
            RiskRuleKind.ProbeFailing, ProbeKey(standing.Url), RiskRules.SeverityOf(RiskRuleKind.ProbeFailing),
            new AlertEvidence { Subject = standing.Url, Count = standing.ConsecutiveFailures, Detail = ProbeTexts.Evidence(standing.LastFailure, standing.StatusCode), At = standing.At }), cancellationToken);

    public Task ProbeRecoveredAsync(ProbeStanding standing, CancellationToken cancellationToken) =>
        InScopeAsync("probe", standing.ProjectId, rethrow: false, services =>
            services.GetRequiredService<AlertRaiser>().ResolveAsync(standing.ProjectId, RiskRuleKind.ProbeFailing, ProbeKey(standing.Url), SystemNotes.ProbeRecovered, cancellationToken));

    /// <summary>An endpoint's key: its URL, cut to the key's length (plans allow 500 characters, the same).</summary>
    public static string ProbeKey(string url) => (url.Length > Alert.MaxRuleKeyLength ? url[..Alert.MaxRuleKeyLength] : url).Trim();

    private Task RaiseAsync(string what, Guid projectId, Breach breach, CancellationToken cancellationToken, bool rethrow = false) =>
        InScopeAsync(what, projectId, rethrow, async services =>
        {
            if (await services.GetRequiredService<RuleInputsReader>().ForProjectAsync(projectId, cancellationToken) is { } found && found.Settings.Enables(breach.Kind))
            {
                await services.GetRequiredService<AlertRaiser>().RaiseAsync(found.Target, breach, cancellationToken);
            }

            return true;
        });

    // The obligation clock gives its claim back when a listener throws, so it tells again: that
    // listener rethrows (raising is idempotent on the obligation). The other callers want it caught.
    private async Task InScopeAsync<T>(string what, Guid projectId, bool rethrow, Func<IServiceProvider, Task<T>> work)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await work(scope.ServiceProvider);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogError(exception, "The risk rules failed on {What} of project {Project}.", what, projectId);
            if (rethrow)
            {
                throw;
            }
        }
    }

}
