namespace FinPilot.Web.Features.Audit;

public static class AuditSetup
{
    /// <summary>The audit trail: written with every change, read by administrators and integrity officers.</summary>
    public static IHostApplicationBuilder AddAudit(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<AuditLog>();
        builder.Services.AddScoped<AuditQuery>();
        return builder;
    }

    public static IEndpointRouteBuilder MapAudit(this IEndpointRouteBuilder app) => app.MapAuditApi();
}
