using System.Diagnostics;

namespace FinPilot.Ledger.Tests.Interop;

/// <summary>
/// Builds and runs the Go interop program against Go's own golang.org/x/mod/sumdb packages,
/// as Debian ships them (packages golang-go and golang-golang-x-mod-dev), offline in GOPATH mode.
/// </summary>
internal sealed class GoToolchain
{
    private const string DebianGoPath = "/usr/share/gocode";

    private readonly string _goPath;

    private GoToolchain(string binary, string goPath)
    {
        Binary = binary;
        _goPath = goPath;
    }

    public string Binary { get; }

    /// <summary>
    /// The built program, or a test stop: missing prerequisites fail under CI=true (the CI image
    /// must have them) and skip elsewhere, saying what to install.
    /// </summary>
    public static GoToolchain BuildOrStop()
    {
        var go = FindOnPath("go");
        var goPath = Environment.GetEnvironmentVariable("FINPILOT_INTEROP_GOPATH") ?? DebianGoPath;
        string? missing = null;
        if (go is null)
        {
            missing = "the Go toolchain ('go' on PATH; Debian package golang-go)";
        }
        else if (!Directory.Exists(Path.Combine(goPath, "src/golang.org/x/mod/sumdb/note")))
        {
            missing = $"golang.org/x/mod sources under {goPath} (Debian package golang-golang-x-mod-dev)";
        }

        if (missing is not null)
        {
            var message = $"Go interop test needs {missing}.";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail(message);
            }

            Assert.Skip(message);
        }

        var work = Directory.CreateTempSubdirectory("finpilot-goverify-").FullName;
        var binary = Path.Combine(work, "goverify");
        var source = Path.Combine(AppContext.BaseDirectory, "Interop", "goverify", "main.go");
        var (code, output) = Run(go!, ["build", "-o", binary, source], work, goPath);
        Assert.True(code == 0, $"go build failed:\n{output}");
        return new GoToolchain(binary, goPath);
    }

    public (int ExitCode, string Output) Run(params string[] arguments) =>
        Run(Binary, arguments, Path.GetDirectoryName(Binary)!, _goPath);

    private static (int ExitCode, string Output) Run(string program, string[] arguments, string workDir, string goPath)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // GOPATH mode: no module download, only the Debian-installed sources.
        start.Environment["GO111MODULE"] = "off";
        start.Environment["GOPATH"] = goPath;
        start.Environment["GOFLAGS"] = "";
        start.Environment["GOCACHE"] = Path.Combine(workDir, "gocache");
        start.Environment["GOTOOLCHAIN"] = "local";

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            return (-1, "timed out");
        }

        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
}
