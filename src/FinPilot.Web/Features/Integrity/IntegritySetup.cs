using FinPilot.Web.Features.Audit;
using Microsoft.AspNetCore.Authorization;

namespace FinPilot.Web.Features.Integrity;

public static class IntegritySetup
{
    /// <summary>
    /// The integrity module (廉政监督 across the whole process): flags computed from the record by the
    /// scan job or raised by the integrity officer, the explanation they ask for, the audited reads of
    /// sensitive records, and the read and decision records with their exports.
    /// </summary>
    public static IHostApplicationBuilder AddIntegrity(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(IntegrityOptions.From(builder.Configuration));
        builder.Services.AddScoped<IntegrityRecords>();
        builder.Services.AddScoped<IntegrityCommands>();
        builder.Services.AddScoped<IntegrityQueries>();
        builder.Services.AddScoped<IntegrityNotifications>();
        builder.Services.AddScoped<IntegrityExport>();
        builder.Services.AddScoped<IntegrityScan>();
        builder.Services.AddScoped<ReadAudit>();
        builder.Services.AddAuditMap<IntegrityAuditMap>();
        builder.Services.AddScoped<IAuthorizationHandler, IntegrityFlagAuthorizationHandler>();
        builder.Services.AddScoped<IAuthorizationHandler, IntegrityTrailAuthorizationHandler>();

        // One instance, both run by the host and reachable by tests that call TryRunAsync.
        builder.Services.AddSingleton<IntegrityScanJob>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<IntegrityScanJob>());
        return builder;
    }

    public static IEndpointRouteBuilder MapIntegrity(this IEndpointRouteBuilder app) => app.MapIntegrityApi();
}
