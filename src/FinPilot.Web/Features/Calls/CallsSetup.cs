using FinPilot.Web.Features.Audit;

namespace FinPilot.Web.Features.Calls;

public static class CallsSetup
{
    /// <summary>The calls module: its services and the job that closes calls at their close time.</summary>
    public static IHostApplicationBuilder AddCalls(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<CallHtml>();
        builder.Services.AddScoped<CallAdministration>();
        builder.Services.AddScoped<CallSubscriptions>();
        builder.Services.AddScoped<CallQueries>();
        builder.Services.AddAuditMap<CallAuditMap>();

        // One instance, both run by the host and reachable by tests that call TryRunAsync.
        builder.Services.AddSingleton<CallClosingJob>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<CallClosingJob>());
        return builder;
    }

    /// <summary>The calls' API and their Atom feed.</summary>
    public static IEndpointRouteBuilder MapCalls(this IEndpointRouteBuilder app) => app.MapCallsApi().MapCallFeed();
}
