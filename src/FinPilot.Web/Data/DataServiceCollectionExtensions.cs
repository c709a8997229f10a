using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>
    /// Registers the provider's context and exposes it as <see cref="FinPilotDbContext"/>, which is
    /// what every handler asks for.
    /// </summary>
    public static IServiceCollection AddFinPilotData(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddSingleton(options);
        var connectionString = configuration.GetConnectionString("FinPilot");

        // The options are built once: every configuration of them (the provider, the projectors' interceptors, which are
        // singletons) is the same for every request, and building them per request cost a measurable share of a page.
        switch (options.Provider)
        {
            case DatabaseProvider.Postgres:
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new InvalidOperationException(
                        "Database:Provider is Postgres but ConnectionStrings:FinPilot is empty. " +
                        "Set ConnectionStrings__FinPilot, e.g. 'Host=localhost;Database=finpilot;Username=finpilot;Password=…'.");
                }

                services.AddDbContext<PostgresFinPilotDbContext>(o => o.UseNpgsql(connectionString), optionsLifetime: ServiceLifetime.Singleton);
                services.AddScoped<FinPilotDbContext>(sp => sp.GetRequiredService<PostgresFinPilotDbContext>());
                break;
            default:
                connectionString = string.IsNullOrWhiteSpace(connectionString)
                    ? DatabaseOptions.DefaultSqliteConnectionString(contentRoot)
                    : connectionString;
                EnsureSqliteDirectory(connectionString);
                services.AddDbContext<SqliteFinPilotDbContext>(
                    o => o.UseSqlite(connectionString).AddInterceptors(new SqliteConnectionTuning(options.SqliteMapBytes)), optionsLifetime: ServiceLifetime.Singleton);
                services.AddScoped<FinPilotDbContext>(sp => sp.GetRequiredService<SqliteFinPilotDbContext>());
                break;
        }

        // "ready": what /health/ready asks (the database answers and has every migration); /health asks the database alone.
        services.AddSingleton<DatabaseReadiness>();
        services.AddHealthChecks()
            .AddDbContextCheck<FinPilotDbContext>(HealthChecks.Database, tags: [HealthChecks.Ready])
            .AddCheck<MigrationsHealthCheck>(HealthChecks.Migrations, tags: [HealthChecks.Ready]);
        return services;
    }

    private static void EnsureSqliteDirectory(string connectionString)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString);
        var directory = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(directory) && builder.DataSource != ":memory:")
        {
            Directory.CreateDirectory(directory);
        }
    }
}

/// <summary>The names and tag of the platform's health checks.</summary>
public static class HealthChecks
{
    public const string Database = "database";

    public const string Migrations = "migrations";

    public const string Ready = "ready";
}
