using FinPilot.Web.Features.Audit;
using Microsoft.AspNetCore.Authorization;

namespace FinPilot.Web.Features.Casebooks;

public static class CasebooksSetup
{
    public static IHostApplicationBuilder AddCasebooks(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<CaseAssembler>();
        services.AddScoped<CasebookService>();
        services.AddScoped<CasebookQueries>();
        services.AddAuditMap<CasebookAuditMap>();
        services.AddScoped<IAuthorizationHandler, CasebookAuthorizationHandler>();
        return builder;
    }

    public static IEndpointRouteBuilder MapCasebooks(this IEndpointRouteBuilder app) => app.MapCasebooksApi();
}
