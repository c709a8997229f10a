using FinPilot.Web.Features.Audit;
using FinPilot.Web.Features.Deliberation;
using Microsoft.AspNetCore.Authorization;

namespace FinPilot.Web.Features.Exit;

public static class ExitSetup
{
    public static IHostApplicationBuilder AddExit(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ExitOptions>().Bind(builder.Configuration.GetSection(ExitOptions.Section))
            .Validate(o => o.IsValid, "Exit: working days 1–250 and MinReviewers 1–9.").ValidateOnStart();
        services.AddScoped<ExitService>();
        services.AddScoped<ExitReviewService>();
        services.AddScoped<ExitQueries>();
        services.AddScoped<ExitChecklistFiles>();
        services.AddScoped<ExitRecord>();
        services.AddScoped<ExitNotices>();
        services.AddScoped<ExitPublicRecords>();
        services.AddScoped<IAgendaItemResolution, TerminationResolution>();
        services.AddScoped<IAgendaItemResolution, ExitResolution>();
        services.AddAuditMap<ExitAuditMap>();
        services.AddScoped<IAuthorizationHandler, ExitAuthorizationHandler>();
        return builder;
    }

    public static IEndpointRouteBuilder MapExit(this IEndpointRouteBuilder app) => app.MapExitsApi().MapExitChecklistFiles();
}
