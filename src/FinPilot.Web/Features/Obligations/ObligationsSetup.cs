using FinPilot.Web.Features.Audit;
using Microsoft.AspNetCore.Authorization;

namespace FinPilot.Web.Features.Obligations;

public static class ObligationsSetup
{
    /// <summary>
    /// The obligations module (义务与时限): the book other modules write obligations through, the
    /// lists, and the clock that schedules periodic reports, reminds and tells of overdue ones.
    /// </summary>
    public static IHostApplicationBuilder AddObligations(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(ObligationOptions.From(builder.Configuration));
        builder.Services.AddScoped<ObligationBook>();
        builder.Services.AddScoped<ObligationQueries>();
        builder.Services.AddScoped<ObligationClock>();
        builder.Services.AddAuditMap<ObligationAuditMap>();
        builder.Services.AddScoped<IAuthorizationHandler, ObligationAuthorizationHandler>();

        // One instance, both run by the host and reachable by tests that call TryRunAsync.
        builder.Services.AddSingleton<ObligationClockJob>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ObligationClockJob>());
        return builder;
    }

    public static IEndpointRouteBuilder MapObligations(this IEndpointRouteBuilder app) => app.MapObligationsApi();
}
