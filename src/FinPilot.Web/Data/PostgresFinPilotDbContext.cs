using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace FinPilot.Web.Data;

public sealed class PostgresFinPilotDbContext(DbContextOptions<PostgresFinPilotDbContext> options) : FinPilotDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);

        // timestamptz stores instants and Npgsql accepts only UTC offsets; the domain hands out
        // Beijing-time instants (deadlines end at 24:00 +08:00), which are the same instants in UTC.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcConverter>();
    }

    private sealed class UtcConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(v => v.ToUniversalTime(), v => v);
}
