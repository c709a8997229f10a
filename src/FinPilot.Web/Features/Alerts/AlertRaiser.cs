using System.Globalization;
using FinPilot.Domain.Alerts;
using FinPilot.Domain.Identity;
using FinPilot.Domain.Supervision;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Audit;
using FinPilot.Web.Features.Commands;
using FinPilot.Web.Features.Identity;
using FinPilot.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Alerts;

/// <summary>What the audit trail calls the module's actions.</summary>
public static class AlertActions
{
    public const string Raised = "alert.raised";
    public const string ResolvedBySystem = "alert.resolved-by-rule";
    public const string Acknowledged = "alert.acknowledged";
    public const string Resolved = "alert.resolved";
    public const string Dismissed = "alert.dismissed";
    public const string Escalated = "alert.escalated";
    public const string RulesChanged = "alert.rules-changed";
}

/// <summary>The pilot an alert is raised on, as the rules know it: owners, title and the metrics of its plan (to name them in messages).</summary>
public sealed record AlertTarget(Guid ProjectId, int RegionId, Guid OrganisationId, string Title, IReadOnlyList<MetricDefinition> Metrics);

/// <summary>
/// Raises alerts idempotently and resolves them when their cause goes away. At most one open alert
/// per (project, kind, key): a look first, and the filtered unique index when two raisers race
/// (the loser's save is refused and dropped). An alert whose episode was raised before, open or
/// closed, is not raised again. Each raise is saved with its audit line and its messages to the
/// region's working group (and the applicant's organisation when the breach concerns it; none for an overdue obligation, whose clock has told them), each
/// in the reader's language. Works in its own unit of work: callers give it a scope of its own.
/// </summary>
public sealed class AlertRaiser(FinPilotDbContext db, CommandPipeline commands, Notifier notifier, TimeProvider clock, ILogger<AlertRaiser> logger)
{
    public const string SystemActor = "system";

    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    public static string LinkOf(Guid alertId) => $"/alerts/{alertId}";

    /// <summary>Raises the breach's alert unless one is open for its rule or its episode was raised; returns the new alert, or null.</summary>
    public async Task<Alert?> RaiseAsync(AlertTarget target, Breach breach, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(breach);
        if (await OpenAsync(target.ProjectId, breach.Kind, breach.RuleKey, cancellationToken) is not null)
        {
            return null;
        }

        if (breach.Episode is { } episode && await db.Alerts.AsNoTracking()
            .AnyAsync(a => a.ProjectId == target.ProjectId && a.Kind == breach.Kind && a.RuleKey == breach.RuleKey && a.Episode == episode, cancellationToken))
        {
            return null;
        }

        var alert = Alert.Raise(target.ProjectId, target.RegionId, target.OrganisationId, breach.Kind, breach.RuleKey, breach.Episode, breach.Severity,
            breach.Evidence, clock.GetUtcNow()).ValueOrThrow();
        db.Alerts.Add(alert);
        if (RiskRules.AnnouncesOnRaise(alert.Kind))
        {
            await NotifyAsync(alert, target, cancellationToken);
        }

        try
        {
            await commands.SaveAsync(cancellationToken);
            return alert;
        }
        catch (DbUpdateException exception)
        {
            // Another raiser saved the open alert between our look and our save: the unique index
            // refused ours, which is the point. Drop it with its messages and audit line.
            db.ChangeTracker.Clear();
            if (logger.IsEnabled(LogLevel.Debug))
            {
                logger.LogDebug(exception, "Alert {Kind}/{Key} of project {Project} was raised by another.", breach.Kind, breach.RuleKey, target.ProjectId);
            }
            return null;
        }
    }

    /// <summary>Resolves the open alert of the rule, if there is one, as the system, with the note; true when it did.</summary>
    public async Task<bool> ResolveAsync(Guid projectId, RiskRuleKind kind, string ruleKey, string note, CancellationToken cancellationToken)
    {
        var alert = await OpenAsync(projectId, kind, ruleKey, cancellationToken, tracked: true);
        if (alert is null || !alert.Resolve(clock.GetUtcNow(), SystemActor, note).Succeeded)
        {
            return false;
        }

        var saved = await commands.SaveAsync(AlertErrors.Concurrency, cancellationToken);
        return saved.Succeeded;
    }

    private Task<Alert?> OpenAsync(Guid projectId, RiskRuleKind kind, string ruleKey, CancellationToken cancellationToken, bool tracked = false)
    {
        var alerts = tracked ? db.Alerts : db.Alerts.AsNoTracking();
        return alerts.Where(a => a.ProjectId == projectId && a.Kind == kind && a.RuleKey == ruleKey && Alert.OpenStatuses.Contains(a.Status))
            .FirstOrDefaultAsync(cancellationToken);
    }

    private async Task NotifyAsync(Alert alert, AlertTarget target, CancellationToken cancellationToken)
    {
        var ids = await db.UserIdsWithAsync(Role.RegionalWorkingGroup, alert.RegionId, null, cancellationToken);
        if (RiskRules.ConcernsApplicant(alert.Kind))
        {
            ids.AddRange(await db.UserIdsWithAsync(Role.Applicant, null, alert.OrganisationId, cancellationToken));
        }

        var readers = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.PreferredCulture }).ToListAsync(cancellationToken);
        foreach (var group in readers.GroupBy(r => NotificationTexts.CultureFor(r.PreferredCulture).Name == "en" ? English : Chinese))
        {
            notifier.Enqueue(group.Select(r => r.Id), NotificationKind.AlertRaised, LinkOf(alert.Id), new Dictionary<string, string>
            {
                [NotificationValues.Title] = target.Title,
                [AlertTexts.RuleValue] = AlertTexts.Of(alert.Kind, group.Key),
                [AlertTexts.DetailValue] = AlertTexts.Evidence(alert.Kind, alert.Evidence, target.Metrics, group.Key),
            });
        }
    }
}
