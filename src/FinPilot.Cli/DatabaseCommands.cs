using System.CommandLine;
using FinPilot.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

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
        db.Subcommands.Add(Backup());
        return db;
    }

    private static Command Backup()
    {
        var file = new Argument<FileInfo>("file") { Description = "The backup file to write; it must not exist yet." };
        var backup = new Command("backup", """
            Copy the configured database to <file> while the platform runs. SQLite: SQLite's online backup
            API, one consistent snapshot even while the web host writes; the copy is checked
            (integrity_check) and only then appears under its name. To restore, stop the web hosts and put
            the file in place of the database (or point ConnectionStrings__FinPilot at it).
            PostgreSQL: prints the pg_dump and pg_restore commands to use (the server's own tools).
            The ledger's key file is not in the database: keep it with the backup, safely.
            """);
        backup.Arguments.Add(file);
        backup.SetAction((parse, cancellationToken) => CliHost.RunAsync(async services =>
        {
            var target = parse.GetValue(file)!;
            var db = services.GetRequiredService<FinPilotDbContext>();
            if (db.Database.IsNpgsql())
            {
                var connection = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString());
                var where = $"--host={connection.Host} --port={connection.Port} --username={connection.Username} --dbname={connection.Database}";
                Console.WriteLine("On PostgreSQL, back up with the server's own tool (a consistent snapshot, while the platform runs):");
                Console.WriteLine($"  pg_dump --format=custom --no-owner {where} --file={target.FullName}");
                Console.WriteLine("and restore into a new, empty database, then run `finpilot db migrate` and `finpilot ledger audit`:");
                Console.WriteLine($"  pg_restore --no-owner --exit-on-error {where.Replace($"--dbname={connection.Database}", "--dbname=<new database>", StringComparison.Ordinal)} {target.FullName}");
                return 2;
            }

            if (target.Exists)
            {
                Console.Error.WriteLine($"{target.FullName} exists; a backup never overwrites a file.");
                return 1;
            }

            Directory.CreateDirectory(target.DirectoryName!);
            var partial = target.FullName + ".partial";
            File.Delete(partial);
            var source = (SqliteConnection)db.Database.GetDbConnection();
            await source.OpenAsync(cancellationToken);
            try
            {
                await using (var destination = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = partial, Pooling = false }.ConnectionString))
                {
                    await destination.OpenAsync(cancellationToken);
                    source.BackupDatabase(destination);
                    await using var check = destination.CreateCommand();
                    check.CommandText = "PRAGMA integrity_check";
                    var result = (string?)await check.ExecuteScalarAsync(cancellationToken);
                    if (result != "ok")
                    {
                        Console.Error.WriteLine($"The copy failed its integrity check ({result}); nothing was written.");
                        File.Delete(partial);
                        return 1;
                    }
                }

                File.Move(partial, target.FullName);
            }
            finally
            {
                File.Delete(partial);
            }

            Console.WriteLine($"Backed up {source.DataSource} to {target.FullName} ({new FileInfo(target.FullName).Length:N0} bytes).");
            return 0;
        }));
        return backup;
    }
}
