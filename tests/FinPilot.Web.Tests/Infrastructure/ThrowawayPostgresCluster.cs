using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace FinPilot.Web.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL cluster of the machine's own binaries, made in a temporary directory for one test
/// run: trust authentication, TCP on 127.0.0.1 only, durability switched off because nothing in it
/// needs to survive. initdb refuses to run as root, so under root it runs as the <c>postgres</c> user.
/// </summary>
internal sealed class ThrowawayPostgresCluster : IAsyncDisposable
{
    private const string DirectoryPrefix = "finpilot-pg-";
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(90);

    private readonly string _binDirectory;
    private readonly string _root;
    private readonly bool _asPostgresUser;

    private ThrowawayPostgresCluster(string binDirectory, string root, bool asPostgresUser, int port)
    {
        _binDirectory = binDirectory;
        _root = root;
        _asPostgresUser = asPostgresUser;
        Port = port;
    }

    public int Port { get; }

    public string AdminConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres";

    private string DataDirectory => Path.Combine(_root, "data");

    /// <summary>The directory of the newest installed server binaries, or null when there are none.</summary>
    public static string? FindBinaries()
    {
        var installed = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;
        return installed ?? FindOnPath("initdb");
    }

    /// <summary>Creates and starts a cluster, or returns why it could not.</summary>
    public static async Task<(ThrowawayPostgresCluster? Cluster, string? Problem)> StartAsync(string binDirectory)
    {
        RemoveAbandonedClusters(binDirectory);

        var asPostgresUser = Environment.UserName == "root";
        if (asPostgresUser && FindOnPath("runuser") is null)
        {
            return (null, "running as root and runuser is missing, so initdb cannot run as the postgres user");
        }

        var root = Path.Combine(Path.GetTempPath(), $"{DirectoryPrefix}{Environment.ProcessId}-{Guid.NewGuid():N}"[..40]);
        Directory.CreateDirectory(root);
        var cluster = new ThrowawayPostgresCluster(binDirectory, root, asPostgresUser, FreePort());
        var problem = await cluster.InitialiseAndStartAsync();
        if (problem is null)
        {
            return (cluster, null);
        }

        await cluster.DisposeAsync();
        return (null, problem);
    }

    private async Task<string?> InitialiseAndStartAsync()
    {
        if (_asPostgresUser)
        {
            var chown = await ProcessRunner.RunAsync("chown", ["postgres:postgres", _root], CommandTimeout);
            if (!chown.Succeeded)
            {
                return $"could not give {_root} to the postgres user: {chown.Output}";
            }
        }

        var initdb = await RunToolAsync("initdb", ["-D", DataDirectory, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"]);
        if (!initdb.Succeeded)
        {
            return $"initdb failed: {initdb.Output}";
        }

        // The socket goes in our directory: the default one (/var/run/postgresql) may not exist or be writable.
        var options = $"-p {Port} -k {_root} -c listen_addresses=127.0.0.1 -c max_connections=300 " +
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off";
        var start = await RunToolAsync("pg_ctl", ["-D", DataDirectory, "-l", Path.Combine(_root, "server.log"), "-o", options, "-w", "-t", "60", "start"]);
        return start.Succeeded ? null : $"pg_ctl start failed: {start.Output} {ReadLog()}";
    }

    public async ValueTask DisposeAsync()
    {
        if (File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
        {
            await RunToolAsync("pg_ctl", ["-D", DataDirectory, "-m", "immediate", "-w", "stop"]);
        }

        TryDelete(_root);
    }

    private Task<ProcessRunner.Outcome> RunToolAsync(string tool, IEnumerable<string> arguments) =>
        RunAsync(_binDirectory, _asPostgresUser, tool, arguments);

    private static Task<ProcessRunner.Outcome> RunAsync(string binDirectory, bool asPostgresUser, string tool, IEnumerable<string> arguments)
    {
        var path = Path.Combine(binDirectory, tool);
        return asPostgresUser
            ? ProcessRunner.RunAsync("runuser", ["-u", "postgres", "--", path, .. arguments], CommandTimeout)
            : ProcessRunner.RunAsync(path, arguments, CommandTimeout);
    }

    private string ReadLog()
    {
        var log = Path.Combine(_root, "server.log");
        return File.Exists(log) ? File.ReadAllText(log) : string.Empty;
    }

    /// <summary>A test run that was killed never stopped its cluster; stop those whose process is gone.</summary>
    private static void RemoveAbandonedClusters(string binDirectory)
    {
        foreach (var directory in Directory.GetDirectories(Path.GetTempPath(), DirectoryPrefix + "*"))
        {
            var pidText = Path.GetFileName(directory)[DirectoryPrefix.Length..].Split('-')[0];
            if (!int.TryParse(pidText, out var pid) || IsRunning(pid))
            {
                continue;
            }

            var data = Path.Combine(directory, "data");
            if (File.Exists(Path.Combine(data, "postmaster.pid")))
            {
                RunAsync(binDirectory, Environment.UserName == "root", "pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]).GetAwaiter().GetResult();
            }

            TryDelete(directory);
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary directory is harmless; the next run removes it.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string? FindOnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, tool))
            .Where(File.Exists)
            .Select(Path.GetDirectoryName)
            .FirstOrDefault();
}
