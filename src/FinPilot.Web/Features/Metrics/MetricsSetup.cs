using FinPilot.Web.Features.Audit;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;

namespace FinPilot.Web.Features.Metrics;

public static class MetricsSetup
{
    /// <summary>API clients (their own authentication scheme and policy), CloudEvents ingestion, receipts and series reads.</summary>
    public static IHostApplicationBuilder AddMetrics(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var options = builder.Configuration.GetSection(IngestionOptions.Section).Get<IngestionOptions>() ?? new IngestionOptions();
        services.AddSingleton(options);
        services.AddSingleton<IngestionRateLimiter>();
        services.AddScoped<ApiClientAdministration>();
        services.AddAuditMap<ApiClientAuditMap>();
        services.AddScoped<IAuthorizationHandler, ApiClientScopeAuthorizationHandler>();
        services.AddScoped<IAuthorizationHandler, ApiClientAuthorizationHandler>();
        services.AddScoped<MetricIngestion>();
        services.AddScoped<MetricSampleWriter>();
        services.AddScoped<MetricSeries>();
        services.AddSingleton<MetricReceipts>();

        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiClientAuthenticationHandler>(ApiClientAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiClientAuthenticationHandler.Policy, policy => policy
                .AddAuthenticationSchemes(ApiClientAuthenticationHandler.SchemeName)
                .RequireClaim(ApiClientClaims.ClientId)
                .RequireClaim(ApiClientClaims.OrganisationId));
        return builder;
    }

    public static IEndpointRouteBuilder MapMetrics(this IEndpointRouteBuilder app) => app.MapMetricsApi();
}
