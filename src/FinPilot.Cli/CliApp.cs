using System.CommandLine;
using System.CommandLine.Invocation;

namespace FinPilot.Cli;

/// <summary>The <c>finpilot</c> command tree; the tests invoke it exactly as the executable does.</summary>
public static class CliApp
{
    /// <summary>Exit code of a command line that does not parse: 2, as Unix tools do, so it is never
    /// mistaken for a command's own failure (1; for <c>ledger verify</c>, a log that failed verification).</summary>
    public const int UsageErrorExitCode = 2;

    public static RootCommand Create()
    {
        var root = new RootCommand("""
            finpilot — administration of a FinPilot installation (资本市场金融科技创新试点平台).
            Reads the same configuration as the web host: appsettings.json, then environment variables
            such as Database__Provider (Sqlite | Postgres) and ConnectionStrings__FinPilot.
            """);
        root.Subcommands.Add(DatabaseCommands.Create());
        root.Subcommands.Add(AdminCommands.Create());
        root.Subcommands.Add(DemoCommands.Create());
        root.Subcommands.Add(LedgerCommands.Create());
        root.Subcommands.Add(RegisterCommands.Create());
        root.Subcommands.Add(SearchCommands.Create());
        root.Subcommands.Add(StatsCommands.Create());
        return root;
    }

    /// <summary>Parses and runs a command line as the executable does.</summary>
    public static async Task<int> InvokeAsync(string[] args, InvocationConfiguration? configuration = null)
    {
        var parse = Create().Parse(args);
        var exit = await parse.InvokeAsync(configuration);
        return parse.Action is ParseErrorAction ? UsageErrorExitCode : exit;
    }
}
