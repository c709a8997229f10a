using System.CommandLine;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Search;
using Microsoft.Extensions.DependencyInjection;

namespace FinPilot.Cli;

/// <summary><c>finpilot search …</c>: maintenance of the platform search's read model.</summary>
internal static class SearchCommands
{
    public static Command Create()
    {
        var rebuild = new Command("rebuild", """
            Recreate the platform search's read model (its rows and full-text index) from the calls, projects,
            organisations, notices and public records, in one transaction: after an upgrade that added it, or
            to check it (the result is the same as the rows kept up to date with every save).
            """);
        rebuild.SetAction((_, cancellationToken) => CliHost.RunAsync(async services =>
        {
            var db = services.GetRequiredService<FinPilotDbContext>();
            var started = System.Diagnostics.Stopwatch.StartNew();
            var rows = await SearchProjection.RebuildAsync(db, cancellationToken);
            Console.WriteLine($"The search holds {rows} documents (rebuilt in {started.Elapsed.TotalSeconds:0.0} s).");
            return 0;
        }));

        var search = new Command("search", "The platform search (全站检索).");
        search.Subcommands.Add(rebuild);
        return search;
    }
}
