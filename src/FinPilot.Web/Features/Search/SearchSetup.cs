using FinPilot.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Search;

public static class SearchSetup
{
    /// <summary>The platform search (全站检索): its read model kept with every save, the query, the page and the API.</summary>
    public static IHostApplicationBuilder AddSearch(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<PlatformSearch>();

        // The read model is written in the transaction of every save that changes one of its sources.
        builder.Services.AddSingleton<SearchProjector>();
        builder.Services.ConfigureDbContext<SqliteFinPilotDbContext>((sp, o) => o.AddInterceptors(sp.GetRequiredService<SearchProjector>()));
        builder.Services.ConfigureDbContext<PostgresFinPilotDbContext>((sp, o) => o.AddInterceptors(sp.GetRequiredService<SearchProjector>()));
        return builder;
    }

    public static IEndpointRouteBuilder MapSearch(this IEndpointRouteBuilder app) => app.MapSearchApi();
}
