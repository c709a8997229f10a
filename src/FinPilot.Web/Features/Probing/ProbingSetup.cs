namespace FinPilot.Web.Features.Probing;

public static class ProbingSetup
{
    /// <summary>
    /// The probing module (自动探测): the leased job probing each plan's endpoints, its guarded HTTP
    /// client, and the reads for a pilot's page.
    /// </summary>
    public static IHostApplicationBuilder AddProbing(this IHostApplicationBuilder builder)
    {
        var options = ProbingOptions.From(builder.Configuration);
        builder.Services.AddSingleton(options);
        builder.Services.AddHttpClient(ProbeClient.ClientName, client =>
            {
                client.Timeout = Timeout.InfiniteTimeSpan; // each probe sets its own
                client.DefaultRequestHeaders.UserAgent.ParseAdd("FinPilot-Probe/1.0");
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseCookies = false,
                UseProxy = false,
                PooledConnectionLifetime = TimeSpan.FromMinutes(2),
                ConnectCallback = (context, ct) => ProbeClient.ConnectAsync(context, options.AllowPrivateAddresses, ct),
            });
        builder.Services.AddScoped<ProbeClient>();
        builder.Services.AddScoped<ProbeRunner>();
        builder.Services.AddScoped<ProbeQueries>();

        // One instance, both run by the host and reachable by tests that call TryRunAsync.
        builder.Services.AddSingleton<ProbeJob>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ProbeJob>());
        return builder;
    }

    public static IEndpointRouteBuilder MapProbing(this IEndpointRouteBuilder app) => app.MapProbingApi();
}
