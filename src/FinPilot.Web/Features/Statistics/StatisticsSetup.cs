namespace FinPilot.Web.Features.Statistics;

public static class StatisticsSetup
{
    /// <summary>The statistics module (统计与开放数据): indicators computed from public records, the open data, the public home page's figures.</summary>
    public static IHostApplicationBuilder AddStatistics(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<StatisticsQueries>();
        builder.Services.AddScoped<StatisticsReader>();
        builder.Services.AddScoped<StatisticsLabels>();
        builder.Services.AddScoped<HomeQueries>();
        builder.Services.AddScoped<SupervisionAggregates>();
        builder.Services.AddScoped<OpenData>();
        builder.Services.AddOptions<StatisticsOptions>().Bind(builder.Configuration.GetSection(StatisticsOptions.Section))
            .Validate(o => o.IsValid, "Statistics:SnapshotIntervalHours must be 1–744.").ValidateOnStart();
        builder.Services.AddScoped<StatisticsSnapshots>();
        builder.Services.AddSingleton<StatisticsSnapshotJob>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<StatisticsSnapshotJob>());
        return builder;
    }

    public static IEndpointRouteBuilder MapStatistics(this IEndpointRouteBuilder app) => app.MapStatisticsApi();
}
