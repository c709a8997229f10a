using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace FinPilot.Web.Tests.Hosting;

/// <summary>
/// The built web host (<c>dotnet FinPilot.Web.dll</c>) in a process of its own, as an installation
/// runs it, configured by environment variables only; <see cref="Kill"/> is <c>kill -9</c>. The same
/// way the register benchmark starts its host, for tests that need a real process to lose.
/// </summary>
internal sealed class WebHostProcess : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _log = new();
    private Process? _process;

    private WebHostProcess(string name, int port, IReadOnlyDictionary<string, string> environment)
    {
        Name = name;
        Port = port;
        Environment = environment;
        Address = new Uri($"http://127.0.0.1:{port}");
    }

    public string Name { get; }

    public int Port { get; }

    public Uri Address { get; }

    public IReadOnlyDictionary<string, string> Environment { get; }

    /// <summary>The operating system's id of the running process (the lease holder names it).</summary>
    public int ProcessId => _process?.Id ?? throw new InvalidOperationException($"{Name} is not running.");

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>What the process printed, last lines first cut, for a failing assertion's message.</summary>
    public string Log => string.Join('\n', _log.TakeLast(80));

    /// <summary>The web host's entry assembly, built with the tests (same configuration) by the project reference.</summary>
    public static string WebDll()
    {
        var baseDirectory = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = baseDirectory.Parent?.Name ?? "Debug";
        var root = baseDirectory;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "FinPilot.slnx")))
        {
            root = root.Parent;
        }

        Assert.NotNull(root);
        var dll = Path.Combine(root.FullName, "src", "FinPilot.Web", "bin", configuration, baseDirectory.Name, "FinPilot.Web.dll");
        Assert.True(File.Exists(dll), $"The web host is not built at {dll}.");
        return dll;
    }

    /// <summary>Settings of a node of the platform with demo data (Development, so plain HTTP is served).</summary>
    public static Dictionary<string, string> Settings(string provider, string connectionString, string ledgerKeyFile, string work) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Development",
        ["Database__Provider"] = provider,
        ["ConnectionStrings__FinPilot"] = connectionString,
        ["Database__MigrateOnStartup"] = "true",
        ["Demo__Enabled"] = "true",
        ["Demo__Password"] = Infrastructure.FinPilotApp.DemoPassword,
        ["Mail__PickupDirectory"] = Path.Combine(work, "mail"),
        ["Files__Root"] = Path.Combine(work, "files"),
        ["Ledger__KeyFile"] = ledgerKeyFile,
        ["Telemetry__Prometheus"] = "true",
        ["Logging__LogLevel__Default"] = "Warning",
        ["Logging__LogLevel__FinPilot.Web.Features.Ledger"] = "Information",
    };

    /// <summary>Starts the host on a free port and waits until it answers <c>/health/ready</c>.</summary>
    public static async Task<WebHostProcess> StartAsync(string name, IReadOnlyDictionary<string, string> environment, int? port = null)
    {
        var host = new WebHostProcess(name, port ?? FreePort(), environment);
        await host.StartAsync();
        return host;
    }

    /// <summary>Starts the same node again (same port and settings), as a supervisor restarts it.</summary>
    public async Task StartAsync()
    {
        Assert.False(IsRunning, $"{Name} is already running.");
        _process?.Dispose();
        var dll = WebDll();
        var dotnet = System.Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
        var start = new ProcessStartInfo(dotnet)
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var (key, value) in Environment)
        {
            start.Environment[key] = value;
        }

        start.Environment["ASPNETCORE_URLS"] = Address.ToString().TrimEnd('/');
        var watch = Stopwatch.StartNew();
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {Name}.");
        _process = process;
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        while (watch.Elapsed < TimeSpan.FromMinutes(6))
        {
            Assert.False(process.HasExited, $"{Name} exited while starting:\n{Log}");
            try
            {
                using var ready = await client.GetAsync("/health/ready");
                if (ready.IsSuccessStatusCode)
                {
                    Keep($"[test] {Name} ready in {watch.Elapsed.TotalSeconds:0.0} s");
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(250);
        }

        Kill();
        Assert.Fail($"{Name} did not become ready within 6 minutes:\n{Log}");
    }

    /// <summary><c>kill -9</c>: the process gets no chance to finish anything.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: false);
            process.WaitForExit();
            Keep($"[test] {Name} killed");
        }
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        _process?.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>Sums a counter of the node's Prometheus scrape (<c>Telemetry:Prometheus</c>) over the series whose labels include all of <paramref name="labels"/>.</summary>
    public async Task<double> CounterAsync(HttpClient client, string metric, params string[] labels)
    {
        var text = await client.GetStringAsync(new Uri(Address, "/metrics"));
        return text.Split('\n')
            .Where(l => (l.StartsWith(metric + "{", StringComparison.Ordinal) || l.StartsWith(metric + "_total{", StringComparison.Ordinal))
                && labels.All(label => l.Contains(label, StringComparison.Ordinal)))
            .Sum(l => double.Parse(l[(l.LastIndexOf('}') + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture));
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _log.Enqueue(line);
        while (_log.Count > 400)
        {
            _log.TryDequeue(out _);
        }
    }
}
