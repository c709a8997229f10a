using FinPilot.Domain.Alerts;
using FinPilot.Domain.Common;
using FinPilot.Web.Features.Audit;

namespace FinPilot.Web.Features.Alerts;

/// <summary>The audit line of every event an <see cref="Alert"/> records: raised and closed by the rules as the system, triaged by people.</summary>
public sealed class AlertAuditMap : AuditMap<Alert>
{
    protected override AuditLine? Map(Alert alert, IDomainEvent recorded, AuditFacts facts) => recorded switch
    {
        AlertRaised => Line(alert, AlertActions.Raised,
            new { kind = alert.Kind.ToString(), alert.RuleKey, severity = alert.Severity.ToString(), alert.Evidence, project = alert.ProjectId }) with
        { ActorName = AlertRaiser.SystemActor },
        AlertTriaged { By: AlertRaiser.SystemActor, To: AlertStatus.Resolved } e => Line(alert, AlertActions.ResolvedBySystem,
            new { kind = alert.Kind.ToString(), ruleKey = alert.RuleKey, note = e.Text }) with
        { ActorName = AlertRaiser.SystemActor },
        AlertTriaged e => Line(alert, ActionOf(e.To),
            new { from = e.From.ToString(), to = e.To.ToString(), kind = alert.Kind.ToString(), alert.RuleKey, text = e.Text }),
        _ => null,
    };

    private static string ActionOf(AlertStatus to) => to switch
    {
        AlertStatus.Acknowledged => AlertActions.Acknowledged,
        AlertStatus.Resolved => AlertActions.Resolved,
        AlertStatus.Dismissed => AlertActions.Dismissed,
        _ => AlertActions.Escalated,
    };

    private static AuditLine Line(Alert alert, string action, object details) =>
        new(action, AuditResource.Alert, alert.Id.ToString(), details, alert.RegionId);
}

/// <summary>The audit line of a pilot's own rule settings: what they are now.</summary>
public sealed class RiskRuleOverrideAuditMap : AuditMap<RiskRuleOverride>
{
    protected override AuditLine? Map(RiskRuleOverride own, IDomainEvent recorded, AuditFacts facts) => recorded is RiskRulesChanged
        ? new(AlertActions.RulesChanged, AuditResource.RiskRuleOverride, own.ProjectId.ToString(),
            new { disabled = own.Settings.Disabled.Select(k => k.ToString()), own.Settings.ChangeRatePercent, own.Settings.StaleGraceDays }, own.RegionId)
        : null;
}
