namespace FinPilot.Web.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>The <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Apply pending migrations when the web host starts.</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>
    /// SQLite: how much of the database file each connection reads through a memory map (<c>PRAGMA mmap_size</c>);
    /// 0 reads it with system calls. See <see cref="SqliteConnectionTuning"/>.
    /// </summary>
    public long SqliteMapBytes { get; set; } = SqliteConnectionTuning.DefaultMapBytes;

    /// <summary>
    /// Used when <c>ConnectionStrings:FinPilot</c> is not set: <c>data/finpilot.db</c> at the root of
    /// a source checkout (so the web host and the CLI share one file), else under the content root.
    /// </summary>
    public static string DefaultSqliteConnectionString(string contentRoot) =>
        $"Data Source={Path.Combine(DataDirectory(contentRoot), "finpilot.db")}";

    /// <summary>Where the platform keeps its local state by default (database file, uploads, mail drop).</summary>
    public static string DataDirectory(string contentRoot) => Path.Combine(CheckoutRoot(contentRoot) ?? contentRoot, "data");

    /// <summary>The source checkout <paramref name="start"/> lies in (the folder with FinPilot.slnx), or null when deployed.</summary>
    public static string? CheckoutRoot(string start)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FinPilot.slnx")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
