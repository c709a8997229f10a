using FinPilot.Web.Features.Audit;
using Microsoft.AspNetCore.Authorization;

namespace FinPilot.Web.Features.Regions;

public static class RegionsSetup
{
    /// <summary>Regions, and the region-scoped permission every regional record is checked with.</summary>
    public static IHostApplicationBuilder AddRegions(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<RegionAdministration>();
        builder.Services.AddScoped<RegionQueries>();
        builder.Services.AddAuditMap<RegionAuditMap>();
        builder.Services.AddScoped<IAuthorizationHandler, RegionScopedAuthorizationHandler>();
        return builder;
    }

    public static IEndpointRouteBuilder MapRegions(this IEndpointRouteBuilder app) => app.MapRegionsApi();
}
