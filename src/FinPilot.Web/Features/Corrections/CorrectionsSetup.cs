using FinPilot.Web.Features.Audit;
using Microsoft.AspNetCore.Authorization;

namespace FinPilot.Web.Features.Corrections;

public static class CorrectionsSetup
{
    /// <summary>The corrections module (容错纠偏): correction orders with their escalation ladder, and tolerated deviations.</summary>
    public static IHostApplicationBuilder AddCorrections(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(CorrectionOptions.From(builder.Configuration));
        builder.Services.AddScoped<CorrectionCommands>();
        builder.Services.AddScoped<ToleranceCommands>();
        builder.Services.AddScoped<CorrectionQueries>();
        builder.Services.AddScoped<CorrectionFiles>();
        builder.Services.AddScoped<CorrectionNotifications>();
        builder.Services.AddScoped<CorrectionEscalationClock>();
        builder.Services.AddAuditMap<CorrectionAuditMap>();
        builder.Services.AddAuditMap<ToleranceAuditMap>();
        builder.Services.AddScoped<IAuthorizationHandler, CorrectionAuthorizationHandler>();
        builder.Services.AddSingleton<CorrectionEscalationJob>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<CorrectionEscalationJob>());
        return builder;
    }

    public static IEndpointRouteBuilder MapCorrections(this IEndpointRouteBuilder app) => app.MapCorrectionsApi();
}
