using FinPilot.Web.Features.Audit;
using Microsoft.AspNetCore.Authorization;

namespace FinPilot.Web.Features.Organisations;

public static class OrganisationsSetup
{
    /// <summary>Organisations (申报机构 and others) and who may manage or act for them.</summary>
    public static IHostApplicationBuilder AddOrganisations(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<OrganisationAdministration>();
        builder.Services.AddScoped<OrganisationQueries>();
        builder.Services.AddScoped<IAuthorizationHandler, OrganisationAuthorizationHandler>();
        builder.Services.AddScoped<IAuthorizationHandler, OrganisationScopeAuthorizationHandler>();
        builder.Services.AddAuditMap<OrganisationAuditMap>();
        return builder;
    }

    public static IEndpointRouteBuilder MapOrganisations(this IEndpointRouteBuilder app) => app.MapOrganisationsApi();
}
