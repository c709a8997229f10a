using FinPilot.Web.Features.Ledger.Witnessing;

namespace FinPilot.Web.Features.Ledger;

public static class LedgerSetup
{
    /// <summary>The log, its key, proofs, audit and witnessing; the append and witnessing jobs unless <c>Ledger:RunJob</c> is false.</summary>
    public static IHostApplicationBuilder AddLedger(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(builder.Configuration.GetSection(LedgerOptions.Section).Get<LedgerOptions>() ?? new LedgerOptions());
        services.AddSingleton<LedgerKey>();
        services.AddScoped<LedgerReader>();
        services.AddScoped<LedgerEntryList>();
        services.AddScoped<LedgerAppender>();
        services.AddScoped<LedgerAudit>();
        services.AddSingleton<WitnessKeys>();
        services.AddScoped<LedgerWitness>();
        services.AddScoped<WitnessRefusalPace>();
        services.AddScoped<LedgerWitnessing>();

        // A witness answers in well under a second; a hung one must not hold the witnessing job.
        var witnessTimeout = builder.Configuration.GetValue(LedgerOptions.Section + ":" + nameof(LedgerOptions.WitnessTimeoutSeconds), 10);
        services.AddHttpClient(LedgerWitnessing.ClientName, client =>
        {
            client.Timeout = TimeSpan.FromSeconds(Math.Clamp(witnessTimeout, 1, 300));
            client.MaxResponseContentBufferSize = 64 * 1024;
        });

        // The keys are read when the jobs start, so a bad key file stops the web host with its reason.
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

    public static IEndpointRouteBuilder MapLedger(this IEndpointRouteBuilder app) => app.MapLedgerApi();
}
