namespace FinPilot.Web.Features.Workbench;

public static class WorkbenchSetup
{
    /// <summary>The workbench module (工作台): each role's to-do list on the home page, and the counts in the navigation.</summary>
    public static IHostApplicationBuilder AddWorkbench(this IHostApplicationBuilder builder)
    {
        builder.Services.AddMemoryCache();
        builder.Services.AddScoped<WorkbenchQueries>();
        builder.Services.AddScoped<WorkbenchCounts>();
        return builder;
    }

    public static IEndpointRouteBuilder MapWorkbench(this IEndpointRouteBuilder app) => app.MapWorkbenchApi();
}
