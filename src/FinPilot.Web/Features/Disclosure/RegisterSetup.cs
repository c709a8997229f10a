using System.Globalization;
using FinPilot.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Disclosure;

public static class RegisterSetup
{
    /// <summary>The output-cache policy of the register's anonymous feed and API.</summary>
    public const string CachePolicy = "PublicRegister";

    /// <summary>Tag of every cached register answer, for whoever wants to evict them early.</summary>
    public const string CacheTag = "register";

    /// <summary>
    /// How long an answer is reused. The register changes a few times a day; a minute's delay is
    /// harmless, and a burst of feed readers or crawlers costs one query a minute per address.
    /// </summary>
    public static readonly TimeSpan CacheDuration = TimeSpan.FromSeconds(60);

    internal static IHostApplicationBuilder AddRegister(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<PilotRegister>();

        // The read model is written in the transaction of every save that adds a public event.
        builder.Services.AddSingleton<RegisterProjector>();
        builder.Services.ConfigureDbContext<SqliteFinPilotDbContext>((sp, o) => o.AddInterceptors(sp.GetRequiredService<RegisterProjector>()));
        builder.Services.ConfigureDbContext<PostgresFinPilotDbContext>((sp, o) => o.AddInterceptors(sp.GetRequiredService<RegisterProjector>()));

        // The lookup tables the register's pages name their rows from, shared by every request and dropped by saves.
        builder.Services.AddSingleton<RegisterLookups>();
        builder.Services.AddSingleton<RegisterLookupsInvalidator>();
        builder.Services.ConfigureDbContext<SqliteFinPilotDbContext>((sp, o) => o.AddInterceptors(sp.GetRequiredService<RegisterLookupsInvalidator>()));
        builder.Services.ConfigureDbContext<PostgresFinPilotDbContext>((sp, o) => o.AddInterceptors(sp.GetRequiredService<RegisterLookupsInvalidator>()));

        // The default policy caches only anonymous GETs with 200 answers, keyed by path and every
        // query value; the answer's language comes from Accept-Language, ?culture= or the cookie,
        // so the culture chosen is part of the key too.
        builder.Services.AddOutputCache(options => options.AddPolicy(CachePolicy, policy => policy
            .Expire(CacheDuration)
            .VaryByValue(_ => new KeyValuePair<string, string>("culture", CultureInfo.CurrentUICulture.Name))
            .Tag(CacheTag)));
        return builder;
    }
}
