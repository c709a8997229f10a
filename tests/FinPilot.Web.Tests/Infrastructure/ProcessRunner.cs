using System.Diagnostics;

namespace FinPilot.Web.Tests.Infrastructure;

/// <summary>Runs a command line tool to completion and keeps what it printed, for error messages.</summary>
internal static class ProcessRunner
{
    public sealed record Outcome(int ExitCode, string Output)
    {
        public bool Succeeded => ExitCode == 0;
    }

    public static async Task<Outcome> RunAsync(string fileName, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return new Outcome(-1, $"{fileName} did not finish within {timeout}.");
        }

        return new Outcome(process.ExitCode, (await stdout + await stderr).Trim());
    }
}
