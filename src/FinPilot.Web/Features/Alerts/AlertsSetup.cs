using FinPilot.Web.Features.Audit;
using FinPilot.Web.Features.Incidents;
using FinPilot.Web.Features.Obligations;
using FinPilot.Web.Features.Probing;
using FinPilot.Web.Features.Supervision;
using Microsoft.AspNetCore.Authorization;

namespace FinPilot.Web.Features.Alerts;

public static class AlertsSetup
{
    /// <summary>
    /// The risk alerts module (风险预警): rules evaluated as data arrives (listeners of samples,
    /// overdue obligations, incidents and probes), the clock for the rules time breaks, triage by the
    /// region's working group, and a pilot's own rule settings.
    /// </summary>
    public static IHostApplicationBuilder AddAlerts(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(AlertOptions.From(builder.Configuration));
        builder.Services.AddScoped<AlertRaiser>();
        builder.Services.AddAuditMap<AlertAuditMap>();
        builder.Services.AddAuditMap<RiskRuleOverrideAuditMap>();
        builder.Services.AddScoped<RuleInputsReader>();
        builder.Services.AddScoped<MetricRuleEvaluator>();
        builder.Services.AddScoped<AlertClock>();
        builder.Services.AddScoped<AlertCommands>();
        builder.Services.AddScoped<AlertQueries>();
        builder.Services.AddScoped<IAuthorizationHandler, AlertAuthorizationHandler>();

        builder.Services.AddSingleton<AlertListeners>();
        builder.Services.AddSingleton<IMetricSampleListener>(sp => sp.GetRequiredService<AlertListeners>());
        builder.Services.AddSingleton<IObligationOverdueListener>(sp => sp.GetRequiredService<AlertListeners>());
        builder.Services.AddSingleton<IIncidentListener>(sp => sp.GetRequiredService<AlertListeners>());
        builder.Services.AddSingleton<IProbeListener>(sp => sp.GetRequiredService<AlertListeners>());

        // One instance, both run by the host and reachable by tests that call TryRunAsync.
        builder.Services.AddSingleton<AlertClockJob>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<AlertClockJob>());
        return builder;
    }

    public static IEndpointRouteBuilder MapAlerts(this IEndpointRouteBuilder app) => app.MapAlertsApi();
}
