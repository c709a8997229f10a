using System.CommandLine;
using FinPilot.Web.Data;

namespace FinPilot.Cli;

internal static class DatabaseCommands
{
    public static Command Create()
    {
        var migrate = new Command("migrate", "Apply every pending migration of the configured provider (SQLite or PostgreSQL) and list what was applied.");
        migrate.SetAction((_, cancellationToken) => CliHost.RunAsync(async services =>
        {
            var applied = await DatabaseMigrator.MigrateAsync(services, cancellationToken);
            Console.WriteLine(applied.Count == 0 ? "The database is up to date." : $"Applied: {string.Join(", ", applied)}");
            return 0;
        }));

        var db = new Command("db", "Database maintenance.");
        db.Subcommands.Add(migrate);
        return db;
    }
}
