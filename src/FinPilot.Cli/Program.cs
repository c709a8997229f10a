using System.CommandLine;
using FinPilot.Cli;

var root = new RootCommand("""
    finpilot — administration of a FinPilot installation (资本市场金融科技创新试点平台).
    Reads the same configuration as the web host: appsettings.json, then environment variables
    such as Database__Provider (Sqlite | Postgres) and ConnectionStrings__FinPilot.
    """);
root.Subcommands.Add(DatabaseCommands.Create());
root.Subcommands.Add(AdminCommands.Create());
root.Subcommands.Add(DemoCommands.Create());
return await root.Parse(args).InvokeAsync();
