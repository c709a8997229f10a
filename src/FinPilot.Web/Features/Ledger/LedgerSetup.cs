namespace FinPilot.Web.Features.Ledger;

public static class LedgerSetup
{
    public static IServiceCollection AddFinPilotLedger(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection(LedgerOptions.Section).Get<LedgerOptions>() ?? new LedgerOptions());
        services.AddSingleton<LedgerKey>();
        services.AddScoped<LedgerReader>();
        services.AddScoped<LedgerAppender>();
        services.AddScoped<LedgerAudit>();
        return services;
    }

    /// <summary>The web host's ledger job; the key is read at start so a bad key file stops the host with its reason.</summary>
    public static WebApplicationBuilder AddFinPilotLedgerJobs(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<LedgerJob>();
        if (!builder.Configuration.GetValue(LedgerOptions.Section + ":" + nameof(LedgerOptions.RunJob), true))
        {
            return builder;
        }

        builder.Services.AddHostedService(sp =>
        {
            _ = sp.GetRequiredService<LedgerKey>().IsConfigured;
            return sp.GetRequiredService<LedgerJob>();
        });
        return builder;
    }
}
