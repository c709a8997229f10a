using FinPilot.Web.Features.Audit;
using FinPilot.Web.Features.Deliberation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace FinPilot.Web.Features.PlanChanges;

public static class PlanChangesSetup
{
    public static IHostApplicationBuilder AddPlanChanges(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<PlanChangeOptions>().Bind(builder.Configuration.GetSection(PlanChangeOptions.Section))
            .Validate(o => o.IsValid, "PlanChanges: MinorMaxExtensionMonths 0–120, working days 1–250, MinReviewers 1–9 and a positive Interval.").ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<PlanChangeOptions>>().Value);
        services.AddScoped<PlanChangeService>();
        services.AddScoped<PlanChangeReviewService>();
        services.AddScoped<PlanChangeQueries>();
        services.AddScoped<PlanChangeApplier>();
        services.AddScoped<PlanChangeNotices>();
        services.AddScoped<IAgendaItemResolution, PlanChangeResolution>();
        services.AddAuditMap<PlanChangeAuditMap>();
        services.AddScoped<IAuthorizationHandler, PlanChangeAuthorizationHandler>();

        // Jobs run only where the host runs (the web host); the command line builds the host and never starts it.
        services.AddSingleton<PlanChangeEffectJob>();
        services.AddHostedService(sp => sp.GetRequiredService<PlanChangeEffectJob>());
        return builder;
    }

    public static IEndpointRouteBuilder MapPlanChanges(this IEndpointRouteBuilder app) => app.MapPlanChangesApi();
}
