using FinPilot.Web.Features.Ledger.Witnessing;

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
        services.AddSingleton<WitnessKeys>();
        services.AddScoped<LedgerWitness>();
        services.AddScoped<LedgerWitnessing>();

        // A witness answers in well under a second; a hung one must not hold the witnessing job.
        services.AddHttpClient(LedgerWitnessing.ClientName, client =>
        {
            client.Timeout = TimeSpan.FromSeconds(10);
            client.MaxResponseContentBufferSize = 64 * 1024;
        });
        return services;
    }

    /// <summary>The web host's ledger jobs; the keys are read at start so a bad key file stops the host with its reason.</summary>
    public static WebApplicationBuilder AddFinPilotLedgerJobs(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<LedgerJob>();
        builder.Services.AddSingleton<LedgerWitnessJob>();
        if (!builder.Configuration.GetValue(LedgerOptions.Section + ":" + nameof(LedgerOptions.RunJob), true))
        {
            return builder;
        }

        builder.Services.AddHostedService(sp =>
        {
            _ = sp.GetRequiredService<LedgerKey>().IsConfigured;
            sp.GetRequiredService<WitnessKeys>().Validate();
            return sp.GetRequiredService<LedgerJob>();
        });
        builder.Services.AddHostedService(sp => sp.GetRequiredService<LedgerWitnessJob>());
        return builder;
    }
}
