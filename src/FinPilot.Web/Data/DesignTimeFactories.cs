using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace FinPilot.Web.Data;

// Used only by `dotnet ef migrations add`; the connection strings are never opened.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteFinPilotDbContext>
{
    public SqliteFinPilotDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteFinPilotDbContext>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresFinPilotDbContext>
{
    public PostgresFinPilotDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresFinPilotDbContext>().UseNpgsql("Host=localhost;Database=design").Options);
}
