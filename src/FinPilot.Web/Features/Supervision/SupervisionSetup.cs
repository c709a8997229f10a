using FinPilot.Web.Features.Audit;
using Microsoft.AspNetCore.Authorization;

namespace FinPilot.Web.Features.Supervision;

public static class SupervisionSetup
{
    public static IHostApplicationBuilder AddSupervision(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<SupervisionPlans>();
        services.AddScoped<SupervisionPlanService>();
        services.AddAuditMap<SupervisionPlanAuditMap>();
        services.AddAuditMap<PeriodicReportAuditMap>();
        services.AddAuditMap<ProgressDisclosureAuditMap>();
        services.AddScoped<PeriodicReportService>();
        services.AddScoped<ReportFiles>();
        services.AddScoped<ProgressDisclosureService>();
        services.AddScoped<SupervisionQueries>();
        services.AddScoped<IReportObligations, ObligationBookReportObligations>();
        services.AddScoped<IAuthorizationHandler, SupervisionAuthorizationHandler>();

        // Jobs run only where the host runs (the web host); the command line builds the host and never starts it.
        services.AddSingleton<PlanDraftingJob>();
        services.AddHostedService(sp => sp.GetRequiredService<PlanDraftingJob>());
        return builder;
    }

    public static IEndpointRouteBuilder MapSupervision(this IEndpointRouteBuilder app) => app.MapSupervisionApi().MapSupervisionPageEndpoints();
}
