using FinPilot.Web.Features.Audit;
using Microsoft.AspNetCore.Authorization;

namespace FinPilot.Web.Features.Incidents;

public static class IncidentsSetup
{
    /// <summary>The incidents module (事件报告): reports, updates and triage, with the severe-incident obligation and the listeners told of each report.</summary>
    public static IHostApplicationBuilder AddIncidents(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(IncidentOptions.From(builder.Configuration));
        builder.Services.AddScoped<IncidentCommands>();
        builder.Services.AddAuditMap<IncidentAuditMap>();
        builder.Services.AddScoped<IncidentQueries>();
        builder.Services.AddScoped<IncidentNotifications>();
        builder.Services.AddScoped<IAuthorizationHandler, IncidentAuthorizationHandler>();
        return builder;
    }

    public static IEndpointRouteBuilder MapIncidents(this IEndpointRouteBuilder app) => app.MapIncidentsApi();
}
