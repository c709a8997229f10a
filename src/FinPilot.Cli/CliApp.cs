using System.CommandLine;

namespace FinPilot.Cli;

/// <summary>The <c>finpilot</c> command tree; the tests invoke it exactly as the executable does.</summary>
public static class CliApp
{
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
        return root;
    }
}
